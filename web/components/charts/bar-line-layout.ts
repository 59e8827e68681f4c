import { barChartFrame, plotBottom, plotRight } from './chart-frame.ts';
import { bands, linearScale, niceTicks, type Band } from './chart-geometry.ts';
import { placeLineLabel, type Box, type LabelPlacement, type Point } from './place-line-label.ts';

/** The font size of the reference line's label (analysis.css, `.chart__reference text`), in viewBox units. */
const referenceFontSize = 12;

export interface BarLineInput {
  /** One per position, left to right (years). */
  labels: readonly string[];
  bars: readonly number[];
  /** The values of each line drawn, per position. */
  lines: readonly (readonly number[])[];
  reference?: { label: string; value: number } | undefined;
}

export interface BarLineLayout {
  ticks: number[];
  y: (value: number) => number;
  columns: Band[];
  /** Per position; null where the bar is 0. */
  bars: (Box | null)[];
  lines: Point[][];
  reference: { y: number; label: LabelPlacement } | null;
}

/**
 * Where everything of a bars-and-lines chart goes: the value axis (through every bar, line and
 * the reference value), the bars, the lines' points, and the reference line with its label placed
 * clear of the lines and, where there is room, of the bars.
 */
export function layOutBarLineChart({ labels, bars, lines, reference }: BarLineInput): BarLineLayout {
  const everyValue = [...bars, ...lines.flat(), reference?.value ?? 0];
  const ticks = niceTicks(Math.min(...everyValue), Math.max(...everyValue));
  const y = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 0], [plotBottom, barChartFrame.top]);
  const columns = bands(labels.length, barChartFrame.left, plotRight);
  const barBoxes = columns.map((column, index) => {
    const value = bars[index] ?? 0;
    return value === 0 ? null : { x: column.x, y: y(Math.max(0, value)), width: column.width, height: Math.abs(y(value) - y(0)) };
  });
  const linePoints = lines.map((values) => columns.map((column, index) => ({ x: column.centre, y: y(values[index] ?? 0) })));
  const referenceY = reference ? y(reference.value) : 0;
  return {
    ticks,
    y,
    columns,
    bars: barBoxes,
    lines: linePoints,
    reference: reference
      ? {
          y: referenceY,
          label: placeLineLabel({
            lineY: referenceY,
            text: reference.label,
            fontSize: referenceFontSize,
            plot: { left: barChartFrame.left, right: plotRight, top: barChartFrame.top, bottom: plotBottom },
            lines: linePoints,
            boxes: barBoxes.filter((box) => box !== null),
          }),
        }
      : null,
  };
}
