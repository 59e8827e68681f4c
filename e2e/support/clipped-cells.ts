import type { Page } from 'playwright-core';

/**
 * Every table cell on the page whose content is cut off, described for a failure message: a cell
 * whose content is wider than the cell (a button or an amount running out of a fixed column), or
 * one that reaches past the box its table is seen in (its scrolling wrapper, the page) — "Änd" of
 * "Ändra" at the right edge. A table wider than the page by design scrolls inside a region that is
 * focusable and named (scrolled from the keyboard, announced to a screen reader): its cells may lie
 * beyond the region's edge. Cells beyond any other scrolling wrapper count as cut off.
 *
 * Closed sections and folded tables have no layout and are skipped: open them first. Half a pixel
 * of slack absorbs sub-pixel rounding.
 */
export async function findClippedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const slack = 0.5;
    const clipped: string[] = [];
    const describe = (cell: HTMLElement) => {
      const table = cell.closest('table');
      const caption = table?.caption?.textContent ?? table?.closest('section')?.querySelector('h2, h3')?.textContent ?? '';
      return `[${caption.trim()}] ${cell.tagName.toLowerCase()} "${(cell.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    };
    /** The nearest ancestor that clips its overflow sideways, or null (only the page clips). */
    const clippingAncestor = (element: HTMLElement): HTMLElement | null => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return parent;
      }
      return null;
    };
    const pageRight = document.documentElement.clientWidth;
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>('table th, table td'))) {
      if (cell.getClientRects().length === 0) continue;
      const box = cell.getBoundingClientRect();
      if (box.width === 0) continue;
      if (cell.scrollWidth > cell.clientWidth + slack) {
        clipped.push(`${describe(cell)}: content ${cell.scrollWidth} px wide in a cell of ${cell.clientWidth} px`);
        continue;
      }
      const clipper = clippingAncestor(cell);
      const isScrollRegion = clipper !== null && clipper.tabIndex === 0 && clipper.getAttribute('role') === 'region' && clipper.hasAttribute('aria-labelledby');
      if (isScrollRegion) continue;
      const visibleRight = Math.min(pageRight, clipper ? clipper.getBoundingClientRect().right : pageRight);
      if (box.right > visibleRight + slack) {
        clipped.push(`${describe(cell)}: right edge at ${box.right.toFixed(1)} px, visible up to ${visibleRight.toFixed(1)} px`);
      }
    }
    return clipped;
  });
}

/** The page scrolls sideways: something (a notice, a heading, a row) is wider than the window. */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
