import { z } from 'zod';
import { decimalSchema, idSchema, integerSchema, nameSchema, optionalTextSchema, timestampSchema } from './common.ts';

/** BOA or LOA (living or other lettable floor area) in m², at most two decimals. */
export const areaSchema = decimalSchema(0, 10_000_000, 'area.out_of_range', 2);

/** Buildings may be centuries old; the year the property was built. */
export const buildYearSchema = integerSchema(1000, 2200, 'build_year.out_of_range');

/** A property (fastighet). Optional fields may be null or blank, which clears them. */
export const createPropertyRequestSchema = z.strictObject({
  name: nameSchema,
  /** Fastighetsbeteckning, e.g. "Eken 4". */
  designation: optionalTextSchema.optional(),
  address: optionalTextSchema.optional(),
  municipality: optionalTextSchema.optional(),
  buildYear: buildYearSchema.nullable().optional(),
  boa: areaSchema.nullable().optional(),
  loa: areaSchema.nullable().optional(),
});
export type CreatePropertyRequest = z.infer<typeof createPropertyRequestSchema>;

export const updatePropertyRequestSchema = createPropertyRequestSchema.partial();
export type UpdatePropertyRequest = z.infer<typeof updatePropertyRequestSchema>;

export const propertySchema = z.object({
  id: idSchema,
  accountId: idSchema,
  organisationId: idSchema,
  name: z.string(),
  designation: z.string().nullable(),
  address: z.string().nullable(),
  municipality: z.string().nullable(),
  buildYear: z.number().int().nullable(),
  boa: z.number().nullable(),
  loa: z.number().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Property = z.infer<typeof propertySchema>;

export const propertiesResponseSchema = z.array(propertySchema);
export type PropertiesResponse = z.infer<typeof propertiesResponseSchema>;
