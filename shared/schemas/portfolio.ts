import { z } from 'zod';
import { roundToOre } from '../cost-model/rounding.ts';
import { queryBooleanSchema, vatQuerySchema } from './action.ts';
import { queryYearSchema } from './analysis.ts';

/**
 * GET /api/accounts/:accountId/portfolio: `vat` (default excl), `asOfYear` (default: the current
 * UTC calendar year), `includeCustomers` (default false: the customer accounts the account manages).
 */
export const portfolioQuerySchema = z.strictObject({
  vat: vatQuerySchema.default('excl'),
  asOfYear: queryYearSchema.optional(),
  includeCustomers: queryBooleanSchema.default(false),
});
export type PortfolioQuery = z.output<typeof portfolioQuerySchema>;

const amount = z.number().transform(roundToOre);
const amountOrNull = z
  .number()
  .nullable()
  .transform((value) => (value === null ? null : roundToOre(value)));

/** One property with a plan: each figure its plan's own analysis and fund answer with the same options. */
export const portfolioPropertySchema = z.object({
  propertyId: z.string(),
  propertyName: z.string(),
  accountId: z.string(),
  organisationId: z.string(),
  planId: z.string(),
  areaM2: z.number(),
  averagePerYear: amount,
  averagePerYearPerM2: amountOrNull,
  maintenanceDebt: amount,
  maintenanceDebtPerM2: amountOrNull,
  /** The cost of the year after `asOfYear` (0 outside the plan's window). */
  nextYearCost: amount,
  currentProvisionPerYear: amount,
  requiredProvisionPerYear: amountOrNull,
  firstShortfallYear: z.number().int().nullable(),
});
export type PortfolioProperty = z.input<typeof portfolioPropertySchema>;

export const portfolioResponseSchema = z.object({
  properties: z.array(portfolioPropertySchema),
  /** Exact sums of the properties' unrounded figures, rounded once. */
  totals: z.object({ areaM2: z.number(), averagePerYear: amount, maintenanceDebt: amount, nextYearCost: amount }),
});
export type PortfolioResponse = z.input<typeof portfolioResponseSchema>;
