import { z } from 'zod';
import { categoryCodes } from '../categories.ts';
import { categorySchema } from './category.ts';
import { amountSchema, booleanSchema, hasNoNul, idSchema, integerSchema, yearSchema } from './common.ts';
import { actionNameSchema, quantitySchema, unitSchema } from './action.ts';

/**
 * The component library (docs/product/domain.md § Library): action items with a lifetime, an
 * indicative price (riktpris) with its price year and a named source, and components (building
 * parts) that list the items they need over their life. Built-in items and components come from
 * server/features/library/builtin/; an account keeps its own items, some replacing built-in ones.
 */
export const libraryItemKinds = ['replace', 'maintain', 'inspect'] as const;
export const libraryItemKindSchema = z.enum(libraryItemKinds, { error: 'library.kind_invalid' });
export type LibraryItemKind = z.infer<typeof libraryItemKindSchema>;

export const libraryItemOrigins = ['builtin', 'account'] as const;

/** A name in both languages; an account item given one name carries it in both. */
export const libraryNameSchema = z.object({ sv: z.string(), en: z.string() });
export type LibraryName = z.infer<typeof libraryNameSchema>;

/** Years an item lasts before it is done again (the actions' interval), like an action's interval. */
export const lifetimeYearsSchema = integerSchema(1, 100, 'interval.out_of_range');

