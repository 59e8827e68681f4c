import { describe, expect, it } from 'vitest';
import { largestPart, partsOf, peakYear, type AnalysisYear } from './analysis-parts.ts';

const status = { draft: 0, planned: 0, urgent: 0, deferred: 0 };
const years: AnalysisYear[] = [
  { year: 2026, total: 150, byCategory: { mark: 0, fasad: 100, el: 50 }, byStatus: { ...status, planned: 150 }, byBuilding: { b1: 100, none: 50 } },
  { year: 2027, total: 300, byCategory: { mark: 0, fasad: 0, el: 300 }, byStatus: { ...status, urgent: 300 }, byBuilding: { b1: 0, none: 300, gone: 0 } },
  { year: 2028, total: 300, byCategory: { mark: 0, fasad: 300, el: 0 }, byStatus: { ...status, planned: 300 }, byBuilding: { b1: 0, none: 0, gone: 300 } },
];

describe('partsOf', () => {
  it('sums each key over the years in the given order and leaves out parts without cost', () => {
    expect(partsOf(years, (year) => year.byCategory, ['mark', 'fasad', 'el'])).toEqual([
      { key: 'fasad', total: 400, perYear: [100, 0, 300] },
      { key: 'el', total: 350, perYear: [50, 300, 0] },
    ]);
  });

  it('puts keys missing from the order after the ordered ones, and 0 for years without the key', () => {
    expect(partsOf(years, (year) => year.byBuilding, ['b1', 'none']).map(({ key, perYear }) => [key, perYear])).toEqual([
      ['b1', [100, 0, 0]],
      ['none', [50, 300, 0]],
      ['gone', [0, 0, 300]],
    ]);
  });

  it('gives nothing for an empty window', () => {
    expect(partsOf([], (year) => year.byStatus, ['draft'])).toEqual([]);
  });
});

describe('peakYear and largestPart', () => {
  it('pick the highest, the first of equals', () => {
    expect(peakYear(years)?.year).toBe(2027);
    expect(peakYear([])).toBeUndefined();
    expect(
      largestPart([
        { key: 'a', total: 1 },
        { key: 'b', total: 3 },
        { key: 'c', total: 3 },
      ])?.key,
    ).toBe('b');
  });
});
