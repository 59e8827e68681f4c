import { describe, expect, it } from 'vitest';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { libraryItemFields, unitLabel } from './library-item-fields.ts';

const roofTiles: LibraryItem = {
  id: '6f1c2a40-3b7e-5d2a-9c41-0a8e7b6d5c4f',
  name: { sv: 'Byte av takbeläggning, betongpannor', en: 'Replacement of concrete roof tiles' },
  category: 'yttertak',
  unit: 'm2',
  lifetimeYears: 40,
  unitPrice: 1250.5,
  priceYear: 2025,
  source: 'Kvarter estimate',
  kind: 'replace',
  origin: 'builtin',
  replacesItemId: null,
};

describe('libraryItemFields', () => {
  it('fills name, category, unit, price, base year (the price year) and interval (the lifetime) in Swedish', () => {
    expect(libraryItemFields(roofTiles, 'sv')).toEqual({
      name: 'Byte av takbeläggning, betongpannor',
      category: 'yttertak',
      unit: 'm2',
      unitPrice: '1250,5',
      baseYear: '2025',
      intervalYears: '40',
    });
  });

  it('uses the English name and a decimal point in English', () => {
    expect(libraryItemFields(roofTiles, 'en')).toMatchObject({ name: 'Replacement of concrete roof tiles', unitPrice: '1250.5' });
  });
});

describe('unitLabel', () => {
  it('writes square and cubic metres with superscripts and leaves other units alone', () => {
    expect([unitLabel('m2'), unitLabel('m3'), unitLabel('st'), unitLabel('lgh')]).toEqual(['m²', 'm³', 'st', 'lgh']);
  });
});
