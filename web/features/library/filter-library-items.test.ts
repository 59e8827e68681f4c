import { describe, expect, it } from 'vitest';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { filterLibraryItems } from './filter-library-items.ts';

function item(id: string, sv: string, en: string, category: LibraryItem['category']): LibraryItem {
  return {
    id,
    name: { sv, en },
    category,
    unit: 'm2',
    lifetimeYears: 40,
    unitPrice: 900,
    priceYear: 2025,
    source: '',
    kind: 'replace',
    origin: 'builtin',
    replacesItemId: null,
  };
}

const items = [
  item('1', 'Byte av takpannor', 'Roof tile replacement', 'yttertak'),
  item('2', 'Fönsterbyte', 'Window replacement', 'fasad'),
  item('3', 'Målning av fönster', 'Window painting', 'fasad'),
];

describe('filterLibraryItems', () => {
  it('keeps every item with no filter', () => {
    expect(filterLibraryItems(items, { category: '', query: '' }).map((found) => found.id)).toEqual(['1', '2', '3']);
  });

  it('searches both names, ignoring case, accents and spaces', () => {
    expect(filterLibraryItems(items, { category: '', query: '  FONSTER ' }).map((found) => found.id)).toEqual(['2', '3']);
    expect(filterLibraryItems(items, { category: '', query: 'roof' }).map((found) => found.id)).toEqual(['1']);
    expect(filterLibraryItems(items, { category: '', query: 'painting' }).map((found) => found.id)).toEqual(['3']);
  });

  it('narrows to one category, together with the search', () => {
    expect(filterLibraryItems(items, { category: 'fasad', query: '' }).map((found) => found.id)).toEqual(['2', '3']);
    expect(filterLibraryItems(items, { category: 'yttertak', query: 'fönster' })).toEqual([]);
  });
});
