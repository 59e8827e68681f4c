import type { ReportBranding } from './report-branding.ts';
import type { FontName } from './report-canvas.ts';

/**
 * The report's pages are laid out before anything is drawn: every block is measured first (table
 * cells, facts and the cover wrapped to their width by a `TextMeasure`; notes come wrapped by the
 * caller), so the page count is known up front. That lets every page carry "Page 3 of 12" as it is
 * written and be streamed at once, instead of holding the whole document until the end.
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

/** Space between a cell's text and the edges of its column. */
export const cellPadding = 4;

/** The share of the content width a fact's label takes; its value has the rest. */
export const pairLabelShare = 0.4;

export interface TextStyle {
  font: FontName;
  size: number;
  lineHeight: number;
}

/** The wrapped texts: the layout measures with these fonts and sizes, report-pages.ts draws with them. */
export const textStyles = {
  title: { font: 'bold', size: 26, lineHeight: 31 },
  subtitle: { font: 'bold', size: 15, lineHeight: 19 },
  detail: { font: 'regular', size: 11, lineHeight: 14 },
  pairLabel: { font: 'regular', size: 10, lineHeight: 12.5 },
  pairValue: { font: 'bold', size: 10, lineHeight: 12.5 },
  cell: { font: 'regular', size: 8, lineHeight: 10 },
} as const satisfies Record<string, TextStyle>;

/** The most a logo may take on the cover, in points; it is scaled to fit with its aspect kept. */
export const brandLogoBox = { width: 180, height: 48 } as const;

/** Heights of one-line blocks; a fact or a table row grows by its style's line height per extra line. */
export const blockHeights = {
  brand: brandLogoBox.height + 12,
  heading: 34,
  subheading: 26,
  noteLine: 13,
  pair: 18,
  caption: 24,
  tableHeader: 18,
  tableRow: 15,
  gap: 14,
  /** Above a section that follows the previous one on the same page. */
  sectionGap: 28,
} as const;

/**
 * A section starts on a new page only when the page before it is at least this full. Otherwise
 * (the last rows of a table spilling over, say) it follows on the same page, so no page but the
 * last is left with a few lines on it.
 */
export const sectionPageUse = 0.5;

