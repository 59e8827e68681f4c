import { z } from 'zod';
import { currentPasswordSchema } from './password.ts';

/**
 * A six-digit TOTP code as an authenticator app shows it; spaces people type or paste (`123 456`)
 * are removed before the check.
 */
export const totpCodeSchema = z
  .string({ error: 'field.required' })
  .max(20, { error: 'two_factor.code_invalid' })
  .transform((value) => value.replace(/\s/g, ''))
  .refine((value) => /^\d{6}$/.test(value), { error: 'two_factor.code_invalid' });

/** A recovery code as shown once at set-up (`abcd-efgh-ijkl-mnop`); case, spaces and dashes do not matter. */
export const recoveryCodeSchema = z
  .string({ error: 'field.required' })
  .max(40, { error: 'two_factor.recovery_code_invalid' })
  .transform((value) => value.replace(/[\s-]/g, '').toLowerCase())
  .refine((value) => /^[a-z2-7]{16}$/.test(value), { error: 'two_factor.recovery_code_invalid' });

export const totpSetupResponseSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpSetupResponse = z.infer<typeof totpSetupResponseSchema>;

export const enableTotpRequestSchema = z.strictObject({ code: totpCodeSchema });
export type EnableTotpRequest = z.infer<typeof enableTotpRequestSchema>;

export const enableTotpResponseSchema = z.object({ recoveryCodes: z.array(z.string()).length(10) });
export type EnableTotpResponse = z.infer<typeof enableTotpResponseSchema>;

export const disableTotpRequestSchema = z.strictObject({ password: currentPasswordSchema, code: totpCodeSchema });
export type DisableTotpRequest = z.infer<typeof disableTotpRequestSchema>;

/**
 * The ways a user can finish a sign-in after the password. A recovery code is not listed: it
 * stands in for any of them. Passkeys join as `passkey`.
 */
export const secondFactorMethodSchema = z.enum(['totp', 'passkey']);
export type SecondFactorMethod = z.infer<typeof secondFactorMethodSchema>;

/** POST /api/auth/login/second-factor: one of a TOTP code or a recovery code. */
export const secondFactorRequestSchema = z.union([z.strictObject({ code: totpCodeSchema }), z.strictObject({ recoveryCode: recoveryCodeSchema })]);
export type SecondFactorRequest = z.infer<typeof secondFactorRequestSchema>;

/** The answer to a correct password when the user has a second factor: not signed in yet. */
export const secondFactorChallengeSchema = z.object({
  twoFactorRequired: z.literal(true),
  methods: z.array(secondFactorMethodSchema),
  csrfToken: z.string(),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeSchema>;

/** me.user.twoFactor: what protects the account beyond the password. */
export const twoFactorStatusSchema = z.object({
  totp: z.boolean(),
  passkeys: z.number().int(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;
