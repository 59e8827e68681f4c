import { z } from 'zod';
import { nameSchema, percentSchema, ratePercentSchema, yearSchema } from '../../../shared/schemas/common.ts';
import { planLengthSchema, type CreatePlanRequest, type Plan } from '../../../shared/schemas/plan.ts';
import { checkboxField, nullableNumberField, numberField } from '../../lib/forms/form-values.ts';
import { fundFormFields, fundOfForm } from '../plan-core/fund-form-fields.ts';

/**
 * The plan form as FormData gives it. Field names are the API's dotted paths
 * (`indexation.annualRatePercent`), so the server's field errors land on the same fields as the
 * client's; the result is the API's nested request, complete, for creating and for saving.
 */
export const planFormSchema = z
  .object({
    name: nameSchema,
    startYear: numberField(yearSchema),
    lengthYears: numberField(planLengthSchema),
    clientCostPercent: numberField(percentSchema),
    vatPercent: numberField(percentSchema),
    'indexation.enabled': checkboxField,
    'indexation.annualRatePercent': numberField(ratePercentSchema),
    'indexation.defaultBaseYear': nullableNumberField(yearSchema),
    ...fundFormFields,
  })
  .transform((form): Required<CreatePlanRequest> => ({
    name: form.name,
    startYear: form.startYear,
    lengthYears: form.lengthYears,
    clientCostPercent: form.clientCostPercent,
    vatPercent: form.vatPercent,
    indexation: {
      enabled: form['indexation.enabled'],
      annualRatePercent: form['indexation.annualRatePercent'],
      defaultBaseYear: form['indexation.defaultBaseYear'],
    },
    fund: fundOfForm(form),
  }));

export type PlanSettings = Pick<Plan, 'name' | 'startYear' | 'lengthYears' | 'clientCostPercent' | 'vatPercent' | 'indexation' | 'fund'>;

/**
 * A new plan's starting values: the server's defaults (30 years, 25 % VAT, no client cost, no
 * indexation, an empty fund), starting this year. The base year is this year too, so ticking
 * indexation is enough to index every action priced at today's level.
 */
export function newPlanSettings(currentYear: number): PlanSettings {
  return {
    name: '',
    startYear: currentYear,
    lengthYears: 30,
    clientCostPercent: 0,
    vatPercent: 25,
    indexation: { enabled: false, annualRatePercent: 0, defaultBaseYear: currentYear },
    fund: { openingBalance: 0, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
  };
}

/** The fund fields, whose section is folded away until needed or in error. */
export const fundFieldNames = Object.keys(fundFormFields) as (keyof typeof fundFormFields)[];
