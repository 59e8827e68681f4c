import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

/** The name a user gives a passkey ("Telefon", "Jobbdatorn") so that they know which to remove. */
export const passkeyNameSchema = nameSchema;

/** One of the signed-in user's passkeys, as listed on the security page. */
export const passkeySchema = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
});
export type Passkey = z.infer<typeof passkeySchema>;
export const passkeyListSchema = z.array(passkeySchema);

/**
 * WebAuthn's base64url strings as the browser sends them. Limited in length so a request cannot
 * make the server decode megabytes; real attestation objects are a few hundred bytes ("none") to
 * a few kilobytes (with certificates).
 */
const base64UrlSchema = (max: number) =>
  z
    .string({ error: 'passkey.response_invalid' })
    .max(max, { error: 'passkey.response_invalid' })
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'passkey.response_invalid' });

/**
 * A credential as @simplewebauthn/browser answers it, around the ceremony's own `response`.
 * Browsers add fields of their own, so the inner objects are not strict; only what the server
 * reads is checked here, the rest is @simplewebauthn/server's to verify.
 */
const credentialSchema = <Response extends z.ZodRawShape>(response: Response) =>
  z.object(
    {
      id: base64UrlSchema(1_400),
      rawId: base64UrlSchema(1_400),
      type: z.literal('public-key', { error: 'passkey.response_invalid' }),
      response: z.object(response),
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    },
    { error: 'passkey.response_invalid' },
  );

/** What `startRegistration` answers (RegistrationResponseJSON). */
export const registrationResponseSchema = credentialSchema({
  clientDataJSON: base64UrlSchema(4_000),
  attestationObject: base64UrlSchema(16_000),
  transports: z.array(z.string().max(40)).max(10).optional(),
});

/** What `startAuthentication` answers (AuthenticationResponseJSON). */
export const authenticationResponseSchema = credentialSchema({
  clientDataJSON: base64UrlSchema(4_000),
  authenticatorData: base64UrlSchema(4_000),
  signature: base64UrlSchema(2_000),
  userHandle: base64UrlSchema(200).optional(),
});

/** POST /api/auth/passkeys/registration/verify: the browser's answer and the name for it. */
export const registerPasskeyRequestSchema = z.strictObject({ name: passkeyNameSchema, response: registrationResponseSchema });
export type RegisterPasskeyRequest = z.infer<typeof registerPasskeyRequestSchema>;

/** The sign-in verify routes (second step and passwordless): the browser's assertion. */
export const passkeyAssertionRequestSchema = z.strictObject({ response: authenticationResponseSchema });
export type PasskeyAssertionRequest = z.infer<typeof passkeyAssertionRequestSchema>;

/**
 * The options for `navigator.credentials.create`/`get`, made by @simplewebauthn/server and handed
 * on to @simplewebauthn/browser unchanged: nothing secret is in them, so they pass through whole.
 */
const webAuthnOptionsSchema = z.looseObject({ challenge: z.string() });
export const passkeyOptionsResponseSchema = z.object({ options: webAuthnOptionsSchema });
export type PasskeyOptionsResponse = z.infer<typeof passkeyOptionsResponseSchema>;

/** Passwordless sign-in options also carry the CSRF token of the session that holds the challenge. */
export const passkeySignInOptionsResponseSchema = z.object({ options: webAuthnOptionsSchema, csrfToken: z.string() });
export type PasskeySignInOptionsResponse = z.infer<typeof passkeySignInOptionsResponseSchema>;
