import { z } from 'zod';
import type { Language } from '../../../shared/i18n/language.ts';
import type { UpdatePlanRequest } from '../../../shared/schemas/plan.ts';
import { fundFormFields, fundOfForm } from '../plan-core/fund-form-fields.ts';

/**
 * The fund assumptions form as FormData gives it. Field names are the API's dotted paths
 * (`fund.openingBalance`), so the server's field errors land on the same fields as the client's;
 * the result is the PATCH body that changes only the fund.
 */
export const fundFormSchema = z.object(fundFormFields).transform((form): UpdatePlanRequest => ({ fund: fundOfForm(form) }));

/**
 * A stored number as a person would type it in the language: a decimal comma in Swedish, no digit
 * grouping (an English "1,500,000" would read as a decimal comma when typed back).
 */
export function numberInputValue(value: number, language: Language): string {
  const text = String(value);
  return language === 'sv' ? text.replace('.', ',') : text;
}
