import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';

/**
 * One place the user is signed in (GET /api/auth/sessions). `id` is the session's public id, never
 * the secret id in its cookie; `userAgent` is the browser's own description, at most 400 characters.
 */
export const sessionSchema = z.object({
  id: idSchema,
  current: z.boolean(),
  createdAt: timestampSchema,
  lastSeenAt: timestampSchema,
  userAgent: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSchema>;

export const sessionListSchema = z.array(sessionSchema);
