/**
 * The report's pages are laid out before anything is drawn: every block has a height known in
 * advance (table rows are one line, longer text is cut with an ellipsis; notes are wrapped by the
 * caller's measure), so the page count is known up front. That lets every page carry "Page 3 of 12"
 * as it is written and be streamed at once, instead of holding the whole document until the end.
 */

/** A4 in PostScript points. */
export const pageGeometry = {
  width: 595.28,
  height: 841.89,
  left: 48,
  right: 595.28 - 48,
  top: 52,
  /** Content ends here; the footer sits below. */
  bottom: 841.89 - 64,
} as const;

export const contentWidth = pageGeometry.right - pageGeometry.left;

export const blockHeights = {
  title: 118,
  heading: 34,
  subheading: 26,
  noteLine: 13,
  pair: 18,
  caption: 24,
  tableHeader: 18,
  tableRow: 15,
  gap: 14,
} as const;

export interface TableColumn {
  label: string;
  /** Share of the content width; the columns of a table add up to 1. */
  width: number;
  align: 'left' | 'right';
  /** Draws the row's `bar` (0–1) in this column instead of text. */
  isBar?: boolean;
}

export interface TableRow {
  cells: string[];
  /** Length of the share bar, 0–1, when a column has `isBar`. */
  bar?: number;
  /** Marks the row (a shortfall year, an urgent action) with a tint and bold text. */
  isMarked?: boolean;
}

export interface TableCaption {
  left: string;
  right?: string;
  /** The left text when the table continues on a new page. */
  continued: string;
}

/** A chart as data; report-charts.ts draws it. */
export type ChartSpec =
  | { kind: 'costPerYear'; years: number[]; series: { label: string; colour: string; values: number[] }[] }
  | {
      kind: 'fund';
      years: number[];
      costs: number[];
      balances: number[];
      minimumBalance: number;
      shortfallYear: number | null;
      legend: { cost: string; balance: string; minimum: string; shortfall: string };
    };

export type Block =
  | { kind: 'pageBreak' }
  | { kind: 'title'; title: string; subtitle: string; detail: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  /** Wrapped text: `lines` come from the caller's measure. */
  | { kind: 'note'; lines: string[] }
  | { kind: 'pairs'; rows: { label: string; value: string }[] }
  | { kind: 'chart'; chart: ChartSpec; height: number }
  | { kind: 'table'; columns: TableColumn[]; rows: TableRow[]; caption?: TableCaption }
  | { kind: 'gap' };

/** One thing drawn at `y` (the top of its box) on a page. */
export type PlacedItem =
  | { kind: 'title'; y: number; title: string; subtitle: string; detail: string }
  | { kind: 'heading'; y: number; text: string }
  | { kind: 'subheading'; y: number; text: string }
  | { kind: 'noteLine'; y: number; text: string }
  | { kind: 'pair'; y: number; label: string; value: string }
  | { kind: 'chart'; y: number; chart: ChartSpec; height: number }
  | { kind: 'caption'; y: number; left: string; right: string | undefined }
  | { kind: 'tableHeader'; y: number; columns: TableColumn[] }
  | { kind: 'tableRow'; y: number; columns: TableColumn[]; row: TableRow; isShaded: boolean };

export type Page = PlacedItem[];

/** Space kept below a heading so it never ends a page alone. */
const keepWithHeading = blockHeights.tableHeader + blockHeights.tableRow * 2;

/** Places the blocks on pages: sections break where asked, tables repeat their caption and header. */
export function layOutPages(blocks: readonly Block[]): Page[] {
  const pages: Page[] = [[]];
  let y: number = pageGeometry.top;
  const current = (): Page => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push([]);
    y = pageGeometry.top;
  };
  const ensure = (height: number) => {
    if (y + height > pageGeometry.bottom && current().length > 0) newPage();
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'pageBreak':
        if (current().length > 0) newPage();
        break;
      case 'gap':
        y += blockHeights.gap;
        break;
      case 'title':
        ensure(blockHeights.title);
        current().push({ ...block, y });
        y += blockHeights.title;
        break;
      case 'heading':
      case 'subheading': {
        const height = blockHeights[block.kind];
        ensure(height + keepWithHeading);
        current().push({ kind: block.kind, y, text: block.text });
        y += height;
        break;
      }
      case 'note':
        ensure(block.lines.length * blockHeights.noteLine);
        for (const text of block.lines) {
          current().push({ kind: 'noteLine', y, text });
          y += blockHeights.noteLine;
        }
        y += 4;
        break;
      case 'pairs':
        for (const row of block.rows) {
          ensure(blockHeights.pair);
          current().push({ kind: 'pair', y, ...row });
          y += blockHeights.pair;
        }
        break;
      case 'chart':
        ensure(block.height);
        current().push({ kind: 'chart', y, chart: block.chart, height: block.height });
        y += block.height;
        break;
      case 'table': {
        const captionHeight = block.caption ? blockHeights.caption : 0;
        const start = (isContinued: boolean) => {
          if (block.caption) {
            current().push({ kind: 'caption', y, left: isContinued ? block.caption.continued : block.caption.left, right: block.caption.right });
            y += captionHeight;
          }
          current().push({ kind: 'tableHeader', y, columns: block.columns });
          y += blockHeights.tableHeader;
        };
        // A caption and a header never end a page without rows under them.
        ensure(captionHeight + blockHeights.tableHeader + blockHeights.tableRow * Math.min(2, Math.max(1, block.rows.length)));
        start(false);
        block.rows.forEach((row, index) => {
          if (y + blockHeights.tableRow > pageGeometry.bottom) {
            newPage();
            start(true);
          }
          current().push({ kind: 'tableRow', y, columns: block.columns, row, isShaded: index % 2 === 1 });
          y += blockHeights.tableRow;
        });
        y += 8;
        break;
      }
    }
  }
  // A page break as the last block leaves an empty page behind; the first page always stays.
  return pages.filter((page, index) => page.length > 0 || index === 0);
}
