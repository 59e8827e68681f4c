import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

/** A location (läge) within a property, e.g. "Tvättstuga", "Trapphus 2". */
export const createLocationRequestSchema = z.strictObject({ name: nameSchema });
export type CreateLocationRequest = z.infer<typeof createLocationRequestSchema>;

export const updateLocationRequestSchema = createLocationRequestSchema.partial();
export type UpdateLocationRequest = z.infer<typeof updateLocationRequestSchema>;

export const locationSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  propertyId: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Location = z.infer<typeof locationSchema>;

export const locationsResponseSchema = z.array(locationSchema);
export type LocationsResponse = z.infer<typeof locationsResponseSchema>;
