import { z } from 'zod';
import { roundToOre } from '../cost-model/rounding.ts';
import { noteSchema, vatQuerySchema } from './action.ts';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

/** POST /api/plans/:id/versions: a name ("Antagen vid stämman 2027") and an optional note. */
export const createVersionRequestSchema = z.strictObject({
  name: nameSchema,
  note: noteSchema.optional(),
});
export type CreateVersionRequest = z.infer<typeof createVersionRequestSchema>;

/** SEK, unrounded in, rounded to öre out (as the analysis answers). */
const amount = z.number().transform(roundToOre);
const amountOrNull = z
  .number()
  .nullable()
  .transform((value) => (value === null ? null : roundToOre(value)));

/** A named version of a plan: what it was when saved, never recomputed. */
export const versionSchema = z.object({
  id: idSchema,
  name: z.string(),
  note: z.string(),
  createdAt: timestampSchema,
  /** Null only when the user who saved it has since been deleted. */
  createdBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  actionCount: z.number().int(),
  /** The analysis total (SEK excluding VAT) when the version was saved. */
  total: amount,
});
export type Version = z.infer<typeof versionSchema>;

/** Newest first. */
export const versionsResponseSchema = z.array(versionSchema);

/** GET …/diff: `against` is `current` (default) or another version's id of the same plan; `vat` as the analysis (default excl). */
export const versionDiffQuerySchema = z.strictObject({
  against: z.union([z.literal('current'), idSchema], { error: 'field.invalid' }).default('current'),
  vat: vatQuerySchema.default('excl'),
});
export type VersionDiffQuery = z.output<typeof versionDiffQuerySchema>;

const fromTo = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });
const namedAction = z.object({ id: idSchema, name: z.string() });

/** An action's field (the API's name) → its value in the version (`from`) and in the target (`to`). */
export const fieldChangesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
export type FieldChanges = z.infer<typeof fieldChangesSchema>;

/**
 * A version compared with the plan today or with another version: "from" is the version, "to" the
 * target. Amounts as GET /api/plans/:id/analysis and /fund compute them for the same data; a year
 * outside one side's window is null on that side.
 */
export const versionDiffResponseSchema = z.object({
  actions: z.object({
    added: z.array(namedAction),
    removed: z.array(namedAction),
    changed: z.array(namedAction.extend({ changes: fieldChangesSchema })),
  }),
  analysis: z.object({
    total: fromTo(amount),
    years: z.array(z.object({ year: z.number().int(), from: amountOrNull, to: amountOrNull })),
  }),
  fund: z.object({
    requiredProvisionPerYear: fromTo(z.number().nullable()),
    firstShortfallYear: fromTo(z.number().int().nullable()),
  }),
});
export type VersionDiff = z.output<typeof versionDiffResponseSchema>;
/** A diff as the server computes it: amounts unrounded, rounded to öre by the schema on the way out. */
export type VersionDiffInput = z.input<typeof versionDiffResponseSchema>;

/** POST …/restore: the change set the restore made (for undo). */
export const restoreVersionResponseSchema = z.object({ changeSetId: idSchema });
