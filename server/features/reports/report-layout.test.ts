import { describe, expect, it } from 'vitest';
import {
  blockHeights,
  layOutPages,
  pageGeometry,
  sectionPageUse,
  textStyles,
  type Block,
  type Page,
  type PlacedItem,
  type TableColumn,
  type TextMeasure,
} from './report-layout.ts';

/** Wraps where the text says: "a|b" is two lines. Real measuring is ReportCanvas's, tested beside it. */
const measure: TextMeasure = { wrap: (text) => (text === '' ? [] : text.split('|')) };
const layOut = (blocks: readonly Block[]) => layOutPages(blocks, measure);

const columns: TableColumn[] = [
  { label: 'Åtgärd', width: 0.7, align: 'left' },
  { label: 'Kostnad', width: 0.3, align: 'right' },
];
const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ cells: [`Rad ${index}`, `${index} kr`] }));
const kinds = (page: Page) => page.map((item) => item.kind);
const textArea = pageGeometry.bottom - pageGeometry.top;
/** Rows that fit under a caption and a header on an empty page: (777.89 − 52 − 24 − 18) / 15 = 45.59. */
const rowsPerPage = Math.floor((textArea - blockHeights.caption - blockHeights.tableHeader) / blockHeights.tableRow);
/** `count` one-line facts: 18 points each. */
const facts = (count: number): Block => ({
  kind: 'pairs',
  rows: Array.from({ length: count }, (_, index) => ({ label: `Fakta ${index}`, value: String(index) })),
});

/** Where the last thing on the page ends. */
function bottomOf(item: PlacedItem): number {
  switch (item.kind) {
    case 'pair':
    case 'chart':
    case 'tableRow':
      return item.y + item.height;
    case 'noteLine':
      return item.y + blockHeights.noteLine;
    case 'title':
      return item.y;
    default:
      return item.y + blockHeights[item.kind];
  }
}
const usedShare = (page: Page) => (Math.max(...page.map(bottomOf)) - pageGeometry.top) / textArea;

