import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

/** A building (byggnad) of a property, e.g. "Hus A". */
export const createBuildingRequestSchema = z.strictObject({ name: nameSchema });
export type CreateBuildingRequest = z.infer<typeof createBuildingRequestSchema>;

export const updateBuildingRequestSchema = createBuildingRequestSchema.partial();
export type UpdateBuildingRequest = z.infer<typeof updateBuildingRequestSchema>;

export const buildingSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  propertyId: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Building = z.infer<typeof buildingSchema>;

export const buildingsResponseSchema = z.array(buildingSchema);
export type BuildingsResponse = z.infer<typeof buildingsResponseSchema>;
