import { z } from 'zod';
import { idSchema, integerSchema, nameSchema, timestampSchema } from './common.ts';

/**
 * Customer accounts of a property manager (docs/decisions/0040-customer-accounts.md). `status` as
 * the customer's own members meet it: a trial past its end reads `inactive`.
 */
export const customerStatusSchema = z.enum(['trial', 'active', 'inactive']);

/** POST /api/accounts/:managerId/customers: `trialDays` starts a trial of that many days; without it the customer is active. */
export const createCustomerRequestSchema = z.strictObject({
  name: nameSchema,
  trialDays: integerSchema(1, 365, 'customer.trial_days_out_of_range').optional(),
});
export type CreateCustomerRequest = z.infer<typeof createCustomerRequestSchema>;

export const customerSchema = z.object({
  accountId: idSchema,
  name: z.string(),
  status: customerStatusSchema,
  trialEndsAt: timestampSchema.nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

/**
 * `deletesAt`: when an inactive customer is deleted with everything it holds (null unless inactive).
 * `retentionDays`: how long the installation keeps a customer after it became inactive
 * (INACTIVE_ACCOUNT_RETENTION_DAYS), so the date can be said before pausing.
 */
export const customerListItemSchema = customerSchema.extend({
  propertyCount: z.number().int(),
  deletesAt: timestampSchema.nullable(),
  retentionDays: z.number().int(),
});
export const customersResponseSchema = z.array(customerListItemSchema);
export type CustomersResponse = z.infer<typeof customersResponseSchema>;

/**
 * PATCH /api/customers/:accountId: `status` active (ends a trial) or inactive (pauses it: its own
 * members are refused, the deletion clock starts), or a new `trialEndsAt` (puts it on trial until
 * then). One of them.
 */
export const updateCustomerRequestSchema = z
  .strictObject({
    status: z.enum(['active', 'inactive'], { error: 'customer.status_invalid' }).optional(),
    trialEndsAt: z.iso.datetime({ offset: true, error: 'customer.trial_end_invalid' }).optional(),
  })
  .refine((changes) => (changes.status === undefined) !== (changes.trialEndsAt === undefined), {
    error: 'customer.one_change',
    path: ['status'],
  });
export type UpdateCustomerRequest = z.infer<typeof updateCustomerRequestSchema>;
