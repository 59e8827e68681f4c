import { z } from 'zod';
import { emailSchema } from './common.ts';
import { newPasswordSchema } from './password.ts';

/** POST /api/auth/password-reset: answered 202 `{}` whether or not a user has the address. */
export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** POST /api/auth/password-reset/confirm: the token from the e-mailed link and the new password. */
export const passwordResetConfirmSchema = z.strictObject({
  token: z.string({ error: 'field.required' }).min(1, { error: 'field.required' }).max(200, { error: 'field.invalid' }),
  password: newPasswordSchema,
});
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;

export const passwordResetAcceptedSchema = z.strictObject({});
