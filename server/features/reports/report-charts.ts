import { colours, type ReportCanvas } from './report-canvas.ts';
import { contentWidth, pageGeometry, type ChartSpec } from './report-layout.ts';

/** Drawn with pdfkit's vector primitives: sharp at any zoom and a few hundred bytes a chart. */
const axisLabelWidth = 66;
const plotHeight = 210;
const yearLabelHeight = 16;
const legendRowHeight = 13;
const legendColumns = 3;

type FormatAmount = (amountSek: number) => string;

/** The height a chart needs: plot, year labels and its legend. */
export function chartHeight(chart: ChartSpec): number {
  const legendItems = chart.kind === 'costPerYear' ? chart.series.length : fundLegend(chart).length;
  return 8 + plotHeight + yearLabelHeight + Math.ceil(legendItems / legendColumns) * legendRowHeight + 10;
}

export function drawChart(canvas: ReportCanvas, chart: ChartSpec, top: number, formatAmount: FormatAmount): void {
  if (chart.kind === 'costPerYear') drawCostPerYear(canvas, chart, top, formatAmount);
  else drawFund(canvas, chart, top, formatAmount);
}

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  minimum: number;
  maximum: number;
  slot: number;
}

function plotOf(top: number, minimum: number, maximum: number, yearCount: number): Plot {
  const left = pageGeometry.left + axisLabelWidth;
  const right = pageGeometry.right;
  return { left, right, top: top + 8, bottom: top + 8 + plotHeight, minimum, maximum, slot: (right - left) / Math.max(1, yearCount) };
}

function yOf(plot: Plot, amount: number): number {
  return plot.bottom - ((amount - plot.minimum) / (plot.maximum - plot.minimum)) * (plot.bottom - plot.top);
}

/** A 1–2–2.5–5 step giving about four intervals over `span`. */
function niceStep(span: number): number {
  if (!(span > 0)) return 1;
  const rough = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const factor = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= rough) ?? 10;
  return factor * magnitude;
}

/** Axis range covering `low`–`high` (and 0) on whole steps. */
function axisRange(low: number, high: number): { minimum: number; maximum: number; step: number } {
  const step = niceStep(Math.max(high, 0) - Math.min(low, 0));
  const minimum = Math.min(0, Math.floor(low / step) * step);
  const maximum = Math.max(step, Math.ceil(high / step) * step);
  return { minimum, maximum, step };
}

function drawAxes(canvas: ReportCanvas, plot: Plot, step: number, years: readonly number[], formatAmount: FormatAmount): void {
  const { doc } = canvas;
  doc.lineWidth(0.5);
  for (let tick = plot.minimum; tick <= plot.maximum + step / 2; tick += step) {
    const y = yOf(plot, tick);
    doc
      .moveTo(plot.left, y)
      .lineTo(plot.right, y)
      .strokeColor(tick === 0 ? colours.muted : colours.rule)
      .stroke();
    canvas.text(formatAmount(tick), plot.left - 4, y - 3.5, { size: 7, colour: colours.muted, align: 'right', width: axisLabelWidth - 6 });
  }
  // Every year when they fit, else every 2nd, 5th or 10th, so labels never overlap.
  const every = [1, 2, 5, 10].find((candidate) => plot.slot * candidate >= 22) ?? 10;
  years.forEach((year, index) => {
    if (index % every !== 0) return;
    canvas.text(String(year), plot.left + plot.slot * (index + 0.5), plot.bottom + 4, { size: 7, colour: colours.muted, align: 'center' });
  });
}

interface LegendItem {
  label: string;
  colour: string;
  mark: 'box' | 'line' | 'dashed';
}

function drawLegend(canvas: ReportCanvas, items: readonly LegendItem[], top: number): void {
  const { doc } = canvas;
  const columnWidth = contentWidth / legendColumns;
  items.forEach((item, index) => {
    const x = pageGeometry.left + (index % legendColumns) * columnWidth;
    const y = top + Math.floor(index / legendColumns) * legendRowHeight;
    if (item.mark === 'box') canvas.fillRect(x, y + 1, 8, 8, item.colour);
    else {
      doc.lineWidth(item.mark === 'line' ? 1.5 : 1);
      if (item.mark === 'dashed') doc.dash(2, { space: 2 });
      doc
        .moveTo(x, y + 5)
        .lineTo(x + 10, y + 5)
        .strokeColor(item.colour)
        .stroke();
      doc.undash();
    }
    canvas.text(item.label, x + 13, y, { size: 7.5, width: columnWidth - 18 });
  });
}

