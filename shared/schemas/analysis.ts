import { z } from 'zod';
import { roundToOre } from '../cost-model/rounding.ts';
import { queryBooleanSchema, vatQuerySchema } from './action.ts';
import { yearSchema } from './common.ts';

/** A query-string year: digits only, then 1900–2200. */
export const queryYearSchema = z
  .string({ error: 'number.invalid' })
  .regex(/^\d{1,6}$/, { error: 'number.invalid' })
  .transform(Number)
  .pipe(yearSchema);

/**
 * GET /api/plans/:id/analysis: `vat` (default excl), `includeInvestments` (default true), `asOfYear`
 * (1900–2200; left out here, the server defaults it to the current UTC calendar year); nothing else.
 */
export const analysisQuerySchema = z.strictObject({
  vat: vatQuerySchema.default('excl'),
  includeInvestments: queryBooleanSchema.default(true),
  asOfYear: queryYearSchema.optional(),
});
export type AnalysisQuery = z.output<typeof analysisQuerySchema>;

/** GET /api/plans/:id/fund: `vat` (default excl); nothing else (investments are always excluded). */
export const fundQuerySchema = z.strictObject({
  vat: vatQuerySchema.default('excl'),
});
export type FundQuery = z.output<typeof fundQuerySchema>;

/** SEK, unrounded in, rounded to öre out. */
const amount = z.number().transform(roundToOre);
const amountOrNull = z
  .number()
  .nullable()
  .transform((value) => (value === null ? null : roundToOre(value)));
const amounts = z.record(z.string(), amount);

/** One year of the plan analysis (docs/product/cost-model.md § Plan analysis). */
export const analysisYearSchema = z.object({
  year: z.number().int(),
  total: amount,
  /** Category code → amount; the same keys in every year. */
  byCategory: amounts,
  /** Every occurrence status → amount (never `done`). */
  byStatus: z.object({ draft: amount, planned: amount, urgent: amount, deferred: amount }),
  /** Building id, or `none` → amount; the same keys in every year. */
  byBuilding: amounts,
});

/** The plan analysis (docs/product/api.md § Analysis); amounts rounded to öre. */
export const analysisResponseSchema = z.object({
  window: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
  years: z.array(analysisYearSchema),
  total: amount,
  /** The window's sums by category, status and building (the same keys as every year's). */
  byCategory: amounts,
  byStatus: analysisYearSchema.shape.byStatus,
  byBuilding: amounts,
  averagePerYear: amount,
  areaM2: z.number(),
  /** Null when the area is 0. */
  averagePerYearPerM2: amountOrNull,
  maintenanceDebt: amount,
  /** Null when the area is 0. */
  maintenanceDebtPerM2: amountOrNull,
});
export type AnalysisResponse = z.output<typeof analysisResponseSchema>;

/**
 * The fund analysis (avsättningsanalys, docs/product/api.md § Fund analysis); amounts
 * rounded to öre.
 */
export const fundResponseSchema = z.object({
  years: z.array(z.object({ year: z.number().int(), cost: amount, provision: amount, balance: amount })),
  /** Σ of the years' cost, summed from the occurrences. */
  totalCost: amount,
  firstShortfallYear: z.number().int().nullable(),
  /** Whole kronor; null only when no provision can keep the minimum. */
  requiredProvisionPerYear: z.number().nullable(),
  annualisedCost: amount,
});
export type FundResponse = z.output<typeof fundResponseSchema>;
