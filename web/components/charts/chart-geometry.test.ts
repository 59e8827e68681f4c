import { describe, expect, it } from 'vitest';
import { bands, donutArcs, labelledIndexes, linePath, linearScale, niceTicks, ringSegmentPath, stackSeries } from './chart-geometry.ts';

describe('linearScale', () => {
  it('maps the domain onto the range, also reversed as for an SVG y axis', () => {
    const y = linearScale([0, 100], [300, 0]);
    expect([y(0), y(25), y(100), y(-50)]).toEqual([300, 225, 0, 450]);
  });

  it('maps everything to the range start when the domain has no width', () => {
    expect(linearScale([5, 5], [10, 20])(5)).toBe(10);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from 0 past the maximum', () => {
    expect(niceTicks(0, 1_234_567)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('covers negative values and keeps 0 as a tick', () => {
    expect(niceTicks(-120, 480)).toEqual([-200, 0, 200, 400, 600]);
  });

  it('gives exact decimal ticks, not accumulated float sums', () => {
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives only the baseline when every value is 0', () => {
    expect(niceTicks(0, 0)).toEqual([0]);
  });
});

describe('bands', () => {
  it('splits the range into equal bands with the gap on both sides of each bar', () => {
    expect(bands(4, 0, 100, 0.2)).toEqual([
      { x: 2.5, width: 20, centre: 12.5 },
      { x: 27.5, width: 20, centre: 37.5 },
      { x: 52.5, width: 20, centre: 62.5 },
      { x: 77.5, width: 20, centre: 87.5 },
    ]);
    expect(bands(0, 0, 100)).toEqual([]);
  });
});

describe('stackSeries', () => {
  it('puts each series on the sum of the ones before it, negatives counting as 0', () => {
    expect(
      stackSeries([
        [1, 2, 3],
        [4, -1, 5],
        [0, 10],
      ]),
    ).toEqual([
      [
        { start: 0, end: 1 },
        { start: 0, end: 2 },
        { start: 0, end: 3 },
      ],
      [
        { start: 1, end: 5 },
        { start: 2, end: 2 },
        { start: 3, end: 8 },
      ],
      [
        { start: 5, end: 5 },
        { start: 2, end: 12 },
        { start: 8, end: 8 },
      ],
    ]);
  });
});

describe('donutArcs', () => {
  it('divides the circle in proportion, clockwise from twelve o’clock', () => {
    expect(donutArcs([1, 1, 2])).toEqual([
      { startAngle: 0, endAngle: Math.PI / 2, fraction: 0.25 },
      { startAngle: Math.PI / 2, endAngle: Math.PI, fraction: 0.25 },
      { startAngle: Math.PI, endAngle: 2 * Math.PI, fraction: 0.5 },
    ]);
  });

  it('gives empty arcs when nothing has a value', () => {
    expect(donutArcs([0, -3])).toEqual([
      { startAngle: 0, endAngle: 0, fraction: 0 },
      { startAngle: 0, endAngle: 0, fraction: 0 },
    ]);
  });
});

describe('ringSegmentPath', () => {
  it('draws a quarter from twelve to three o’clock, outer arc clockwise and inner arc back', () => {
    expect(ringSegmentPath(100, 100, 100, 50, 0, Math.PI / 2)).toBe('M 100 0 A 100 100 0 0 1 200 100 L 150 100 A 50 50 0 0 0 100 50 Z');
  });

  it('sets the large-arc flag past half a turn', () => {
    expect(ringSegmentPath(100, 100, 100, 50, 0, (3 * Math.PI) / 2)).toBe('M 100 0 A 100 100 0 1 1 0 100 L 50 100 A 50 50 0 1 0 100 50 Z');
  });

  it('rounds coordinates to 1/100', () => {
    expect(ringSegmentPath(100, 100, 100, 50, 0, Math.PI / 4)).toBe('M 100 0 A 100 100 0 0 1 170.71 29.29 L 135.36 64.64 A 50 50 0 0 0 100 50 Z');
  });

  it('draws a whole ring as two halves', () => {
    expect(ringSegmentPath(100, 100, 100, 50, 0, 2 * Math.PI)).toBe(
      'M 100 0 A 100 100 0 0 1 100 200 L 100 150 A 50 50 0 0 0 100 50 Z M 100 200 A 100 100 0 0 1 100 0 L 100 50 A 50 50 0 0 0 100 150 Z',
    );
  });
});

describe('linePath', () => {
  it('moves to the first point and draws to the rest', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 1.236, y: 7 },
        { x: 3, y: -0.001 },
      ]),
    ).toBe('M 0 10 L 1.24 7 L 3 0');
  });
});

describe('labelledIndexes', () => {
  it('labels every position while they fit, else every 2nd, 5th, 10th…', () => {
    expect(labelledIndexes(10, 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(labelledIndexes(30, 12)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(labelledIndexes(24, 12)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
  });
});
