import { z } from 'zod';

export const idSchema = z.uuid({ error: 'id.invalid' });

/**
 * PostgreSQL text cannot hold NUL, and bcrypt (C) would stop reading a password at it, so NUL is
 * refused in every string we accept.
 */
export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

/** E-mail addresses are compared case-insensitively, so they are stored trimmed and lower-cased. */
export const emailSchema = z
  .string({ error: 'field.required' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'field.required' })
  .max(254, { error: 'email.invalid' })
  .pipe(z.email({ error: 'email.invalid' }));


/** A short human-entered name (person, account, organisation…). */
export const nameSchema = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, { error: 'field.required' })
  .max(120, { error: 'name.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' });
