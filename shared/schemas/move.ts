import { z } from 'zod';
import { idSchema } from './common.ts';

/**
 * Moving a property to another organisation, of the same account or another one the user may write
 * to; the answer is the property as GET /api/properties/:id gives it.
 */
export const movePropertyRequestSchema = z.strictObject({ organisationId: idSchema });
export type MovePropertyRequest = z.infer<typeof movePropertyRequestSchema>;

/** Moving an organisation with its properties to another account; the answer is the organisation as GET gives it. */
export const moveOrganisationRequestSchema = z.strictObject({ accountId: idSchema });
export type MoveOrganisationRequest = z.infer<typeof moveOrganisationRequestSchema>;
