import { describe, expect, it } from 'vitest';
import { propertyFormSchema } from './property-form-schema.ts';

const blank = { name: 'Eken 4', designation: '', address: '', municipality: '', buildYear: '', boa: '', loa: '' };

describe('propertyFormSchema', () => {
  it('reads areas typed the Swedish way and clears blank fields', () => {
    expect(propertyFormSchema.parse({ ...blank, designation: ' Eken 4 ', boa: '1 234,5', loa: '250,25', buildYear: '1962' })).toEqual({
      name: 'Eken 4',
      designation: 'Eken 4',
      address: null,
      municipality: null,
      buildYear: 1962,
      boa: 1234.5,
      loa: 250.25,
    });
    expect(propertyFormSchema.parse(blank)).toEqual({
      name: 'Eken 4',
      designation: null,
      address: null,
      municipality: null,
      buildYear: null,
      boa: null,
      loa: null,
    });
  });

  it('answers with the API message codes', () => {
    const result = propertyFormSchema.safeParse({ ...blank, name: ' ', boa: '12 m2', loa: '1,005', buildYear: '962' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['name', 'field.required'],
      ['buildYear', 'build_year.out_of_range'],
      ['boa', 'number.invalid'],
      ['loa', 'number.too_many_decimals'],
    ]);
  });
});
