import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

/** An organisation: a portfolio, or a customer of a property manager ("Brf Eken", "Bestånd Norr"). */
export const createOrganisationRequestSchema = z.strictObject({ name: nameSchema });
export type CreateOrganisationRequest = z.infer<typeof createOrganisationRequestSchema>;

export const updateOrganisationRequestSchema = createOrganisationRequestSchema.partial();
export type UpdateOrganisationRequest = z.infer<typeof updateOrganisationRequestSchema>;

export const organisationSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationsResponseSchema = z.array(organisationSchema);
export type OrganisationsResponse = z.infer<typeof organisationsResponseSchema>;
