import { z } from 'zod';
import {
  amountSchema,
  booleanSchema,
  idSchema,
  integerSchema,
  nameSchema,
  percentSchema,
  ratePercentSchema,
  requiredOr,
  timestampSchema,
  yearSchema,
} from './common.ts';

export const planLengthSchema = integerSchema(1, 100, 'plan.length_out_of_range');

/** Price indexation: action costs grow by `annualRatePercent` a year from their base year. */
export const indexationSchema = z.strictObject(
  {
    enabled: booleanSchema,
    annualRatePercent: ratePercentSchema,
    /** The price level year of actions without their own base year; null: such actions are not indexed. */
    defaultBaseYear: yearSchema.nullable().optional(),
  },
  { error: requiredOr('field.invalid') },
);

/** The maintenance fund (underhållsfond) assumptions of the provision analysis; amounts in SEK. */
export const fundSchema = z.strictObject(
  {
    openingBalance: amountSchema,
    currentProvisionPerYear: amountSchema,
    provisionGrowthPercent: ratePercentSchema,
    interestRatePercent: ratePercentSchema,
    minimumBalance: amountSchema,
  },
  { error: requiredOr('field.invalid') },
);

/**
 * A maintenance plan. Left out: lengthYears 30, clientCostPercent 0, vatPercent 25, indexation
 * off at 0 %, every fund figure 0. Given objects are complete (docs/product/api.md § Plans).
 */
export const createPlanRequestSchema = z.strictObject({
  name: nameSchema,
  startYear: yearSchema,
  lengthYears: planLengthSchema.optional(),
  clientCostPercent: percentSchema.optional(),
  vatPercent: percentSchema.optional(),
  indexation: indexationSchema.optional(),
  fund: fundSchema.optional(),
});
export type CreatePlanRequest = z.infer<typeof createPlanRequestSchema>;

/** Every field optional, and so are the fields of `indexation` and `fund`: only given ones change. */
export const updatePlanRequestSchema = z.strictObject({
  name: nameSchema.optional(),
  startYear: yearSchema.optional(),
  lengthYears: planLengthSchema.optional(),
  clientCostPercent: percentSchema.optional(),
  vatPercent: percentSchema.optional(),
  indexation: indexationSchema.partial().optional(),
  fund: fundSchema.partial().optional(),
});
export type UpdatePlanRequest = z.infer<typeof updatePlanRequestSchema>;

export const planSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  propertyId: idSchema,
  name: z.string(),
  startYear: z.number().int(),
  lengthYears: z.number().int(),
  clientCostPercent: z.number(),
  vatPercent: z.number(),
  indexation: z.object({
    enabled: z.boolean(),
    annualRatePercent: z.number(),
    defaultBaseYear: z.number().int().nullable(),
  }),
  fund: z.object({
    openingBalance: z.number(),
    currentProvisionPerYear: z.number(),
    provisionGrowthPercent: z.number(),
    interestRatePercent: z.number(),
    minimumBalance: z.number(),
  }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Plan = z.infer<typeof planSchema>;

export const plansResponseSchema = z.array(planSchema);

/** PATCH /api/plans/:id: the plan, and when the change rolled the plan forward, the change set that can undo it. */
export const updatePlanResponseSchema = planSchema.extend({ changeSetId: idSchema.optional() });
export type UpdatePlanResponse = z.infer<typeof updatePlanResponseSchema>;
export type PlansResponse = z.infer<typeof plansResponseSchema>;
