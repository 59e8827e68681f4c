/**
 * The arithmetic of the charts, apart from React so it can be tested exactly: scales, axis ticks,
 * bands, stacks and donut arcs. SVG coordinates: x to the right, y downwards. Path coordinates are
 * rounded to 1/100 of a unit, far below a pixel, which keeps the markup short and the tests exact.
 */

/** A linear map from `domain` to `range`; a domain of zero width maps everything to the range's start. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [domainStart, domainEnd] = domain;
  const [rangeStart, rangeEnd] = range;
  const width = domainEnd - domainStart;
  return (value) => (width === 0 ? rangeStart : rangeStart + ((value - domainStart) / width) * (rangeEnd - rangeStart));
}

/**
 * Round axis values (1, 2 or 5 × 10ⁿ apart) from at or below `min` to at or above `max`, always
 * including 0 so bars grow from a visible baseline; about `count` steps.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (low === high) return [0];
  const rawStep = (high - low) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const residual = rawStep / magnitude;
  const step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
  const ticks: number[] = [];
  // Multiples of the step, not repeated sums, so 0.1 + 0.2 never shows up as 0.30000000000000004.
  for (let index = Math.floor(low / step); index <= Math.ceil(high / step); index += 1) {
    ticks.push(Number((index * step).toPrecision(12)));
  }
  return ticks;
}

export interface Band {
  /** Left edge of the bar. */
  x: number;
  width: number;
  /** Middle of the band, for labels and line points. */
  centre: number;
}

/**
 * `count` equal bands over `[start, end]`, each bar taking `1 − gapRatio` of its band, the gap
 * split on both sides.
 */
export function bands(count: number, start: number, end: number, gapRatio = 0.2): Band[] {
  const bandWidth = count === 0 ? 0 : (end - start) / count;
  const width = bandWidth * (1 - gapRatio);
  return Array.from({ length: count }, (_, index) => {
    const bandStart = start + index * bandWidth;
    return { x: bandStart + (bandWidth - width) / 2, width, centre: bandStart + bandWidth / 2 };
  });
}

export interface StackSegment {
  /** Sum of the series below this one. */
  start: number;
  end: number;
}

/**
 * Stacks series (outer index) over positions (inner index) in the given order, the first series
 * at the bottom. Negative values count as 0: costs are never negative.
 */
export function stackSeries(series: readonly (readonly number[])[]): StackSegment[][] {
  const length = Math.max(0, ...series.map((values) => values.length));
  const totals = new Array<number>(length).fill(0);
  return series.map((values) =>
    totals.map((below, index) => {
      const end = below + Math.max(0, values[index] ?? 0);
      totals[index] = end;
      return { start: below, end };
    }),
  );
}

export interface Arc {
  /** Radians clockwise from twelve o'clock. */
  startAngle: number;
  endAngle: number;
  /** Share of the whole, 0–1. */
  fraction: number;
}

/** Consecutive arcs of a full circle in proportion to the values (negatives count as 0). */
export function donutArcs(values: readonly number[]): Arc[] {
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  let angle = 0;
  return values.map((value) => {
    const fraction = total === 0 ? 0 : Math.max(0, value) / total;
    const startAngle = angle;
    angle += fraction * 2 * Math.PI;
    return { startAngle, endAngle: angle, fraction };
  });
}

const coordinate = (value: number) => String(Number(value.toFixed(2)) + 0);

function pointOnCircle(centreX: number, centreY: number, radius: number, angle: number): string {
  return `${coordinate(centreX + radius * Math.sin(angle))} ${coordinate(centreY - radius * Math.cos(angle))}`;
}

/**
 * The SVG path of a ring segment between two angles (radians clockwise from twelve o'clock). A
 * whole ring is drawn as two halves: one SVG arc cannot start and end at the same point.
 */
export function ringSegmentPath(centreX: number, centreY: number, outerRadius: number, innerRadius: number, startAngle: number, endAngle: number): string {
  if (endAngle - startAngle >= 2 * Math.PI - 1e-9) {
    const middle = startAngle + Math.PI;
    return `${ringSegmentPath(centreX, centreY, outerRadius, innerRadius, startAngle, middle)} ${ringSegmentPath(centreX, centreY, outerRadius, innerRadius, middle, startAngle + 2 * Math.PI)}`;
  }
  const largeArc = endAngle - startAngle > Math.PI ? 1 : 0;
  const outer = `${coordinate(outerRadius)} ${coordinate(outerRadius)} 0 ${largeArc}`;
  const inner = `${coordinate(innerRadius)} ${coordinate(innerRadius)} 0 ${largeArc}`;
  return [
    `M ${pointOnCircle(centreX, centreY, outerRadius, startAngle)}`,
    `A ${outer} 1 ${pointOnCircle(centreX, centreY, outerRadius, endAngle)}`,
    `L ${pointOnCircle(centreX, centreY, innerRadius, endAngle)}`,
    `A ${inner} 0 ${pointOnCircle(centreX, centreY, innerRadius, startAngle)}`,
    'Z',
  ].join(' ');
}

/** A polyline through the points, in order. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'} ${coordinate(point.x)} ${coordinate(point.y)}`).join(' ');
}

/**
 * Which of `count` axis labels to print so that at most `maximum` show: every n-th, n from 1, 2, 5,
 * 10, …, always starting with the first.
 */
export function labelledIndexes(count: number, maximum: number): number[] {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100];
  const step = steps.find((candidate) => Math.ceil(count / candidate) <= maximum) ?? Math.ceil(count / maximum);
  return Array.from({ length: Math.ceil(count / step) }, (_, index) => index * step);
}
