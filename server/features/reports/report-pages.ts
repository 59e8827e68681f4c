import { colours, type ReportCanvas } from './report-canvas.ts';
import { drawChart } from './report-charts.ts';
import type { ReportBranding } from './report-branding.ts';
import {
  blockHeights,
  brandLogoBox,
  cellPadding,
  contentWidth,
  pageGeometry,
  pairLabelShare,
  textStyles,
  type PlacedItem,
  type TableColumn,
  type TextStyle,
} from './report-layout.ts';

/** Draws one laid-out page and its footer ("Sida 3 av 12" on the right, `footerLeft` on the left). */
export function drawPage(
  canvas: ReportCanvas,
  items: readonly PlacedItem[],
  footer: { left: string; right: string },
  formatAmount: (amountSek: number) => string,
): void {
  canvas.addPage();
  for (const item of items) drawItem(canvas, item, formatAmount);
  const y = pageGeometry.height - 40;
  canvas.doc
    .lineWidth(0.5)
    .moveTo(pageGeometry.left, y - 6)
    .lineTo(pageGeometry.right, y - 6)
    .strokeColor(colours.rule)
    .stroke();
  canvas.text(footer.left, pageGeometry.left, y, { size: 7.5, colour: colours.muted, width: contentWidth * 0.7 });
  canvas.text(footer.right, pageGeometry.right, y, { size: 7.5, colour: colours.muted, align: 'right' });
}

function drawItem(canvas: ReportCanvas, item: PlacedItem, formatAmount: (amountSek: number) => string): void {
  const { doc } = canvas;
  const { left, right } = pageGeometry;
  switch (item.kind) {
    case 'brand':
      drawBrand(canvas, item.branding, item.y);
      break;
    case 'title': {
      canvas.fillRect(left, item.y, contentWidth, 4, colours.accent);
      const partColours = { title: colours.accent, subtitle: colours.text, detail: colours.muted };
      for (const part of item.parts) drawLines(canvas, part.lines, left, part.y, textStyles[part.style], { colour: partColours[part.style] });
      break;
    }
    case 'heading':
      canvas.text(item.text, left, item.y + 8, { font: 'bold', size: 15, colour: colours.accent, width: contentWidth });
      doc
        .lineWidth(0.75)
        .moveTo(left, item.y + blockHeights.heading - 6)
        .lineTo(right, item.y + blockHeights.heading - 6)
        .strokeColor(colours.accent)
        .stroke();
      break;
    case 'subheading':
      canvas.text(item.text, left, item.y + 8, { font: 'bold', size: 11, width: contentWidth });
      break;
    case 'noteLine':
      canvas.text(item.text, left, item.y, { size: 8.5, colour: colours.muted, width: contentWidth });
      break;
    case 'pair':
      drawLines(canvas, item.label, left, item.y + 3, textStyles.pairLabel, { colour: colours.muted });
      drawLines(canvas, item.value, left + contentWidth * pairLabelShare, item.y + 3, textStyles.pairValue);
      break;
    case 'chart':
      drawChart(canvas, item.chart, item.y, formatAmount);
      break;
    case 'caption':
      canvas.text(item.left, left, item.y + 8, { font: 'bold', size: 11, width: item.right === undefined ? contentWidth : contentWidth * 0.55 });
      if (item.right !== undefined)
        canvas.text(item.right, right, item.y + 8, { font: 'bold', size: 11, align: 'right', width: contentWidth * 0.45 - cellPadding });
      break;
    case 'tableHeader':
      canvas.fillRect(left, item.y, contentWidth, blockHeights.tableHeader, colours.headerFill);
      eachCell(item.columns, (column, x, width) => {
        if (column.label === '') return;
        canvas.text(column.label, column.align === 'right' ? x + width - cellPadding : x + cellPadding, item.y + 4.5, {
          font: 'bold',
          size: 8,
          align: column.align,
          width: width - 2 * cellPadding,
        });
      });
      break;
    case 'tableRow': {
      if (item.isMarked || item.isShaded) canvas.fillRect(left, item.y, contentWidth, item.height, item.isMarked ? colours.markedFill : colours.shadeFill);
      let cellIndex = 0;
      eachCell(item.columns, (column, x, width) => {
        if (column.isBar) {
          const length = Math.max(0, Math.min(1, item.bar ?? 0)) * (width - 2 * cellPadding);
          if (length > 0) canvas.fillRect(x + cellPadding, item.y + 4, length, blockHeights.tableRow - 8, colours.shareBar);
          return;
        }
        const lines = item.cells[cellIndex] ?? [];
        cellIndex += 1;
        drawLines(canvas, lines, column.align === 'right' ? x + width - cellPadding : x + cellPadding, item.y + 3.5, textStyles.cell, {
          colour: item.isMarked ? colours.markedText : colours.text,
          align: column.align,
        });
      });
      break;
    }
  }
}

/** The logo scaled to fit `brandLogoBox` with its aspect kept, the display name beside it in the brand colour. */
function drawBrand(canvas: ReportCanvas, branding: ReportBranding, top: number): void {
  const { left, right } = pageGeometry;
  let nameLeft = left;
  if (branding.logo) {
    const { bytes, width, height } = branding.logo;
    const scale = Math.min(brandLogoBox.width / width, brandLogoBox.height / height);
    canvas.doc.image(bytes, left, top + (brandLogoBox.height - height * scale) / 2, { width: width * scale, height: height * scale });
    nameLeft = left + width * scale + 12;
  }
  canvas.text(branding.displayName, nameLeft, top + brandLogoBox.height / 2 - 7, { font: 'bold', size: 13, colour: branding.colour, width: right - nameLeft });
}

/** Lines the layout wrapped to fit, one below the other from `top`. */
function drawLines(
  canvas: ReportCanvas,
  lines: readonly string[],
  x: number,
  top: number,
  style: TextStyle,
  options: { colour?: string; align?: 'left' | 'right' } = {},
): void {
  lines.forEach((line, index) => canvas.text(line, x, top + index * style.lineHeight, { font: style.font, size: style.size, ...options }));
}

function eachCell(columns: readonly TableColumn[], draw: (column: TableColumn, x: number, width: number) => void): void {
  let x = pageGeometry.left;
  for (const column of columns) {
    const width = column.width * contentWidth;
    draw(column, x, width);
    x += width;
  }
}
