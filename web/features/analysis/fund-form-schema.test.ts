import { describe, expect, it } from 'vitest';
import { fundFormSchema, numberInputValue } from './fund-form-schema.ts';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';

const filled = {
  'fund.openingBalance': '1 500 000',
  'fund.currentProvisionPerYear': '250000,50',
  'fund.provisionGrowthPercent': '2,5',
  'fund.interestRatePercent': '-0.5',
  'fund.minimumBalance': '0',
};

describe('fundFormSchema', () => {
  it('reads Swedish and English numbers into the PATCH body of the fund', () => {
    expect(fundFormSchema.parse(filled)).toEqual({
      fund: { openingBalance: 1_500_000, currentProvisionPerYear: 250_000.5, provisionGrowthPercent: 2.5, interestRatePercent: -0.5, minimumBalance: 0 },
    });
  });

  it('gives the shared schemas’ message codes per field', () => {
    const result = fundFormSchema.safeParse({ ...filled, 'fund.openingBalance': '', 'fund.interestRatePercent': '60', 'fund.minimumBalance': 'mycket' });
    expect(result.success).toBe(false);
    expect(issuesToFieldCodes(result.error!.issues)).toEqual({
      'fund.openingBalance': 'field.required',
      'fund.interestRatePercent': 'rate.out_of_range',
      'fund.minimumBalance': 'number.invalid',
    });
  });
});

describe('numberInputValue', () => {
  it('writes a decimal comma in Swedish and never groups digits', () => {
    expect(numberInputValue(1_500_000.5, 'sv')).toBe('1500000,5');
    expect(numberInputValue(1_500_000.5, 'en')).toBe('1500000.5');
    expect(numberInputValue(-2, 'sv')).toBe('-2');
  });

  it('round-trips through the form schema', () => {
    const typedBack = fundFormSchema.parse({ ...filled, 'fund.currentProvisionPerYear': numberInputValue(123_456.78, 'sv') });
    expect(typedBack.fund?.currentProvisionPerYear).toBe(123_456.78);
  });
});
