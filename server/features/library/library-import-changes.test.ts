import { describe, expect, it } from 'vitest';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { readSpreadsheet } from '../spreadsheets/read-spreadsheet.ts';
import { buildLibraryWorkbook } from './build-library-workbook.ts';
import { libraryImportChanges } from './library-import-changes.ts';
import { readLibraryRows } from './read-library-rows.ts';

const builtinId = '2b7e9d4c-1a3f-5c8e-8d2a-4f6b1e9c7a02';
const items: LibraryItem[] = [
  {
    id: '6f1c2a10-7d1e-4b8a-9a51-0d6f7c2b9e01',
    name: { sv: 'Takpannor, eget pris', en: 'Roof tiles, own price' },
    category: 'yttertak',
    unit: 'm2',
    lifetimeYears: 50,
    unitPrice: 1150.5,
    priceYear: 2025,
    source: '=Avtal 2025',
    kind: 'replace',
    origin: 'account',
    replacesItemId: builtinId,
  },
  {
    id: '6f1c2a10-7d1e-4b8a-9a51-0d6f7c2b9e02',
    name: { sv: 'OVK', en: 'OVK' },
    category: 'myndighet',
    unit: 'st',
    lifetimeYears: 6,
    unitPrice: 9000,
    priceYear: 2024,
    source: '',
    kind: 'inspect',
    origin: 'account',
    replacesItemId: null,
  },
];
const known = { accountItemIds: new Set(items.map((item) => item.id)), builtinItemIds: new Set([builtinId]) };

async function exported(): Promise<Buffer> {
  return Buffer.from(await buildLibraryWorkbook(items, new Date('2026-01-02T03:04:05Z')).xlsx.writeBuffer());
}

describe('the library workbook', () => {
  it('imports back without a change: every row is unchanged, a formula-like text included', async () => {
    const reading = readLibraryRows(await readSpreadsheet(await exported()), known, { language: 'sv' });
    expect(reading.errors).toEqual([]);
    expect(reading.items.map((item) => item.id)).toEqual(items.map((item) => item.id));
    expect(libraryImportChanges(reading, items)).toEqual({ creates: [], updates: [], unchanged: 2 });
  });

  it('lists each changed field from → to, and a row without an id as a create', async () => {
    const rows = await readSpreadsheet(await exported());
    const ovk = rows.find((row) => row.cells[0] === 'OVK')!;
    ovk.cells[5] = '9 500,00';
    ovk.cells[1] = 'Compulsory ventilation check';
    rows.push({ row: 99, cells: ['Hissbesiktning', null, 'Transport', 'st', 1, 3200, 2025, null, 'Besiktning', null, null] });
    const changes = libraryImportChanges(readLibraryRows(rows, known, { language: 'sv' }), items);
    expect(changes.unchanged).toBe(1);
    expect(changes.updates.map((update) => update.summary)).toEqual([
      {
        row: ovk.row,
        itemId: items[1]!.id,
        name: 'OVK',
        changes: { nameEn: { from: 'OVK', to: 'Compulsory ventilation check' }, unitPrice: { from: 9000, to: 9500 } },
      },
    ]);
    expect(changes.creates).toEqual([
      {
        row: 99,
        values: {
          nameSv: 'Hissbesiktning',
          nameEn: 'Hissbesiktning',
          category: 'transport',
          unit: 'st',
          lifetimeYears: 1,
          unitPrice: 3200,
          priceYear: 2025,
          source: '',
          kind: 'inspect',
          replacesItemId: null,
        },
      },
    ]);
  });

  it('keeps an item’s own English name when the file has no English column', () => {
    const reading = readLibraryRows(
      [
        { row: 1, cells: ['Namn', 'Kategori', 'Enhet', 'Livslängd', 'À-pris', 'Prisår', 'ID'] },
        { row: 2, cells: ['Takpannor, nytt avtal', 'Yttertak', 'm2', 50, 1150.5, 2025, items[0]!.id] },
      ],
      known,
      { language: 'sv' },
    );
    const [update] = libraryImportChanges(reading, items).updates;
    expect(update?.summary.changes).toEqual({ name: { from: 'Takpannor, eget pris', to: 'Takpannor, nytt avtal' } });
    expect(update?.values.nameEn).toBe('Roof tiles, own price');
    expect(update?.values.source).toBe('=Avtal 2025');
  });
});
