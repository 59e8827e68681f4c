import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../spreadsheets/sheet-rows.ts';
import { readLibraryRows } from './read-library-rows.ts';

const ownId = '6f1c2a10-7d1e-4b8a-9a51-0d6f7c2b9e01';
const builtinId = '2b7e9d4c-1a3f-5c8e-8d2a-4f6b1e9c7a02';
const known = { accountItemIds: new Set([ownId]), builtinItemIds: new Set([builtinId]) };

const rows = (...lines: (string | number | null)[][]): SheetRow[] => lines.map((cells, index) => ({ row: index + 1, cells }));

const headerSv = ['Namn', 'Namn (engelska)', 'Kategori', 'Enhet', 'Livslängd (år)', 'À-pris', 'Prisår', 'Källa', 'Typ', 'Ersätter (ID)', 'ID'];
const headerEn = ['Name', 'Name (English)', 'Category', 'Unit', 'Lifetime (years)', 'Unit price', 'Price year', 'Source', 'Kind', 'Replaces (ID)', 'ID'];

describe('readLibraryRows', () => {
  it('reads the export’s two header rows, names, codes by word, numbers in Swedish style and both ids', () => {
    const reading = readLibraryRows(
      rows(
        headerSv,
        headerEn,
        ['Takpannor, eget pris', 'Roof tiles, own price', 'Yttertak', 'm2', 50, '1 150,50', 2025, 'Avtal 2025', 'Byte', builtinId.toUpperCase(), ownId],
        ['OVK', null, 'myndighet', 'st', '6', 9000, '2024', null, 'inspection', null, null],
      ),
      known,
      { language: 'sv' },
    );
    expect(reading.errors).toEqual([]);
    expect(reading.columns.map((column) => column.field)).toEqual([
      'name',
      'nameEn',
      'category',
      'unit',
      'lifetimeYears',
      'unitPrice',
      'priceYear',
      'source',
      'kind',
      'replacesItemId',
      'id',
    ]);
    expect(reading.items).toEqual([
      {
        row: 3,
        id: ownId,
        request: {
          name: { sv: 'Takpannor, eget pris', en: 'Roof tiles, own price' },
          category: 'yttertak',
          unit: 'm2',
          lifetimeYears: 50,
          unitPrice: 1150.5,
          priceYear: 2025,
          source: 'Avtal 2025',
          kind: 'replace',
          replacesItemId: builtinId,
        },
      },
      { row: 4, id: null, request: { name: 'OVK', category: 'myndighet', unit: 'st', lifetimeYears: 6, unitPrice: 9000, priceYear: 2024, kind: 'inspect' } },
    ]);
  });

  it('reports every wrong cell in the request’s language, and ids that are not the account’s or not built-in', () => {
    const reading = readLibraryRows(
      rows(
        headerEn,
        ['', null, 'Roofs', 'm2', 0, 'lots', 1800, null, 'sometimes', ownId, builtinId],
        ['Lift service', null, 'transport', 'st', 1, 2500, 2025, null, null, null, ownId],
        ['Lift service again', null, 'transport', 'st', 1, 2500, 2025, null, null, null, ownId],
      ),
      known,
      { language: 'en' },
    );
    expect(reading.errors.map(({ row, column, field, code }) => ({ row, column, field, code }))).toEqual([
      { row: 2, column: 'Name', field: 'name', code: 'field.required' },
      { row: 2, column: 'Category', field: 'category', code: 'category.invalid' },
      { row: 2, column: 'Lifetime (years)', field: 'lifetimeYears', code: 'interval.out_of_range' },
      { row: 2, column: 'Unit price', field: 'unitPrice', code: 'number.invalid' },
      { row: 2, column: 'Price year', field: 'priceYear', code: 'year.out_of_range' },
      { row: 2, column: 'Kind', field: 'kind', code: 'spreadsheet.kind_invalid' },
      { row: 2, column: 'Replaces (ID)', field: 'replacesItemId', code: 'spreadsheet.builtin_id_unknown' },
      { row: 2, column: 'ID', field: 'id', code: 'spreadsheet.library_id_unknown' },
      { row: 4, column: 'ID', field: 'id', code: 'spreadsheet.library_id_twice' },
    ]);
    expect(reading.errors[5]?.message).toBe('Write replacement, maintenance or inspection.');
    expect(reading.rowCount).toBe(3);
    expect(reading.validRowCount).toBe(1);
    expect(reading.items.map((item) => item.id)).toEqual([ownId]);
  });

  it('names a missing required column once, on the header row', () => {
    const reading = readLibraryRows(rows(['Namn', 'Kategori', 'Enhet', 'À-pris'], ['Fönster', 'fasad', 'st', 9000]), known, { language: 'sv' });
    expect(reading.errors.map(({ row, columnIndex, column, code }) => ({ row, columnIndex, column, code }))).toEqual([
      { row: 1, columnIndex: null, column: 'Livslängd (år)', code: 'spreadsheet.column_missing' },
      { row: 1, columnIndex: null, column: 'Prisår', code: 'spreadsheet.column_missing' },
    ]);
  });

  it('refuses a second replacement of a built-in item, in the file or of another of the account’s items', () => {
    const otherOwnId = '6f1c2a10-7d1e-4b8a-9a51-0d6f7c2b9e03';
    const reading = readLibraryRows(
      rows(
        ['Namn', 'Kategori', 'Enhet', 'Livslängd', 'À-pris', 'Prisår', 'Ersätter (ID)', 'ID'],
        ['Takpannor', 'yttertak', 'm2', 50, 1100, 2025, builtinId, ownId],
        ['Takpannor igen', 'yttertak', 'm2', 50, 1100, 2025, builtinId, null],
        ['Takpannor, annat avtal', 'yttertak', 'm2', 50, 1100, 2025, builtinId, otherOwnId],
      ),
      { accountItemIds: new Set([ownId, otherOwnId]), builtinItemIds: known.builtinItemIds, replacements: new Map([[builtinId, ownId]]) },
      { language: 'sv' },
    );
    expect(reading.errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 3, field: 'replacesItemId', code: 'library.already_replaced' },
      { row: 4, field: 'replacesItemId', code: 'library.already_replaced' },
    ]);
    expect(reading.items.map((item) => item.request.replacesItemId)).toEqual([builtinId]);
  });
});
