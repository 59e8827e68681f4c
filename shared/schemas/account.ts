import { z } from 'zod';
import { booleanSchema, idSchema, nameSchema } from './common.ts';
import { customerStatusSchema } from './customer.ts';

/** PATCH /api/accounts/:accountId: an account's settings that its admins change. */
export const updateAccountRequestSchema = z.strictObject({ requireTwoFactor: booleanSchema });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

/**
 * `status` as the account's own members meet it (`active` for an account that is nobody's
 * customer) and its `manager` account, so a member refused with `account_inactive` is told why and
 * whom to ask (docs/decisions/0040-customer-accounts.md).
 */
export const accountSettingsSchema = z.object({
  id: idSchema,
  name: z.string(),
  requireTwoFactor: z.boolean(),
  status: customerStatusSchema,
  manager: z.object({ id: idSchema, name: z.string() }).nullable(),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

/** POST /api/accounts: another account of the signed-in user, who becomes its admin. */
export const createAccountRequestSchema = z.strictObject({ name: nameSchema });
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

export const createdAccountSchema = z.object({ id: idSchema, name: z.string() });
export type CreatedAccount = z.infer<typeof createdAccountSchema>;
