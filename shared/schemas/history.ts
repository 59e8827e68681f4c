import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';

/** What happened to an action or a plan's settings (server/db/migrations/0011-plan-history.ts). */
export const changeKinds = ['created', 'updated', 'completed', 'deleted', 'restored'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** Field (the API's name; a plan's nested settings as `fund.openingBalance`) → its value before and after. */
export const fieldChangesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
export type FieldChanges = z.infer<typeof fieldChangesSchema>;

const personSchema = z.object({ id: idSchema, name: z.string() });

/** One entry of an action's history: null `user` when no one is known (a deleted user, a system job). */
export const historyEntrySchema = z.object({
  at: timestampSchema,
  user: personSchema.nullable(),
  kind: z.enum(changeKinds),
  changes: fieldChangesSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** GET /api/actions/:id/history: newest first. */
export const actionHistorySchema = z.array(historyEntrySchema);

/** An entry of a plan's history: `actionId` and `actionName` are null for a change of the plan's own settings. */
export const planHistoryEntrySchema = historyEntrySchema.extend({
  actionId: idSchema.nullable(),
  actionName: z.string().nullable(),
  changeSetId: idSchema.nullable(),
});
export type PlanHistoryEntry = z.infer<typeof planHistoryEntrySchema>;

const dateSchema = z.iso.date({ error: 'date.invalid' });

/**
 * GET /api/plans/:id/history: a page of entries older than `before` (the `next` of the previous
 * page), at most `limit` (default 50, at most 200), optionally only by one person (`userId`), within
 * a period of days (`from`, `to`, inclusive, UTC) or touching one field (`field`).
 */
export const planHistoryQuerySchema = z.strictObject({
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, { error: 'cursor.invalid' })
    .optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, { error: 'limit.invalid' })
    .transform(Number)
    .pipe(z.number().min(1, { error: 'limit.invalid' }).max(200, { error: 'limit.invalid' }))
    .default(50),
  userId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  field: z
    .string()
    .regex(/^[a-zA-Z.]{1,40}$/, { error: 'field.invalid' })
    .optional(),
});
export type PlanHistoryQuery = z.infer<typeof planHistoryQuerySchema>;

export const planHistoryPageSchema = z.object({
  items: z.array(planHistoryEntrySchema),
  next: z.string().nullable(),
});
export type PlanHistoryPage = z.infer<typeof planHistoryPageSchema>;

/** POST /api/change-sets/:id/undo: the change set that undid it (itself recorded, with history). */
export const undoChangeSetResponseSchema = z.object({ changeSetId: idSchema });
export type UndoChangeSetResponse = z.infer<typeof undoChangeSetResponseSchema>;

/** The `details` of the undo's 409: the actions changed since, which an undo would overwrite. */
export const undoConflictDetailsSchema = z.object({ actions: z.array(z.object({ id: idSchema, name: z.string() })), planSettings: z.boolean() });
export type UndoConflictDetails = z.infer<typeof undoConflictDetailsSchema>;
