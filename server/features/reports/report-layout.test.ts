import { describe, expect, it } from 'vitest';
import { blockHeights, layOutPages, pageGeometry, type Block, type Page, type TableColumn } from './report-layout.ts';

const columns: TableColumn[] = [
  { label: 'Åtgärd', width: 0.7, align: 'left' },
  { label: 'Kostnad', width: 0.3, align: 'right' },
];
const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ cells: [`Rad ${index}`, `${index} kr`] }));
const kinds = (page: Page) => page.map((item) => item.kind);
/** Rows that fit under a caption and a header on an empty page: (777.89 − 52 − 24 − 18) / 15 = 45.59. */
const rowsPerPage = Math.floor((pageGeometry.bottom - pageGeometry.top - blockHeights.caption - blockHeights.tableHeader) / blockHeights.tableRow);

describe('layOutPages', () => {
  it('fits 45 rows under a caption and a header on a page', () => {
    expect(rowsPerPage).toBe(45);
    const pages = layOutPages([{ kind: 'table', columns, rows: rows(45), caption: { left: '2030', right: 'Summa 45 kr', continued: '2030 (forts.)' } }]);
    expect(pages).toHaveLength(1);
    expect(kinds(pages[0]!)).toEqual(['caption', 'tableHeader', ...Array<string>(45).fill('tableRow')]);
  });

  it('repeats the caption (as continued, with its sum) and the header on every page a table continues on', () => {
    const pages = layOutPages([{ kind: 'table', columns, rows: rows(100), caption: { left: '2030', right: 'Summa 4 950 kr', continued: '2030 (forts.)' } }]);
    expect(pages.map((page) => page.filter((item) => item.kind === 'tableRow').length)).toEqual([45, 45, 10]);
    expect(pages.map((page) => page[0])).toEqual([
      { kind: 'caption', y: pageGeometry.top, left: '2030', right: 'Summa 4 950 kr' },
      { kind: 'caption', y: pageGeometry.top, left: '2030 (forts.)', right: 'Summa 4 950 kr' },
      { kind: 'caption', y: pageGeometry.top, left: '2030 (forts.)', right: 'Summa 4 950 kr' },
    ]);
    for (const page of pages) expect(page[1]).toEqual({ kind: 'tableHeader', y: pageGeometry.top + blockHeights.caption, columns });
    const lastRow = pages[2]!.at(-1)!;
    expect(lastRow).toMatchObject({
      kind: 'tableRow',
      y: pageGeometry.top + blockHeights.caption + blockHeights.tableHeader + 9 * blockHeights.tableRow,
      isShaded: true,
    });
    for (const page of pages)
      for (const item of page) expect(item.y + (item.kind === 'tableRow' ? blockHeights.tableRow : 0)).toBeLessThanOrEqual(pageGeometry.bottom);
  });

  it('moves a table to the next page rather than leave its caption and header alone at the bottom', () => {
    const filler: Block = { kind: 'pairs', rows: Array.from({ length: 38 }, (_, index) => ({ label: `Fakta ${index}`, value: String(index) })) };
    // 52 + 38 × 18 = 736: a caption, a header and two rows (72) do not fit above 777.89.
    const pages = layOutPages([filler, { kind: 'table', columns, rows: rows(3), caption: { left: '2031', continued: '2031 (forts.)' } }]);
    expect(pages).toHaveLength(2);
    expect(kinds(pages[1]!)).toEqual(['caption', 'tableHeader', 'tableRow', 'tableRow', 'tableRow']);
    expect(pages[1]![0]).toMatchObject({ left: '2031' });
  });

  it('starts sections on a new page, never leaving an empty one, and keeps a heading with what follows', () => {
    const pages = layOutPages([
      { kind: 'pageBreak' },
      { kind: 'heading', text: 'Nyckeltal' },
      { kind: 'pairs', rows: [{ label: 'Totalt', value: '0 kr' }] },
      { kind: 'pageBreak' },
      { kind: 'pageBreak' },
      { kind: 'heading', text: 'Åtgärder per år' },
      { kind: 'note', lines: ['Planen har inga åtgärder ännu.'] },
    ]);
    expect(pages.map(kinds)).toEqual([
      ['heading', 'pair'],
      ['heading', 'noteLine'],
    ]);
  });

  it('gives an empty document one page, so the report always has a first page', () => {
    expect(layOutPages([])).toEqual([[]]);
  });
});
