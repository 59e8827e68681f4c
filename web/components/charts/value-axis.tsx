import { barChartFrame, plotRight } from './chart-frame.ts';

interface ValueAxisProps {
  ticks: readonly number[];
  scale: (value: number) => number;
  formatTick: (value: number) => string;
  /** The unit of the values, e.g. "kr", printed above the axis. */
  unitLabel: string;
}

/** Horizontal grid lines with their values on the left; the zero line drawn stronger as the baseline. */
export function ValueAxis({ ticks, scale, formatTick, unitLabel }: ValueAxisProps) {
  return (
    <g className="chart__axis">
      <text className="chart__axis-unit" x={barChartFrame.left - 8} y={barChartFrame.top - 16} textAnchor="end">
        {unitLabel}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className={tick === 0 ? 'chart__baseline' : 'chart__grid'} x1={barChartFrame.left} x2={plotRight} y1={scale(tick)} y2={scale(tick)} />
          <text className="chart__tick" x={barChartFrame.left - 8} y={scale(tick)} textAnchor="end" dominantBaseline="middle">
            {formatTick(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}