function drawCostPerYear(canvas: ReportCanvas, chart: Extract<ChartSpec, { kind: 'costPerYear' }>, top: number, formatAmount: FormatAmount): void {
  const totals = chart.years.map((_, index) => chart.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0));
  const range = axisRange(0, Math.max(0, ...totals));
  const plot = plotOf(top, range.minimum, range.maximum, chart.years.length);
  drawAxes(canvas, plot, range.step, chart.years, formatAmount);
  const barWidth = Math.max(1, plot.slot * 0.7);
  chart.years.forEach((_, index) => {
    let base = 0;
    const x = plot.left + plot.slot * index + (plot.slot - barWidth) / 2;
    for (const series of chart.series) {
      const value = series.values[index] ?? 0;
      if (value <= 0) continue;
      const yTop = yOf(plot, base + value);
      canvas.fillRect(x, yTop, barWidth, yOf(plot, base) - yTop, series.colour);
      base += value;
    }
  });
  drawLegend(
    canvas,
    chart.series.map((series) => ({ label: series.label, colour: series.colour, mark: 'box' })),
    plot.bottom + yearLabelHeight + 4,
  );
}

function fundLegend(chart: Extract<ChartSpec, { kind: 'fund' }>): LegendItem[] {
  return [
    { label: chart.legend.cost, colour: colours.costBar, mark: 'box' },
    { label: chart.legend.balance, colour: colours.balanceLine, mark: 'line' },
    ...(chart.minimumBalance !== 0 ? [{ label: chart.legend.minimum, colour: colours.muted, mark: 'dashed' as const }] : []),
    ...(chart.shortfallYear !== null ? [{ label: chart.legend.shortfall, colour: colours.warning, mark: 'dashed' as const }] : []),
  ];
}

function drawFund(canvas: ReportCanvas, chart: Extract<ChartSpec, { kind: 'fund' }>, top: number, formatAmount: FormatAmount): void {
  const { doc } = canvas;
  const low = Math.min(0, chart.minimumBalance, ...chart.balances);
  const high = Math.max(0, chart.minimumBalance, ...chart.balances, ...chart.costs);
  const range = axisRange(low, high);
  const plot = plotOf(top, range.minimum, range.maximum, chart.years.length);
  drawAxes(canvas, plot, range.step, chart.years, formatAmount);
  const barWidth = Math.max(1, plot.slot * 0.6);
  const zero = yOf(plot, 0);
  chart.costs.forEach((cost, index) => {
    if (cost <= 0) return;
    const yTop = yOf(plot, cost);
    canvas.fillRect(plot.left + plot.slot * index + (plot.slot - barWidth) / 2, yTop, barWidth, zero - yTop, colours.costBar);
  });
  if (chart.minimumBalance !== 0) {
    const y = yOf(plot, chart.minimumBalance);
    doc.lineWidth(1).dash(3, { space: 3 }).moveTo(plot.left, y).lineTo(plot.right, y).strokeColor(colours.muted).stroke().undash();
  }
  if (chart.shortfallYear !== null) {
    const index = chart.years.indexOf(chart.shortfallYear);
    const x = plot.left + plot.slot * (index + 0.5);
    doc.lineWidth(1).dash(3, { space: 2 }).moveTo(x, plot.top).lineTo(x, plot.bottom).strokeColor(colours.warning).stroke().undash();
    const labelRight = x + 4 + canvas.widthOf(chart.legend.shortfall, 'bold', 7.5) > plot.right;
    canvas.text(chart.legend.shortfall, labelRight ? x - 4 : x + 4, plot.top, {
      font: 'bold',
      size: 7.5,
      colour: colours.warning,
      align: labelRight ? 'right' : 'left',
    });
  }
  doc.lineWidth(1.5).strokeColor(colours.balanceLine);
  chart.balances.forEach((balance, index) => {
    const x = plot.left + plot.slot * (index + 0.5);
    if (index === 0) doc.moveTo(x, yOf(plot, balance));
    else doc.lineTo(x, yOf(plot, balance));
  });
  if (chart.balances.length > 0) doc.stroke();
  drawLegend(canvas, fundLegend(chart), plot.bottom + yearLabelHeight + 4);
}
