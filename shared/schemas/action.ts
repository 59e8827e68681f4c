import { z } from 'zod';
import { roundToOre } from '../cost-model/rounding.ts';
import { categoryCodes } from '../categories.ts';
import { statusCodes } from '../statuses.ts';
import { categorySchema } from './category.ts';
import {
  amountSchema,
  booleanSchema,
  decimalSchema,
  hasAtMostDecimals,
  hasNoNul,
  idSchema,
  integerSchema,
  requiredOr,
  timestampSchema,
  yearSchema,
} from './common.ts';
import { statusSchema } from './status.ts';

/** "Byte av takpapp": verb + object; longer than other names (the database allows 200). */
export const actionNameSchema = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, { error: 'field.required' })
  .max(200, { error: 'action.name_too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });

/** How much: pieces, metres, m²… (the database's CHECK: 0 to 10⁹). Any number of decimals. */
export const quantitySchema = decimalSchema(0, 1_000_000_000, 'quantity.out_of_range');

/**
 * The unit of `quantity`. The usual ones are `st`, `m`, `m2`, `m3`, `kg` and `tim`
 * (docs/product/domain.md § Actions), but any short text is allowed ("lgh", "trappor"), so the list
 * is a suggestion for forms, not a rule.
 */
export const commonUnits = ['st', 'm', 'm2', 'm3', 'kg', 'tim'] as const;
export const unitSchema = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, { error: 'field.required' })
  .max(16, { error: 'unit.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });

/** Years between occurrences of a recurring action; null for a one-off action. */
export const intervalYearsSchema = integerSchema(1, 100, 'interval.out_of_range');

/** A free-text label (project number, accounting code…). */
export const tagSchema = z
  .string({ error: 'field.invalid' })
  .trim()
  .min(1, { error: 'tag.empty' })
  .max(40, { error: 'tag.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });

/** At most 20 labels; a label given twice is kept once (first position). */
export const tagsSchema = z
  .array(tagSchema, { error: 'field.invalid' })
  .max(20, { error: 'tags.too_many' })
  .transform((tags) => [...new Set(tags)]);

/** A free-text note, at most 4 000 characters (blank is the empty note). */
export const noteSchema = z
  .string({ error: 'field.invalid' })
  .trim()
  .max(4000, { error: 'note.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });

/** The fields of an action as a request gives them (docs/product/domain.md § Actions). */
const actionFields = {
  name: actionNameSchema,
  category: categorySchema,
  /** A building of the plan's property; null: none. */
  buildingId: idSchema.nullable(),
  /** A location of the plan's property; null: none. */
  locationId: idSchema.nullable(),
  quantity: quantitySchema,
  unit: unitSchema,
  /** SEK excluding VAT, at the price level of `baseYear`, whole öre. */
  unitPrice: amountSchema,
  /** The planned year of the next occurrence. */
  year: yearSchema,
  intervalYears: intervalYearsSchema.nullable(),
  status: statusSchema,
  /** The price level year of `unitPrice`; null: the plan's default base year. */
  baseYear: yearSchema.nullable(),
  /** Standard-raising work (new balconies…): left out of the fund and the maintenance debt. */
  isInvestment: booleanSchema,
  tags: tagsSchema,
  note: noteSchema,
  /** The library item the action was made from (docs/product/domain.md § Library); null: none. */
  libraryItemId: idSchema.nullable(),
};

/**
 * A new action of a plan. Left out: no building or location, one-off (`intervalYears` null),
 * status `planned`, the plan's base year, not an investment, no tags, an empty note.
 */
export const createActionRequestSchema = z.strictObject({
  name: actionFields.name,
  category: actionFields.category,
  buildingId: actionFields.buildingId.optional(),
  locationId: actionFields.locationId.optional(),
  quantity: actionFields.quantity,
  unit: actionFields.unit,
  unitPrice: actionFields.unitPrice,
  year: actionFields.year,
  intervalYears: actionFields.intervalYears.optional(),
  status: actionFields.status.optional(),
  baseYear: actionFields.baseYear.optional(),
  isInvestment: actionFields.isInvestment.optional(),
  tags: actionFields.tags.optional(),
  note: actionFields.note.optional(),
  libraryItemId: actionFields.libraryItemId.optional(),
});
export type CreateActionRequest = z.infer<typeof createActionRequestSchema>;

/** Every field optional: only given ones change; null clears building, location, interval and base year. */
export const updateActionRequestSchema = z.strictObject(actionFields).partial();
export type UpdateActionRequest = z.infer<typeof updateActionRequestSchema>;

export const actionSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  planId: idSchema,
  /** The plan's property: buildings and locations are chosen among its own. */
  propertyId: idSchema,
  name: z.string(),
  category: z.enum(categoryCodes),
  buildingId: idSchema.nullable(),
  locationId: idSchema.nullable(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  year: z.number().int(),
  intervalYears: z.number().int().nullable(),
  status: z.enum(statusCodes),
  baseYear: z.number().int().nullable(),
  isInvestment: z.boolean(),
  tags: z.array(z.string()),
  note: z.string(),
  libraryItemId: idSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Action = z.infer<typeof actionSchema>;

/** A plan's actions, ordered by year, category (display order), name and id. */
export const actionsResponseSchema = z.array(actionSchema);
export type ActionsResponse = z.infer<typeof actionsResponseSchema>;

/**
 * Marks the action's due occurrence as done. `year`: when it was done, by default the first due
 * year (the action's `year`, or `year + intervalYears` when the action is already `done`);
 * `actualCost`: SEK excluding VAT, if known.
 */
export const completeActionRequestSchema = z.strictObject({
  year: yearSchema.optional(),
  actualCost: amountSchema.nullable().optional(),
  note: noteSchema.optional(),
});
export type CompleteActionRequest = z.infer<typeof completeActionRequestSchema>;

/** One completion (genomförd) of an action: its history. */
export const completionSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  actionId: idSchema,
  year: z.number().int(),
  actualCost: z.number().nullable(),
  note: z.string(),
  /** The member who recorded it; null once that user is deleted. */
  completedBy: idSchema.nullable(),
  /** That member's name, as comments name their authors; null once the user is deleted. */
  completedByName: z.string().nullable(),
  completedAt: timestampSchema,
});
export type Completion = z.infer<typeof completionSchema>;

/** GET /api/actions/:id: the action with its completions, newest first. */
export const actionWithCompletionsSchema = actionSchema.extend({ completions: z.array(completionSchema) });
export type ActionWithCompletions = z.infer<typeof actionWithCompletionsSchema>;

/** POST /api/actions/:id/complete: the action as it is now, and the completion recorded. */
export const completeActionResponseSchema = z.object({ action: actionSchema, completion: completionSchema });
export type CompleteActionResponse = z.infer<typeof completeActionResponseSchema>;

/** `excl`: amounts excluding VAT (as stored); `incl`: including the plan's VAT. */
export const vatQuerySchema = z.enum(['excl', 'incl'], { error: 'vat.invalid' });

/** A query-string boolean: exactly `true` or `false`. */
export const queryBooleanSchema = z.enum(['true', 'false'], { error: 'boolean.invalid' }).transform((value) => value === 'true');

/** GET /api/plans/:id/occurrences: `vat` (default excl), `includeInvestments` (default true); nothing else. */
export const occurrencesQuerySchema = z.strictObject({
  vat: vatQuerySchema.default('excl'),
  includeInvestments: queryBooleanSchema.default(true),
});
export type OccurrencesQuery = z.infer<typeof occurrencesQuerySchema>;

/**
 * One occurrence of an action in the plan window (docs/product/cost-model.md § Occurrences); `cost`
 * rounded to öre.
 */
export const occurrenceSchema = z.object({
  actionId: idSchema,
  year: z.number().int(),
  /** Never `done`: the first occurrence of a done recurring action is `planned`. */
  status: z.enum(['draft', 'planned', 'urgent', 'deferred']),
  /** The first due year was before the plan's start, so it is placed in the start year. */
  overdue: z.boolean(),
  cost: z.number().transform(roundToOre),
});
export type Occurrence = z.output<typeof occurrenceSchema>;

/** Every occurrence of a plan, by year, then in the order of the plan's actions. */
export const occurrencesResponseSchema = z.array(occurrenceSchema);
export type OccurrencesResponse = z.output<typeof occurrencesResponseSchema>;

/**
 * The status a bulk update may set: any but `done`. Done is what `POST /api/actions/:id/complete`
 * records, one action at a time, with the year it was done and its actual cost, and it moves a
 * recurring action on to its next occurrence; a bulk `done` would skip all of that, leaving no
 * history, no actual cost, and a recurring action whose next occurrence silently jumps an interval
 * ahead (docs/product/cost-model.md § Occurrences, rule 1: a done action is next due at
 * year + interval).
 */
export const bulkStatusSchema = statusSchema.refine((status) => status !== 'done', { error: 'actions.bulk_done' });

/** The year and status a bulk update's older `changes` may set (kept for existing clients). */
const bulkChangesSchema = z.strictObject({ year: yearSchema.optional(), status: bulkStatusSchema.optional() });

/** The fields a bulk update may set to one value on every selected action; null clears building or location. */
export const bulkSetSchema = z.strictObject({
  category: actionFields.category.optional(),
  buildingId: actionFields.buildingId.optional(),
  locationId: actionFields.locationId.optional(),
  status: bulkStatusSchema.optional(),
  year: yearSchema.optional(),
  tags: actionFields.tags.optional(),
  isInvestment: actionFields.isInvestment.optional(),
});
export type BulkSet = z.infer<typeof bulkSetSchema>;

/**
 * Years to move every selected action by (negative: earlier). Never 0, and at most the 300 years
 * between 1900 and 2200; whether each moved year stays within them is checked against the data.
 */
export const shiftYearsSchema = integerSchema(-300, 300, 'actions.shift_out_of_range').refine((years) => years !== 0, {
  error: 'actions.shift_out_of_range',
});

/**
 * The change of every selected unit price, in percent of it: 10 raises by 10 %, −5 lowers by 5 %.
 * −100 or less would make a price 0 or negative, so it is refused; 1 000 (eleven times the price)
 * is the upper limit. At most two decimals, never 0.
 */
export const scaleUnitPricePercentSchema = z
  .number({ error: requiredOr('number.invalid') })
  .gt(-100, { error: 'actions.scale_out_of_range' })
  .max(1000, { error: 'actions.scale_out_of_range' })
  .refine((percent) => percent !== 0, { error: 'actions.scale_out_of_range' })
  .refine((percent) => hasAtMostDecimals(percent, 2), { error: 'number.too_many_decimals' });

const changeKeys = ['changes', 'set', 'shiftYears', 'scaleUnitPricePercent'] as const;

/**
 * POST /api/plans/:id/actions/bulk-update: the same change to many actions of one plan in one
 * transaction (the per-year view's bulk bar). Any combination of `set` (one value per field),
 * `shiftYears` (move by N years) and `scaleUnitPricePercent`; `changes` is the older form of `set`
 * with year and status only, so it may not be given together with `set`, and a new year cannot be
 * combined with a move. An id that is not an action of this plan answers 404 and nothing is
 * written. Actions that are already `done` may be selected: their fields change like any other's
 * (as with PATCH).
 */
export const bulkUpdateActionsRequestSchema = z
  .strictObject({
    actionIds: z
      .array(idSchema, { error: requiredOr('field.invalid') })
      .min(1, { error: 'actions.none_selected' })
      .max(10_000, { error: 'actions.too_many_selected' })
      .transform((ids) => [...new Set(ids)]),
    changes: bulkChangesSchema.optional(),
    set: bulkSetSchema.optional(),
    shiftYears: shiftYearsSchema.optional(),
    scaleUnitPricePercent: scaleUnitPricePercentSchema.optional(),
  })
  .superRefine((input, context) => {
    if (input.changes && input.set) context.addIssue({ code: 'custom', path: ['set'], message: 'actions.changes_and_set' });
    if ((input.changes?.year ?? input.set?.year) !== undefined && input.shiftYears !== undefined) {
      context.addIssue({ code: 'custom', path: ['shiftYears'], message: 'actions.year_and_shift' });
    }
    if (input.changes && Object.values(input.changes).every((value) => value === undefined)) {
      context.addIssue({ code: 'custom', path: ['changes'], message: 'actions.no_change' });
    }
    if (input.set && Object.values(input.set).every((value) => value === undefined)) {
      context.addIssue({ code: 'custom', path: ['set'], message: 'actions.nothing_to_set' });
    }
  })
  // Also when other fields are wrong, so a request without any change hears so at once.
  .superRefine(
    (input, context) => {
      if (changeKeys.every((key) => input[key] === undefined)) context.addIssue({ code: 'custom', path: ['changes'], message: 'field.required' });
    },
    { when: ({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value) },
  );
export type BulkUpdateActionsRequest = z.infer<typeof bulkUpdateActionsRequestSchema>;

/** The number of actions changed, and the change set that undoes them. */
export const bulkUpdateActionsResponseSchema = z.object({ updated: z.number().int(), changeSetId: idSchema });
export type BulkUpdateActionsResponse = z.infer<typeof bulkUpdateActionsResponseSchema>;
