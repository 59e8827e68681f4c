import { z } from 'zod';
import { categoryCodes } from '../categories.ts';

export const categorySchema = z.enum(categoryCodes, { error: 'category.invalid' });

export const categoriesResponseSchema = z.array(z.object({ code: categorySchema, sv: z.string(), en: z.string() }));
export type CategoriesResponse = z.infer<typeof categoriesResponseSchema>;
