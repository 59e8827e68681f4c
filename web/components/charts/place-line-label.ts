/**
 * Where the label of a horizontal reference line (the fund's minimum balance) goes so that it
 * crosses none of the chart's lines, and if it can, none of its bars: just above or just below the
 * reference line, at the plot's right end first, then its left end, then anywhere between. SVG
 * coordinates (viewBox units), y downwards.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelPlacement {
  /** The text's anchor point: x at its start or end (`anchor`), y on its baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** The space the text takes, as estimated. */
  box: Box;
}

interface LabelOptions {
  /** The reference line's y. */
  lineY: number;
  text: string;
  fontSize: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The other lines, as the points of their polylines. */
  lines: readonly (readonly Point[])[];
  /** Bars and other boxes to keep clear of, if there is room. */
  boxes: readonly Box[];
}

/**
 * The width of a character of the bold label, as a share of the font size: a little over what
 * DejaVu Sans, the widest of the usual system fonts, measures ("Miniminivå 50 000 kr": 142 at 12),
 * so the box is never smaller than the text.
 */
const characterWidth = 0.62;
/** Space between the label and the reference line, and around the box for strokes (2.5 wide) and points (r 2.5). */
const gap = 4;
const clearance = 3;

export function placeLineLabel({ lineY, text, fontSize, plot, lines, boxes }: LabelOptions): LabelPlacement {
  const width = Math.ceil(text.length * fontSize * characterWidth);
  // Ascent above the baseline (the ring of "å") and descent below it ("j").
  const ascent = fontSize;
  const descent = fontSize * 0.25;
  const baselines = [lineY - gap - descent, lineY + gap + ascent].filter((baseline) => baseline - ascent >= plot.top && baseline + descent <= plot.bottom);
  const lefts = [plot.right - width, plot.left + gap];
  const steps = Math.max(0, Math.floor((plot.right - plot.left - width) / fontSize));
  for (let step = 1; step < steps; step += 1) lefts.push(plot.right - width - step * fontSize);

  let best: { placement: LabelPlacement; cost: number } | undefined;
  for (const left of lefts) {
    for (const baseline of baselines) {
      const box = { x: left, y: baseline - ascent, width, height: ascent + descent };
      const padded = inflate(box, clearance);
      // A line through the label makes it unreadable; a bar behind it only less clear (the text has a halo).
      const cost = lines.filter((points) => polylineCrossesBox(points, padded)).length * 1000 + boxes.filter((other) => boxesOverlap(other, padded)).length;
      if (best === undefined || cost < best.cost) {
        const isAtRight = left === plot.right - width;
        best = { placement: { x: isAtRight ? plot.right : left, y: baseline, anchor: isAtRight ? 'end' : 'start', box }, cost };
      }
      if (cost === 0) return best.placement;
    }
  }
  return best?.placement ?? { x: plot.right, y: lineY - gap, anchor: 'end', box: { x: plot.right - width, y: lineY - gap - ascent, width, height: ascent } };
}

function inflate(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when any segment of the polyline through `points` has a point inside `box`. */
export function polylineCrossesBox(points: readonly Point[], box: Box): boolean {
  return points.some((point, index) => {
    const next = points[index + 1];
    return next === undefined ? isInside(point, box) : segmentCrossesBox(point, next, box);
  });
}

function isInside(point: Point, box: Box): boolean {
  return point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
}

/** Liang–Barsky: clips the segment to the box; it crosses when something of it is left. */
function segmentCrossesBox(from: Point, to: Point, box: Box): boolean {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  let start = 0;
  let end = 1;
  const edges: [number, number][] = [
    [-dx, from.x - box.x],
    [dx, box.x + box.width - from.x],
    [-dy, from.y - box.y],
    [dy, box.y + box.height - from.y],
  ];
  for (const [direction, distance] of edges) {
    if (direction === 0) {
      if (distance < 0) return false;
      continue;
    }
    const ratio = distance / direction;
    if (direction < 0) start = Math.max(start, ratio);
    else end = Math.min(end, ratio);
    if (start > end) return false;
  }
  return true;
}
