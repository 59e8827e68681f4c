import type { z } from 'zod';
import { amountSchema, ratePercentSchema } from '../../../shared/schemas/common.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { numberField } from '../../lib/forms/form-values.ts';

/**
 * The fund's fields as FormData gives them, in the plan form and in the fund assumptions form of
 * the fund analysis: the same names, rules and result in both.
 */
export const fundFormFields = {
  'fund.openingBalance': numberField(amountSchema),
  'fund.currentProvisionPerYear': numberField(amountSchema),
  'fund.provisionGrowthPercent': numberField(ratePercentSchema),
  'fund.interestRatePercent': numberField(ratePercentSchema),
  'fund.minimumBalance': numberField(amountSchema),
};

type FundFormValues = { [Name in keyof typeof fundFormFields]: z.output<(typeof fundFormFields)[Name]> };

/** The API's nested fund from the form's dotted fields. */
export function fundOfForm(form: FundFormValues): Plan['fund'] {
  return {
    openingBalance: form['fund.openingBalance'],
    currentProvisionPerYear: form['fund.currentProvisionPerYear'],
    provisionGrowthPercent: form['fund.provisionGrowthPercent'],
    interestRatePercent: form['fund.interestRatePercent'],
    minimumBalance: form['fund.minimumBalance'],
  };
}
