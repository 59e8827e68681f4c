import { z } from 'zod';
import { hasNoNul, idSchema, requiredOr, timestampSchema } from './common.ts';

/** A comment's text: 1–4 000 characters after trimming (the database's CHECK). */
export const commentBodySchema = z
  .string({ error: requiredOr('field.invalid') })
  .trim()
  .min(1, { error: 'field.required' })
  .max(4000, { error: 'comment.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });

export const createCommentRequestSchema = z.strictObject({ body: commentBodySchema });
export type CreateCommentRequest = z.infer<typeof createCommentRequestSchema>;

/** A comment as the API answers it; author fields are null once the author's user is deleted. */
export const commentSchema = z.object({
  id: idSchema,
  actionId: idSchema,
  authorId: idSchema.nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: timestampSchema,
});
export type Comment = z.infer<typeof commentSchema>;

/** An action's comments, oldest first. */
export const commentListSchema = z.array(commentSchema);
