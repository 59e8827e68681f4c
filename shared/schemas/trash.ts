import { z } from 'zod';
import { idSchema, requiredOr, timestampSchema } from './common.ts';

export const trashKindSchema = z.enum(['action', 'building', 'location', 'plan', 'property', 'organisation']);
export type TrashKind = z.infer<typeof trashKindSchema>;

/**
 * Something deleted, kept in the account's trash until `purgeAt` (docs/product/api.md § Trash). `id`
 * is the deleted object's own id; everything deleted with it (an organisation's properties, a plan's
 * actions with their comments…) comes back with it.
 */
export const trashItemSchema = z.object({
  id: idSchema,
  kind: trashKindSchema,
  name: z.string(),
  deletedAt: timestampSchema,
  deletedBy: z.object({ id: idSchema, name: z.string() }),
  purgeAt: timestampSchema,
});
export type TrashItem = z.infer<typeof trashItemSchema>;

export const trashItemsResponseSchema = z.array(trashItemSchema);

/** What a restore brought back: the item, as it was listed, without the dates. */
export const restoreTrashItemResponseSchema = z.object({ id: idSchema, kind: trashKindSchema, name: z.string() });
export type RestoreTrashItemResponse = z.infer<typeof restoreTrashItemResponseSchema>;

/**
 * POST /api/plans/:id/actions/bulk-delete: moves many actions of one plan to the trash in one
 * transaction. An id that is not an action of this plan answers 404 and nothing is deleted.
 */
export const bulkDeleteActionsRequestSchema = z.strictObject({
  ids: z
    .array(idSchema, { error: requiredOr('field.invalid') })
    .min(1, { error: 'actions.none_selected' })
    .max(10_000, { error: 'actions.too_many_selected' })
    .transform((ids) => [...new Set(ids)]),
});
export type BulkDeleteActionsRequest = z.infer<typeof bulkDeleteActionsRequestSchema>;

/** The number of actions moved to the trash, and the change set that can undo it. */
export const bulkDeleteActionsResponseSchema = z.object({ deleted: z.number().int(), changeSetId: idSchema });
export type BulkDeleteActionsResponse = z.infer<typeof bulkDeleteActionsResponseSchema>;