describe('layOutPages', () => {
  it('fits 45 rows under a caption and a header on a page', () => {
    expect(rowsPerPage).toBe(45);
    const pages = layOut([{ kind: 'table', columns, rows: rows(45), caption: { left: '2030', right: 'Summa 45 kr', continued: '2030 (forts.)' } }]);
    expect(pages).toHaveLength(1);
    expect(kinds(pages[0]!)).toEqual(['caption', 'tableHeader', ...Array<string>(45).fill('tableRow')]);
  });

  it('repeats the caption (as continued, with its sum) and the header on every page a table continues on', () => {
    const pages = layOut([{ kind: 'table', columns, rows: rows(100), caption: { left: '2030', right: 'Summa 4 950 kr', continued: '2030 (forts.)' } }]);
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
      cells: [['Rad 99'], ['99 kr']],
      isShaded: true,
    });
    for (const page of pages) for (const item of page) expect(bottomOf(item)).toBeLessThanOrEqual(pageGeometry.bottom);
  });

  it('moves a table to the next page rather than leave its caption and header alone at the bottom', () => {
    // 52 + 38 × 18 = 736: a caption, a header and two rows (72) do not fit above 777.89.
    const pages = layOut([facts(38), { kind: 'table', columns, rows: rows(3), caption: { left: '2031', continued: '2031 (forts.)' } }]);
    expect(pages).toHaveLength(2);
    expect(kinds(pages[1]!)).toEqual(['caption', 'tableHeader', 'tableRow', 'tableRow', 'tableRow']);
    expect(pages[1]![0]).toMatchObject({ left: '2031' });
  });

  it('wraps a cell to its lines, grows its row by a line height per extra line and never splits a row across pages', () => {
    const long = { cells: ['Byte av undercentral|fjärrvärme inklusive styr-|och reglerutrustning', '546 520 kr'] };
    const pages = layOut([facts(37), { kind: 'table', columns, rows: [...rows(2), long] }]);
    // 52 + 37 × 18 = 718, + header 18 + two rows 30 = 766: the three-line row (35) goes to the next page whole.
    expect(kinds(pages[0]!).slice(-3)).toEqual(['tableHeader', 'tableRow', 'tableRow']);
    expect(pages[1]).toEqual([
      { kind: 'tableHeader', y: pageGeometry.top, columns },
      {
        kind: 'tableRow',
        y: pageGeometry.top + blockHeights.tableHeader,
        height: blockHeights.tableRow + 2 * textStyles.cell.lineHeight,
        columns,
        cells: [['Byte av undercentral', 'fjärrvärme inklusive styr-', 'och reglerutrustning'], ['546 520 kr']],
        bar: undefined,
        isMarked: undefined,
        isShaded: false,
      },
    ]);
  });

  it('wraps facts and the cover to their lines', () => {
    const [page] = layOut([
      { kind: 'title', title: 'Underhållsplan', subtitle: 'Plan för|styrelsen', detail: '' },
      { kind: 'pairs', rows: [{ label: 'Plan', value: 'Plan för|styrelsen' }] },
    ]);
    const [title, pair] = page!;
    expect(title).toEqual({
      kind: 'title',
      y: pageGeometry.top,
      parts: [
        { style: 'title', y: pageGeometry.top + 18, lines: ['Underhållsplan'] },
        { style: 'subtitle', y: pageGeometry.top + 18 + 31 + 7, lines: ['Plan för', 'styrelsen'] },
      ],
    });
    // The cover's height: its parts with the space above each, and 24 below.
    expect(pair).toEqual({
      kind: 'pair',
      y: pageGeometry.top + 18 + 31 + 7 + 2 * 19 + 24,
      height: blockHeights.pair + textStyles.pairValue.lineHeight,
      label: ['Plan'],
      value: ['Plan för', 'styrelsen'],
    });
  });

  it('starts sections on a new page after a well-used page, never leaving an empty one, and keeps a heading with what follows', () => {
    const pages = layOut([
      { kind: 'pageBreak' },
      { kind: 'heading', text: 'Nyckeltal' },
      facts(30),
      { kind: 'pageBreak' },
      { kind: 'pageBreak' },
      { kind: 'heading', text: 'Åtgärder per år' },
      { kind: 'note', lines: ['Planen har inga åtgärder ännu.'] },
    ]);
    expect(pages.map(kinds)).toEqual([
      ['heading', ...Array<string>(30).fill('pair')],
      ['heading', 'noteLine'],
    ]);
  });

  it(`lets a section follow on the same page when the page before it would be left less than ${sectionPageUse * 100} % used`, () => {
    // (725.89 − 34 − 18) / 15 = 44.9 rows fit under a heading and a header: the last 3 of 47 spill
    // onto a second page, and the next section follows them there.
    const pages = layOut([
      { kind: 'heading', text: 'Avsättningsanalys' },
      { kind: 'table', columns, rows: rows(47) },
      { kind: 'pageBreak' },
      { kind: 'heading', text: 'Åtgärder per år' },
      { kind: 'table', columns, rows: rows(3), caption: { left: '2026', continued: '2026 (forts.)' } },
    ]);
    expect(pages).toHaveLength(2);
    const second = pages[1]!;
    expect(kinds(second)).toEqual(['tableHeader', 'tableRow', 'tableRow', 'tableRow', 'heading', 'caption', 'tableHeader', 'tableRow', 'tableRow', 'tableRow']);
    const lastSpilledRow = second[3]!;
    expect(second[4]!.y).toBe(bottomOf(lastSpilledRow) + 8 + blockHeights.sectionGap);
  });

  it('starts a section on a new page when its opening (heading, caption and chart) does not fit below', () => {
    const chart: Block = { kind: 'chart', chart: { kind: 'costPerYear', years: [], series: [] }, height: 420 };
    // 40 % used: under the half, but heading 34 + note 17 + chart 420 do not fit in the 60 % left.
    const pages = layOut([facts(16), { kind: 'pageBreak' }, { kind: 'heading', text: 'Kostnad per år' }, { kind: 'note', lines: ['Staplarna …'] }, chart]);
    expect(pages.map(kinds)).toEqual([Array<string>(16).fill('pair'), ['heading', 'noteLine', 'chart']]);
  });

  it("leaves no page but the last nearly empty (under a quarter used), whatever the sections' lengths", () => {
    for (let firstRows = 1; firstRows <= 3 * rowsPerPage; firstRows += 1) {
      for (const secondRows of [1, 5, 60]) {
        const pages = layOut([
          { kind: 'heading', text: 'Fördelning' },
          { kind: 'table', columns, rows: rows(firstRows), caption: { left: 'Per kategori', continued: 'Per kategori' } },
          { kind: 'pageBreak' },
          { kind: 'heading', text: 'Avsättningsanalys' },
          { kind: 'note', lines: ['Linjen visar …'] },
          { kind: 'chart', chart: { kind: 'costPerYear', years: [], series: [] }, height: 296 },
          { kind: 'table', columns, rows: rows(secondRows) },
          { kind: 'pageBreak' },
          { kind: 'heading', text: 'Åtgärder per år' },
          { kind: 'table', columns, rows: rows(7), caption: { left: '2026', continued: '2026 (forts.)' } },
        ]);
        for (const page of pages.slice(0, -1)) expect(usedShare(page), `${firstRows} and ${secondRows} rows`).toBeGreaterThanOrEqual(0.25);
      }
    }
  });

  it('gives an empty document one page, so the report always has a first page', () => {
    expect(layOut([])).toEqual([[]]);
  });
});
