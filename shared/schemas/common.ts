import { z } from 'zod';

export const idSchema = z.uuid({ error: 'id.invalid' });

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
  .max(120, { error: 'name.too_long' });
