import { z } from 'zod';
import { booleanSchema, idSchema } from './common.ts';

/** PATCH /api/accounts/:accountId: an account's settings that its admins change. */
export const updateAccountRequestSchema = z.strictObject({ requireTwoFactor: booleanSchema });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

export const accountSettingsSchema = z.object({ id: idSchema, name: z.string(), requireTwoFactor: z.boolean() });
export type AccountSettings = z.infer<typeof accountSettingsSchema>;
