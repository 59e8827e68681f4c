import type { PdfWord } from './pdf-tools.test-support.ts';
import { cellPadding, pageGeometry } from './report-layout.ts';

/** Words above the footer's rule: what the layout placed in the text area. */
const inTextArea = (word: PdfWord) => word.yMax <= pageGeometry.bottom;

/** The share of the text area a page uses, from its top to the bottom of its lowest word. */
export function usedShare(page: readonly PdfWord[]): number {
  const bottom = Math.max(pageGeometry.top, ...page.filter(inTextArea).map((word) => word.yMax));
  return (bottom - pageGeometry.top) / (pageGeometry.bottom - pageGeometry.top);
}

export interface TableColumnText {
  /** The column's words in reading order, joined without spaces (a wrapped name's lines run on). */
  text: string;
  /** Words that start in the column and end past its right edge, in the next column. */
  overflowing: PdfWord[];
}

/**
 * The first column of every table whose header starts with `label` and `nextLabel` (the action
 * list's "Åtgärd", "Kategori"): its words below the page's first such header, left of the next
 * column's edge.
 */
export function firstColumnText(pages: readonly PdfWord[][], label: string, nextLabel: string): TableColumnText {
  let text = '';
  const overflowing: PdfWord[] = [];
  for (const page of pages) {
    const header = page.find((word) => word.text === label && page.some((next) => next.text === nextLabel && next.yMin === word.yMin));
    if (!header) continue;
    const next = page.find((word) => word.text === nextLabel && word.yMin === header.yMin)!;
    const edge = next.xMin - cellPadding;
    const column = page
      .filter((word) => inTextArea(word) && word.yMin > header.yMin && word.xMin >= header.xMin - 0.5 && word.xMin < edge)
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    text += column.map((word) => word.text).join('');
    overflowing.push(...column.filter((word) => word.xMax > edge));
  }
  return { text, overflowing };
}
