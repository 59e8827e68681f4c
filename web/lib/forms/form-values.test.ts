import { describe, expect, it } from 'vitest';
import { amountSchema, yearSchema } from '../../../shared/schemas/common.ts';
import { checkboxField, nullableNumberField, numberField, parseNumberInput } from './form-values.ts';

describe('parseNumberInput', () => {
  it('reads Swedish and English styles', () => {
    expect(parseNumberInput('1 234,50')).toBe(1234.5);
    expect(parseNumberInput('1\u00a0234,5')).toBe(1234.5);
    expect(parseNumberInput('1\u202f234')).toBe(1234);
    expect(parseNumberInput('1234.50')).toBe(1234.5);
    expect(parseNumberInput('1.234,50')).toBe(1234.5);
    expect(parseNumberInput('1,234.50')).toBe(1234.5);
    expect(parseNumberInput('2500')).toBe(2500);
    expect(parseNumberInput(',5')).toBe(0.5);
    expect(parseNumberInput('-3,25')).toBe(-3.25);
    expect(parseNumberInput('\u22123,25')).toBe(-3.25);
  });

  it('gives undefined for blank and NaN for anything else', () => {
    expect(parseNumberInput('  ')).toBeUndefined();
    for (const text of ['abc', '1,2,3', '1.2.3', '12kr', '1e5', '--1', '1,234,5.6.7', '.']) {
      expect(parseNumberInput(text), text).toBeNaN();
    }
  });
});

describe('form field schemas', () => {
  it('turn strings into what the API schemas accept, with their messages', () => {
    expect(numberField(amountSchema).parse('2 500,00')).toBe(2500);
    expect(numberField(amountSchema).safeParse('').error?.issues[0]?.message).toBe('field.required');
    expect(numberField(amountSchema).safeParse('två').error?.issues[0]?.message).toBe('number.invalid');
    expect(numberField(amountSchema).safeParse('1,005').error?.issues[0]?.message).toBe('number.too_many_decimals');
    expect(nullableNumberField(yearSchema).parse('')).toBeNull();
    expect(nullableNumberField(yearSchema).parse('2030')).toBe(2030);
    expect(nullableNumberField(yearSchema).safeParse('1800').error?.issues[0]?.message).toBe('year.out_of_range');
    expect(checkboxField.parse('on')).toBe(true);
    expect(checkboxField.parse(undefined)).toBe(false);
  });
});
