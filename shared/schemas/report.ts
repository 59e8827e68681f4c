import { z } from 'zod';
import { languages } from '../i18n/language.ts';
import { queryBooleanSchema, vatQuerySchema } from './action.ts';

/**
 * GET /api/plans/:id/report.pdf: `vat` (default excl), `lang` (default sv, the product's primary
 * language), `rounded` (docs/product/cost-model.md § Display rounding, default false: a board
 * report shows what the screen shows unless the reader asks for round figures); nothing else.
 */
export const reportQuerySchema = z.strictObject({
  vat: vatQuerySchema.default('excl'),
  lang: z.enum(languages, { error: 'language.invalid' }).default('sv'),
  rounded: queryBooleanSchema.default(false),
});
export type ReportQuery = z.output<typeof reportQuerySchema>;
