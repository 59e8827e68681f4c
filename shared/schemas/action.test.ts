import { describe, expect, it } from 'vitest';
import { issuesToFieldCodes } from '../validation-issues.ts';
import { createActionRequestSchema, occurrencesQuerySchema, updateActionRequestSchema } from './action.ts';

const minimal = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };

describe('action requests', () => {
  it('leaves defaults to the server and keeps a patch to the given fields', () => {
    expect(createActionRequestSchema.parse(minimal)).toEqual(minimal);
    expect(updateActionRequestSchema.parse({})).toEqual({});
    expect(updateActionRequestSchema.parse({ intervalYears: null, buildingId: null })).toEqual({ intervalYears: null, buildingId: null });
  });

  it('accepts any short unit besides the usual ones', () => {
    for (const unit of ['st', 'm', 'm2', 'm3', 'kg', 'tim', 'lgh', 'trapphus', 'x'.repeat(16)]) {
      expect(createActionRequestSchema.safeParse({ ...minimal, unit }).success, unit).toBe(true);
    }
  });

  it('tells a missing category or status from an unknown one', () => {
    const { category: _category, ...withoutCategory } = minimal;
    const missing = createActionRequestSchema.safeParse(withoutCategory, { reportInput: true });
    expect(issuesToFieldCodes(missing.error!.issues)).toEqual({ category: 'field.required' });
    const unknown = updateActionRequestSchema.safeParse({ category: 'tak', status: 'klar' }, { reportInput: true });
    expect(issuesToFieldCodes(unknown.error!.issues)).toEqual({ category: 'category.invalid', status: 'status.invalid' });
  });
});

describe('occurrences query', () => {
  it('defaults to excluding VAT and including investments, and reads the strings of a query', () => {
    expect(occurrencesQuerySchema.parse({})).toEqual({ vat: 'excl', includeInvestments: true });
    expect(occurrencesQuerySchema.parse({ vat: 'incl', includeInvestments: 'false' })).toEqual({ vat: 'incl', includeInvestments: false });
    // A query string parser may give an object without a prototype.
    expect(occurrencesQuerySchema.parse(Object.assign(Object.create(null), { vat: 'incl' }))).toEqual({ vat: 'incl', includeInvestments: true });
    expect(occurrencesQuerySchema.safeParse({ includeInvestments: true }).success).toBe(false);
  });
});
