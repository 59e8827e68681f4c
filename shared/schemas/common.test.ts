import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issuesToFieldCodes } from '../validation-issues.ts';
import { amountSchema, hasAtMostDecimals, optionalTextSchema, yearSchema } from './common.ts';

describe('hasAtMostDecimals', () => {
  it('accepts every amount in whole öre as JSON carries it, up to the largest', () => {
    for (let step = 0; step < 20_000; step += 1) {
      const cents = Math.floor(Math.random() * 99_999_999_999_999);
      const value = Number(JSON.parse(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`));
      expect(hasAtMostDecimals(value, 2), String(value)).toBe(true);
    }
    for (const value of [0, 0.01, 0.1, 0.29, 1.15, 19.99, 100.5, 999_999_999_999.99]) expect(hasAtMostDecimals(value, 2), String(value)).toBe(true);
  });

  it('refuses a third decimal', () => {
    for (const value of [0.001, 1.005, 19.999, 12.345, 999_999_999.125]) expect(hasAtMostDecimals(value, 2), String(value)).toBe(false);
  });
});

describe('field schemas', () => {
  const codeOf = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? undefined : issuesToFieldCodes(result.error.issues)._;
  };

  it('names what is wrong with a year', () => {
    expect(codeOf(yearSchema, undefined)).toBe('field.required');
    expect(codeOf(yearSchema, '2026')).toBe('number.invalid');
    expect(codeOf(yearSchema, 2026.5)).toBe('number.not_integer');
    expect(codeOf(yearSchema, 1899)).toBe('year.out_of_range');
    expect(codeOf(yearSchema, 2026)).toBeUndefined();
  });

  it('names what is wrong with an amount', () => {
    expect(codeOf(amountSchema, -0.01)).toBe('amount.out_of_range');
    expect(codeOf(amountSchema, 1e12)).toBe('amount.out_of_range');
    expect(codeOf(amountSchema, 0.005)).toBe('number.too_many_decimals');
    expect(codeOf(amountSchema, 2500.5)).toBeUndefined();
  });

  it('stores a blank optional text as null', () => {
    expect(optionalTextSchema.parse('  ')).toBeNull();
    expect(optionalTextSchema.parse(null)).toBeNull();
    expect(optionalTextSchema.parse(' Ekgatan 1 ')).toBe('Ekgatan 1');
  });
});
