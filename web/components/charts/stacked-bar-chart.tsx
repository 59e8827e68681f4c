import { useId } from 'react';
import { CategoryAxis } from './category-axis.tsx';
import { barChartFrame, plotBottom, plotRight } from './chart-frame.ts';
import { bands, linearScale, niceTicks, stackSeries } from './chart-geometry.ts';
import { ValueAxis } from './value-axis.tsx';

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
  /** One value per label, in the labels' order. */
  values: readonly number[];
}

interface StackedBarChartProps {
  /** Read out as the image's name. */
  title: string;
  /** A sentence of what the chart shows (the largest bar, the total), read after the title. */
  description: string;
  /** One per bar, left to right (years). */
  labels: readonly string[];
  /** Bottom to top; leave hidden series out. */
  series: readonly BarSeries[];
  formatTick: (value: number) => string;
  /** One bar segment's value, for its hover text. */
  formatValue: (value: number) => string;
  unitLabel: string;
}

/** Bars of several series stacked on each other, e.g. cost per year by category. */
export function StackedBarChart({ title, description, labels, series, formatTick, formatValue, unitLabel }: StackedBarChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const stacks = stackSeries(series.map((item) => item.values));
  const highest = Math.max(0, ...(stacks.at(-1) ?? []).map((segment) => segment.end));
  const ticks = niceTicks(0, highest);
  const y = linearScale([0, ticks.at(-1) ?? 0], [plotBottom, barChartFrame.top]);
  const columns = bands(labels.length, barChartFrame.left, plotRight);

  return (
    <svg className="chart" viewBox={`0 0 ${barChartFrame.width} ${barChartFrame.height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descriptionId}>{description}</desc>
      <ValueAxis ticks={ticks} scale={y} formatTick={formatTick} unitLabel={unitLabel} />
      {series.map((item, seriesIndex) => (
        <g key={item.key} fill={item.colour}>
          {columns.map((column, index) => {
            const segment = stacks[seriesIndex]?.[index];
            if (!segment || segment.end === segment.start) return null;
            return (
              <rect
                key={labels[index]}
                className="chart__segment"
                x={column.x}
                width={column.width}
                y={y(segment.end)}
                height={y(segment.start) - y(segment.end)}
              >
                {/* The series' own value: the stack's end minus its start is a difference of running sums, not the amount. */}
                <title>{`${labels[index] ?? ''}, ${item.label}: ${formatValue(item.values[index] ?? 0)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
      <CategoryAxis labels={labels} bands={columns} />
    </svg>
  );
}
