import { describe, expect, it } from 'vitest';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { libraryItemFormDefaultsOf, libraryItemFormSchema } from './library-item-form-schema.ts';

const builtin: LibraryItem = {
  id: '0b9c5f3e-8e0a-5d6b-9b57-3f3f3c1b2a10',
  name: { sv: 'Byte av takpannor', en: 'Roof tile replacement' },
  category: 'yttertak',
  unit: 'm2',
  lifetimeYears: 50,
  unitPrice: 1150.5,
  priceYear: 2025,
  source: 'Lifetime table',
  kind: 'replace',
  origin: 'builtin',
  replacesItemId: null,
};

describe('libraryItemFormSchema', () => {
  it('turns a replacement of a built-in item into a create request with both names', () => {
    const fields = libraryItemFormDefaultsOf(builtin, ',', 'replace');
    expect(fields.unitPrice).toBe('1150,5');
    expect(libraryItemFormSchema.parse({ ...fields, unitPrice: '1 300,00' })).toEqual({
      name: { sv: 'Byte av takpannor', en: 'Roof tile replacement' },
      category: 'yttertak',
      unit: 'm2',
      lifetimeYears: 50,
      unitPrice: 1300,
      priceYear: 2025,
      source: 'Lifetime table',
      kind: 'replace',
      replacesItemId: builtin.id,
    });
  });

  it('sends one name for both languages when the English one is blank', () => {
    const own = { ...builtin, name: { sv: 'Eget', en: 'Eget' }, origin: 'account' as const };
    const fields = libraryItemFormDefaultsOf(own, '.', 'edit');
    expect(fields.nameEn).toBe('');
    expect(fields.replacesItemId).toBe('');
    const parsed = libraryItemFormSchema.parse(fields);
    expect(parsed.name).toBe('Eget');
    expect(parsed.replacesItemId).toBeNull();
  });

  it('reports each field with the API’s own message codes', () => {
    const result = libraryItemFormSchema.safeParse({
      name: '',
      nameEn: '',
      category: '',
      unit: 'm2',
      lifetimeYears: '0',
      unitPrice: 'tusen',
      priceYear: '1800',
      source: '',
      kind: 'replace',
      replacesItemId: '',
    });
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({
      name: 'field.required',
      category: 'field.required',
      lifetimeYears: 'interval.out_of_range',
      unitPrice: 'number.invalid',
      priceYear: 'year.out_of_range',
    });
  });
});
