import { z } from 'zod';
import { categoryCodes } from '../categories.ts';
import { requiredOr } from './common.ts';

/** A category code of shared/categories.ts; a missing one is `field.required`. */
export const categorySchema = z.enum(categoryCodes, { error: requiredOr('category.invalid') });

export const categoriesResponseSchema = z.array(z.object({ code: categorySchema, sv: z.string(), en: z.string() }));
export type CategoriesResponse = z.infer<typeof categoriesResponseSchema>;
