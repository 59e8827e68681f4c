import { useId } from 'react';
import { donutArcs, ringSegmentPath } from './chart-geometry.ts';

export interface DonutSlice {
  key: string;
  label: string;
  colour: string;
  value: number;
}

interface DonutChartProps {
  title: string;
  description: string;
  /** Clockwise from twelve o'clock; leave hidden slices out. */
  slices: readonly DonutSlice[];
  /** Printed in the hole: a short caption over a value, e.g. "Total" and the sum of the shown slices. */
  centre: { caption: string; value: string };
  formatValue: (value: number) => string;
}

const size = 200;
const outerRadius = 96;
const innerRadius = 64;

/** A ring divided in proportion to the slices' values, e.g. cost per category. */
export function DonutChart({ title, description, slices, centre: centreText, formatValue }: DonutChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const arcs = donutArcs(slices.map((slice) => slice.value));
  const centre = size / 2;

  return (
    <svg className="chart chart--donut" viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descriptionId}>{description}</desc>
      {arcs.every((arc) => arc.fraction === 0) && (
        <circle className="chart__empty-ring" cx={centre} cy={centre} r={(outerRadius + innerRadius) / 2} strokeWidth={outerRadius - innerRadius} />
      )}
      {slices.map((slice, index) => {
        const arc = arcs[index];
        if (!arc || arc.fraction === 0) return null;
        return (
          <path
            key={slice.key}
            // A whole ring is drawn as two halves: no seam between them.
            className={arc.fraction === 1 ? 'chart__segment chart__segment--whole' : 'chart__segment'}
            d={ringSegmentPath(centre, centre, outerRadius, innerRadius, arc.startAngle, arc.endAngle)}
            fill={slice.colour}
          >
            <title>{`${slice.label}: ${formatValue(slice.value)}`}</title>
          </path>
        );
      })}
      <text className="chart__centre-caption" x={centre} y={centre - 10} textAnchor="middle" dominantBaseline="middle">
        {centreText.caption}
      </text>
      <text className="chart__centre" x={centre} y={centre + 8} textAnchor="middle" dominantBaseline="middle">
        {centreText.value}
      </text>
    </svg>
  );
}
