import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

/**
 * The parts of a property that actions point at: its buildings (byggnader, e.g. "Hus A") and its
 * locations (lägen, e.g. "Tvättstuga", "Trapphus 2"). Both kinds have the same shape and rules;
 * each kind is its own table and its own segment of the API's paths (`/api/properties/:id/buildings`).
 */
export const propertyPartKinds = ['buildings', 'locations'] as const;
export type PropertyPartKind = (typeof propertyPartKinds)[number];

export const createPropertyPartRequestSchema = z.strictObject({ name: nameSchema });
export type CreatePropertyPartRequest = z.infer<typeof createPropertyPartRequestSchema>;

export const updatePropertyPartRequestSchema = createPropertyPartRequestSchema.partial();
export type UpdatePropertyPartRequest = z.infer<typeof updatePropertyPartRequestSchema>;

export const propertyPartSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  propertyId: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type PropertyPart = z.infer<typeof propertyPartSchema>;

export const propertyPartsResponseSchema = z.array(propertyPartSchema);
export type PropertyPartsResponse = z.infer<typeof propertyPartsResponseSchema>;
