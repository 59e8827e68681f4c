import { z } from 'zod';
import { booleanSchema, emailSchema, idSchema, nameSchema } from './common.ts';
import { currentPasswordSchema, newPasswordSchema } from './password.ts';
import { roleSchema } from './role.ts';
import { secondFactorChallengeSchema, twoFactorStatusSchema } from './two-factor.ts';

export const signupRequestSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  name: nameSchema,
  accountName: nameSchema,
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const userSchema = z.object({ id: idSchema, email: z.string(), name: z.string() });
export type User = z.infer<typeof userSchema>;

export const accountSchema = z.object({ id: idSchema, name: z.string() });
export type Account = z.infer<typeof accountSchema>;

export const membershipSchema = z.object({
  accountId: idSchema,
  accountName: z.string(),
  role: roleSchema,
  /** The properties the user may reach in the account; null: every one. */
  propertyIds: z.array(idSchema).nullable(),
  /** `member` of the account itself, or of its `manager` account (docs/decisions/0040-customer-accounts.md). */
  via: z.enum(['member', 'manager']),
});
export type Membership = z.infer<typeof membershipSchema>;

export const signupResponseSchema = z.object({
  user: userSchema,
  account: accountSchema,
  csrfToken: z.string(),
});
export type SignupResponse = z.infer<typeof signupResponseSchema>;

/** Signed in: the answer to a password without a second factor, and to the second step. */
export const signedInResponseSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type SignedInResponse = z.infer<typeof signedInResponseSchema>;

/** POST /api/auth/login: signed in, or (a user with a second factor) the challenge of the second step. */
export const loginResponseSchema = z.union([signedInResponseSchema, secondFactorChallengeSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/**
 * How the user wants amounts shown, on every device: `vat` excluding or including VAT, `isRounded`
 * docs/product/cost-model.md § Display rounding (on for a new user).
 */
export const displayPreferencesSchema = z.object({
  vat: z.enum(['excl', 'incl']),
  isRounded: z.boolean(),
});
export type DisplayPreferences = z.infer<typeof displayPreferencesSchema>;

/** PATCH /api/auth/display-preferences: the choices to change, at least one. */
export const updateDisplayPreferencesRequestSchema = z
  .strictObject({
    vat: z.enum(['excl', 'incl'], { error: 'vat.invalid' }).optional(),
    isRounded: booleanSchema.optional(),
  })
  .refine((changes) => changes.vat !== undefined || changes.isRounded !== undefined, { error: 'preferences.no_change' });
export type UpdateDisplayPreferencesRequest = z.infer<typeof updateDisplayPreferencesRequestSchema>;

export const meResponseSchema = z.object({
  user: userSchema.extend({ twoFactor: twoFactorStatusSchema }),
  memberships: z.array(membershipSchema),
  /** An installation operator: may see the operations page (backup status). */
  isOperator: z.boolean(),
  displayPreferences: displayPreferencesSchema,
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const csrfResponseSchema = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof csrfResponseSchema>;