/** Wraps text to lines no wider than `width` points, losing no character (ReportCanvas does it). */
export interface TextMeasure {
  wrap(text: string, width: number, font: FontName, size: number): string[];
}

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
  /** Starts a section: on a new page, unless that would leave the page before it less than `sectionPageUse` full. */
  | { kind: 'pageBreak' }
  /** The account's brand above the cover's title: its logo (scaled to fit `brandLogoBox`) and display name. */
  | { kind: 'brand'; branding: ReportBranding }
  /** The cover's title; an empty `subtitle` or `detail` takes no space. */
  | { kind: 'title'; title: string; subtitle: string; detail: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  /** Wrapped text: `lines` come from the caller's measure. */
  | { kind: 'note'; lines: string[] }
  | { kind: 'pairs'; rows: { label: string; value: string }[] }
  | { kind: 'chart'; chart: ChartSpec; height: number }
  | { kind: 'table'; columns: TableColumn[]; rows: TableRow[]; caption?: TableCaption }
  | { kind: 'gap' };

export type TitlePart = { style: 'title' | 'subtitle' | 'detail'; y: number; lines: string[] };

/** One thing drawn at `y` (the top of its box) on a page; wrapped texts come as their lines. */
export type PlacedItem =
  | { kind: 'brand'; y: number; branding: ReportBranding }
  | { kind: 'title'; y: number; parts: TitlePart[] }
  | { kind: 'heading'; y: number; text: string }
  | { kind: 'subheading'; y: number; text: string }
  | { kind: 'noteLine'; y: number; text: string }
  | { kind: 'pair'; y: number; height: number; label: string[]; value: string[] }
  | { kind: 'chart'; y: number; chart: ChartSpec; height: number }
  | { kind: 'caption'; y: number; left: string; right: string | undefined }
  | { kind: 'tableHeader'; y: number; columns: TableColumn[] }
  /** `cells` holds the lines of each text column (bar columns have none). */
  | { kind: 'tableRow'; y: number; height: number; columns: TableColumn[]; cells: string[][]; bar?: number; isMarked?: boolean; isShaded: boolean };

export type Page = PlacedItem[];

interface MeasuredRow {
  cells: string[][];
  bar?: number;
  isMarked?: boolean;
  height: number;
}

type MeasuredBlock =
  | Exclude<Block, { kind: 'title' | 'pairs' | 'table' }>
  | { kind: 'title'; parts: Omit<TitlePart, 'y'>[]; height: number }
  | { kind: 'pairs'; rows: { label: string[]; value: string[]; height: number }[] }
  | { kind: 'table'; columns: TableColumn[]; rows: MeasuredRow[]; caption?: TableCaption };

/** The cover: the accent rule, then the title, subtitle and detail with this much space above each. */
const titleSpacing = { title: 18, subtitle: 7, detail: 5, end: 24 } as const;

function measureBlock(block: Block, measure: TextMeasure): MeasuredBlock {
  const wrap = (text: string, width: number, style: TextStyle) => measure.wrap(text, width, style.font, style.size);
  switch (block.kind) {
    case 'title': {
      const parts = (['title', 'subtitle', 'detail'] as const)
        .map((style) => ({ style, lines: wrap(block[style], contentWidth, textStyles[style]) }))
        .filter((part) => part.lines.length > 0);
      const height = parts.reduce<number>(
        (sum, part) => sum + titleSpacing[part.style] + part.lines.length * textStyles[part.style].lineHeight,
        titleSpacing.end,
      );
      return { kind: 'title', parts, height };
    }
    case 'pairs':
      return {
        kind: 'pairs',
        rows: block.rows.map((row) => {
          const label = wrap(row.label, contentWidth * pairLabelShare - cellPadding, textStyles.pairLabel);
          const value = wrap(row.value, contentWidth * (1 - pairLabelShare), textStyles.pairValue);
          return { label, value, height: blockHeights.pair + (Math.max(1, label.length, value.length) - 1) * textStyles.pairValue.lineHeight };
        }),
      };
    case 'table': {
      const widths = block.columns.filter((column) => !column.isBar).map((column) => column.width * contentWidth - 2 * cellPadding);
      const rows = block.rows.map((row): MeasuredRow => {
        const cells = widths.map((width, index) => wrap(row.cells[index] ?? '', width, textStyles.cell));
        const lineCount = Math.max(1, ...cells.map((lines) => lines.length));
        return { cells, bar: row.bar, isMarked: row.isMarked, height: blockHeights.tableRow + (lineCount - 1) * textStyles.cell.lineHeight };
      });
      return { kind: 'table', columns: block.columns, rows, caption: block.caption };
    }
    default:
      return block;
  }
}

/**
 * What must share a page with the block at `index`: all of a chart or the cover, the first fact, a
 * table's caption and header with its first two rows. Headings and notes keep with the opening of
 * what follows them, so a heading or a chart's caption never ends a page alone.
 */
function openingHeight(blocks: readonly MeasuredBlock[], index: number): number {
  const block = blocks[index];
  switch (block?.kind) {
    case undefined:
    case 'pageBreak':
    case 'gap':
      return 0;
    case 'title':
    case 'chart':
      return block.height;
    case 'brand':
    case 'heading':
    case 'subheading':
      return blockHeights[block.kind] + openingHeight(blocks, index + 1);
    case 'note':
      return block.lines.length * blockHeights.noteLine + 4 + openingHeight(blocks, index + 1);
    case 'pairs':
      return block.rows[0]?.height ?? 0;
    case 'table':
      return (block.caption ? blockHeights.caption : 0) + blockHeights.tableHeader + block.rows.slice(0, 2).reduce((sum, row) => sum + row.height, 0);
  }
}

/**
 * Places the blocks on pages: sections start a page when the one before is well used, tables
 * repeat their caption and header on every page they continue on, and a row is never split.
 */
export function layOutPages(blocks: readonly Block[], measure: TextMeasure): Page[] {
  const measured = blocks.map((block) => measureBlock(block, measure));
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

  measured.forEach((block, index) => {
    switch (block.kind) {
      case 'pageBreak': {
        if (current().length === 0) break;
        const isWellUsed = y - pageGeometry.top >= (pageGeometry.bottom - pageGeometry.top) * sectionPageUse;
        if (isWellUsed || y + blockHeights.sectionGap + openingHeight(measured, index + 1) > pageGeometry.bottom) newPage();
        else y += blockHeights.sectionGap;
        break;
      }
      case 'gap':
        y += blockHeights.gap;
        break;
      case 'title': {
        ensure(block.height);
        const top = y;
        const parts = block.parts.map((part) => {
          y += titleSpacing[part.style];
          const placed = { ...part, y };
          y += part.lines.length * textStyles[part.style].lineHeight;
          return placed;
        });
        current().push({ kind: 'title', y: top, parts });
        y = top + block.height;
        break;
      }
      case 'brand':
        current().push({ kind: 'brand', y, branding: block.branding });
        y += blockHeights.brand;
        break;
      case 'heading':
      case 'subheading':
        ensure(openingHeight(measured, index));
        current().push({ kind: block.kind, y, text: block.text });
        y += blockHeights[block.kind];
        break;
      case 'note':
        ensure(openingHeight(measured, index));
        for (const text of block.lines) {
          current().push({ kind: 'noteLine', y, text });
          y += blockHeights.noteLine;
        }
        y += 4;
        break;
      case 'pairs':
        for (const row of block.rows) {
          ensure(row.height);
          current().push({ kind: 'pair', y, ...row });
          y += row.height;
        }
        break;
      case 'chart':
        ensure(block.height);
        current().push({ kind: 'chart', y, chart: block.chart, height: block.height });
        y += block.height;
        break;
      case 'table': {
        const start = (isContinued: boolean) => {
          if (block.caption) {
            current().push({ kind: 'caption', y, left: isContinued ? block.caption.continued : block.caption.left, right: block.caption.right });
            y += blockHeights.caption;
          }
          current().push({ kind: 'tableHeader', y, columns: block.columns });
          y += blockHeights.tableHeader;
        };
        ensure(openingHeight(measured, index));
        start(false);
        block.rows.forEach((row, rowIndex) => {
          if (y + row.height > pageGeometry.bottom) {
            newPage();
            start(true);
          }
          current().push({ kind: 'tableRow', y, columns: block.columns, ...row, isShaded: rowIndex % 2 === 1 });
          y += row.height;
        });
        y += 8;
        break;
      }
    }
  });
  // A page break as the last block leaves an empty page behind; the first page always stays.
  return pages.filter((page, index) => page.length > 0 || index === 0);
}
