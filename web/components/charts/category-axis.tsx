import { plotBottom } from './chart-frame.ts';
import { labelledIndexes, type Band } from './chart-geometry.ts';

/** Labels under the bars (years); only every n-th when there are too many to read. */
export function CategoryAxis({ labels, bands }: { labels: readonly string[]; bands: readonly Band[] }) {
  return (
    <g className="chart__axis">
      {labelledIndexes(labels.length, 12).map((index) => (
        <text key={index} className="chart__tick" x={bands[index]?.centre ?? 0} y={plotBottom + 20} textAnchor="middle">
          {labels[index]}
        </text>
      ))}
    </g>
  );
}
