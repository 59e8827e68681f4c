import { z } from 'zod';
import { nameSchema, optionalTextSchema } from '../../../shared/schemas/common.ts';
import { areaSchema, buildYearSchema, type CreatePropertyRequest } from '../../../shared/schemas/property.ts';
import { nullableNumberField } from '../../lib/forms/form-values.ts';

/**
 * The property form as FormData gives it (strings), checked with the API's own rules: blank
 * optional fields clear the value, areas and build year may be typed "1 234,5" or "1234.5".
 */
export const propertyFormSchema = z.object({
  name: nameSchema,
  designation: optionalTextSchema,
  address: optionalTextSchema,
  municipality: optionalTextSchema,
  buildYear: nullableNumberField(buildYearSchema),
  boa: nullableNumberField(areaSchema),
  loa: nullableNumberField(areaSchema),
}) satisfies z.ZodType<CreatePropertyRequest, unknown>;
