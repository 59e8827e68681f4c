import { useId } from 'react';
import { CategoryAxis } from './category-axis.tsx';
import { layOutBarLineChart } from './bar-line-layout.ts';
import { barChartFrame, plotBottom, plotRight } from './chart-frame.ts';
import { linePath } from './chart-geometry.ts';
import { ValueAxis } from './value-axis.tsx';

export interface ChartLine {
  key: string;
  label: string;
  colour: string;
  values: readonly number[];
  isDashed?: boolean;
}

interface BarLineChartProps {
  title: string;
  description: string;
  /** One per position, left to right (years). */
  labels: readonly string[];
  bars: { label: string; colour: string; values: readonly number[] };
  /** Drawn over the bars, in order; leave hidden lines out. */
  lines: readonly ChartLine[];
  /** A horizontal line at a fixed value, e.g. the fund's minimum balance. */
  reference?: { label: string; value: number } | undefined;
  /** A position to mark (the first shortfall year), with its label; null for none. */
  highlight?: { index: number; label: string } | null | undefined;
  formatTick: (value: number) => string;
  formatValue: (value: number) => string;
  unitLabel: string;
}

/** Bars (yearly costs) with lines over them (the fund balance, the provision), negatives below the baseline. */
export function BarLineChart({ title, description, labels, bars, lines, reference, highlight, formatTick, formatValue, unitLabel }: BarLineChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const layout = layOutBarLineChart({ labels, bars: bars.values, lines: lines.map((line) => line.values), reference });
  const { ticks, y, columns } = layout;
  const highlighted = highlight ? columns[highlight.index] : undefined;
  // The label is centred over its column but kept inside the plot: at the first column it would
  // otherwise run into the value axis and its unit, at the last out of the picture.
  const highlightLabelHalfWidth = 60;

  return (
    <svg className="chart" viewBox={`0 0 ${barChartFrame.width} ${barChartFrame.height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descriptionId}>{description}</desc>
      {highlighted && highlight && (
        <g className="chart__highlight">
          <rect x={highlighted.x - 2} width={highlighted.width + 4} y={barChartFrame.top - 8} height={plotBottom - barChartFrame.top + 8} />
          <text
            className="chart__highlight-label"
            x={Math.min(Math.max(highlighted.centre, barChartFrame.left + highlightLabelHalfWidth), plotRight - highlightLabelHalfWidth)}
            y={barChartFrame.top - 16}
            textAnchor="middle"
          >
            {highlight.label}
          </text>
        </g>
      )}
      <ValueAxis ticks={ticks} scale={y} formatTick={formatTick} unitLabel={unitLabel} />
      <g fill={bars.colour}>
        {layout.bars.map((box, index) => {
          if (box === null) return null;
          return (
            <rect key={labels[index]} className="chart__segment" x={box.x} width={box.width} y={box.y} height={box.height}>
              <title>{`${labels[index] ?? ''}, ${bars.label}: ${formatValue(bars.values[index] ?? 0)}`}</title>
            </rect>
          );
        })}
      </g>
      {reference && layout.reference && (
        <g className="chart__reference">
          <line x1={barChartFrame.left} x2={plotRight} y1={layout.reference.y} y2={layout.reference.y} />
          <text x={layout.reference.label.x} y={layout.reference.label.y} textAnchor={layout.reference.label.anchor}>
            {reference.label}
          </text>
        </g>
      )}
      {lines.map((line, index) => (
        <path
          key={line.key}
          className={line.isDashed ? 'chart__line chart__line--dashed' : 'chart__line'}
          d={linePath(layout.lines[index] ?? [])}
          stroke={line.colour}
        />
      ))}
      {lines.map((line) => (
        <g key={line.key} fill={line.colour}>
          {columns.map((column, index) => (
            <circle key={labels[index]} className="chart__point" cx={column.centre} cy={y(line.values[index] ?? 0)} r="2.5">
              <title>{`${labels[index] ?? ''}, ${line.label}: ${formatValue(line.values[index] ?? 0)}`}</title>
            </circle>
          ))}
        </g>
      ))}
      <CategoryAxis labels={labels} bands={columns} />
    </svg>
  );
}