/** Where the lifetime and the price come from: free text, at most 300 characters. */
export const librarySourceSchema = z
  .string({ error: 'field.invalid' })
  .trim()
  .max(300, { error: 'library.source_too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });

export const libraryItemSchema = z.object({
  id: idSchema,
  name: libraryNameSchema,
  category: z.enum(categoryCodes),
  unit: z.string(),
  lifetimeYears: z.number().int(),
  /** SEK excluding VAT per unit at the price level of `priceYear`: indicative (riktpris). */
  unitPrice: z.number(),
  priceYear: z.number().int(),
  source: z.string(),
  kind: libraryItemKindSchema,
  origin: z.enum(libraryItemOrigins),
  /** An account item that replaces a built-in one for its account: that item's id; else null. */
  replacesItemId: idSchema.nullable(),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

/**
 * GET /api/library/items: the built-in items the account has not replaced, and the account's own
 * items, by category (display order), then Swedish name.
 */
export const libraryItemsResponseSchema = z.array(libraryItemSchema);

/** The longest search: as long as the longest name (actionNameSchema), since a longer text is in no name. */
export const librarySearchMaxLength = 200;

/** `category` narrows to one category, `q` searches both names (case-insensitive), `accountId` chooses the account. */
export const libraryItemsQuerySchema = z.strictObject({
  category: categorySchema.optional(),
  q: z.string().trim().max(librarySearchMaxLength, { error: 'field.invalid' }).optional(),
  accountId: idSchema.optional(),
});
export type LibraryItemsQuery = z.infer<typeof libraryItemsQuerySchema>;

export const libraryComponentSchema = z.object({
  id: idSchema,
  name: libraryNameSchema,
  category: z.enum(categoryCodes),
  /** Built-in item ids; generating resolves each to the account's replacement when it has one. */
  itemIds: z.array(idSchema),
});
export type LibraryComponent = z.infer<typeof libraryComponentSchema>;
export const libraryComponentsResponseSchema = z.array(libraryComponentSchema);

/** An account item's name: one text (used in both languages) or both. */
const accountItemNameSchema = z.union([actionNameSchema, z.strictObject({ sv: actionNameSchema, en: actionNameSchema })]);

const accountItemFields = {
  name: accountItemNameSchema,
  category: categorySchema,
  unit: unitSchema,
  lifetimeYears: lifetimeYearsSchema,
  unitPrice: amountSchema,
  priceYear: yearSchema,
  source: librarySourceSchema,
  kind: libraryItemKindSchema,
  /** A built-in item this one replaces for the account (its own price, say); null: none. */
  replacesItemId: idSchema.nullable(),
};

/** POST /api/accounts/:accountId/library-items. Left out: no source, kind `replace`, replaces nothing. */
export const createLibraryItemRequestSchema = z.strictObject({
  ...accountItemFields,
  source: accountItemFields.source.optional(),
  kind: accountItemFields.kind.optional(),
  replacesItemId: accountItemFields.replacesItemId.optional(),
});
export type CreateLibraryItemRequest = z.infer<typeof createLibraryItemRequestSchema>;

/** PATCH /api/library-items/:id: only given fields change. */
export const updateLibraryItemRequestSchema = z.strictObject(accountItemFields).partial();
export type UpdateLibraryItemRequest = z.infer<typeof updateLibraryItemRequestSchema>;

/** One building part to generate: per building given (null or absent: none), with what is known of it. */
export const generateComponentSchema = z.strictObject({
  componentId: idSchema,
  buildingId: idSchema.nullable().optional(),
  /** The year it was last replaced or done: the first action falls due a lifetime later. */
  lastDoneYear: yearSchema.nullable().optional(),
  /** Measured quantity for every item of the component; absent: 0, to be measured. */
  quantity: quantitySchema.nullable().optional(),
});
export type GenerateComponent = z.infer<typeof generateComponentSchema>;

/**
 * POST /api/plans/:id/generate. `dryRun`: answer what would be created, write nothing.
 * `onExisting`: what to do with a component already generated for the same building (an action of
 * the plan links one of its items): absent, the request is refused with 409 and the list, so the
 * user decides; `skip` leaves those out; `add` generates them again.
 */
export const generateRequestSchema = z.strictObject({
  components: z
    .array(generateComponentSchema, { error: 'field.invalid' })
    .min(1, { error: 'library.generate_none' })
    .max(2000, { error: 'library.generate_too_many' }),
  dryRun: booleanSchema.optional(),
  onExisting: z.enum(['skip', 'add'], { error: 'field.invalid' }).optional(),
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

/** A component already generated for a building (null: none) of the plan. */
export const alreadyGeneratedSchema = z.object({ componentId: idSchema, buildingId: idSchema.nullable() });
export type AlreadyGenerated = z.infer<typeof alreadyGeneratedSchema>;

/** One action a generation creates (or would), before it has an id. */
export const generatedDraftSchema = z.object({
  componentId: idSchema,
  buildingId: idSchema.nullable(),
  libraryItemId: idSchema,
  name: z.string(),
  category: z.enum(categoryCodes),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  baseYear: z.number().int(),
  year: z.number().int(),
  intervalYears: z.number().int(),
});
export type GeneratedDraft = z.infer<typeof generatedDraftSchema>;

/**
 * 201 (200 for a dry run): `created` actions (that many drafts in a dry run, `actionIds` empty),
 * the components left out as already generated, and the change set that undoes it.
 */
export const generateResponseSchema = z.object({
  created: z.number().int(),
  actionIds: z.array(idSchema),
  drafts: z.array(generatedDraftSchema),
  alreadyGenerated: z.array(alreadyGeneratedSchema),
  changeSetId: idSchema.optional(),
});
export type GenerateResponse = z.infer<typeof generateResponseSchema>;

/** POST /api/plans/:id/reprice: these linked actions (absent: every one with another price than its item). */
export const repriceRequestSchema = z.strictObject({
  actionIds: z.array(idSchema, { error: 'field.invalid' }).max(10_000, { error: 'field.invalid' }).optional(),
});
export type RepriceRequest = z.infer<typeof repriceRequestSchema>;

export const repriceResponseSchema = z.object({ updated: z.number().int(), changeSetId: idSchema.optional() });
export type RepriceResponse = z.infer<typeof repriceResponseSchema>;

/**
 * GET /api/plans/:id/reprice: the linked actions whose unit price or price year differs from their
 * item's as the account sees it (the account's replacement of a built-in item when it has one).
 */
export const repriceCandidateSchema = z.object({
  id: idSchema,
  name: z.string(),
  unitPrice: z.number(),
  baseYear: z.number().int().nullable(),
  libraryItemId: idSchema,
  libraryUnitPrice: z.number(),
  libraryPriceYear: z.number().int(),
});
export const repriceCandidatesResponseSchema = z.object({ actions: z.array(repriceCandidateSchema) });
export type RepriceCandidatesResponse = z.infer<typeof repriceCandidatesResponseSchema>;
