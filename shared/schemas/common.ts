import { z } from 'zod';
import type { ValidationMessageKey } from '../i18n/validation-messages.ts';

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

/** The key for a missing value, else `key` (wrong type, out of range…). */
export function requiredOr(key: ValidationMessageKey) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'field.required' : key);
}

/** true or false; anything else is invalid. */
export const booleanSchema = z.boolean({ error: requiredOr('field.invalid') });

/** An optional short text (designation, address…): blank is stored as null, and null clears it. */
export const optionalTextSchema = z
  .string({ error: 'field.invalid' })
  .trim()
  .max(120, { error: 'name.too_long' })
  .refine(hasNoNul, { error: 'field.invalid_characters' })
  .transform((value) => (value === '' ? null : value))
  .nullable();

/** A whole number within [min, max]; the range has its own message. */
export function integerSchema(min: number, max: number, rangeKey: ValidationMessageKey) {
  return z
    .number({ error: requiredOr('number.invalid') })
    .int({ error: 'number.not_integer' })
    .min(min, { error: rangeKey })
    .max(max, { error: rangeKey });
}

/** A number within [min, max], with at most `decimals` decimal places when given. */
export function decimalSchema(min: number, max: number, rangeKey: ValidationMessageKey, decimals?: number) {
  const schema = z
    .number({ error: requiredOr('number.invalid') })
    .min(min, { error: rangeKey })
    .max(max, { error: rangeKey });
  return decimals === undefined ? schema : schema.refine((value) => hasAtMostDecimals(value, decimals), { error: 'number.too_many_decimals' });
}

/**
 * True when `value` is the double nearest to a decimal of at most `decimals` places (what
 * JSON.parse makes of "19.99"). Rounding the scaled value and scaling back lands on that same
 * double, whatever binary error the scaling had.
 */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale === value;
}

/** A calendar year of a plan or an action (also the limits of the database's CHECKs). */
export const yearSchema = integerSchema(1900, 2200, 'year.out_of_range');

/** SEK excluding VAT, whole öre: fits numeric(14, 2). */
export const amountSchema = decimalSchema(0, 999_999_999_999.99, 'amount.out_of_range', 2);

/** A percentage of 0–100 (VAT, client cost). */
export const percentSchema = decimalSchema(0, 100, 'percent.out_of_range');

/** A yearly rate that may be negative (indexation, provision growth, interest): −50 to 50 %. */
export const ratePercentSchema = decimalSchema(-50, 50, 'rate.out_of_range');

/** Creation and change times, ISO-8601 in UTC. */
export const timestampSchema = z.iso.datetime();
