import { z } from 'zod';
import { hasNoNul } from './common.ts';

export const passwordMinLength = 10;
/** bcrypt only reads the first 72 bytes; longer passwords are rejected, never silently truncated. */
export const passwordMaxBytes = 72;

const utf8 = new TextEncoder();

/**
 * Length rules only. The common-password check needs a large list, so it runs on the server
 * (server/auth/password-policy.ts) and is not shipped to the browser.
 */
export const newPasswordSchema = z
  .string({ error: 'field.required' })
  .min(passwordMinLength, { error: 'password.too_short' })
  .refine((value) => utf8.encode(value).length <= passwordMaxBytes, { error: 'password.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });

/** A password being checked at sign-in: any non-empty string of sane size. */
export const currentPasswordSchema = z
  .string({ error: 'field.required' })
  .min(1, { error: 'field.required' })
  .max(1024, { error: 'password.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });
