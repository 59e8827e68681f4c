import { describe, expect, it } from 'vitest';
import { ExactSum, type YearAnalysis } from '../../../shared/cost-model/index.ts';
import { largestPart, partSumsOf, partsOf, peakYear } from './analysis-parts.ts';

const status = { draft: 0, planned: 0, urgent: 0, deferred: 0 };
const years: YearAnalysis[] = [
  { year: 2026, total: 150, byCategory: { mark: 0, fasad: 100, el: 50 }, byStatus: { ...status, planned: 150 }, byBuilding: { b1: 100, none: 50 } },
  { year: 2027, total: 300, byCategory: { mark: 0, fasad: 0, el: 300 }, byStatus: { ...status, urgent: 300 }, byBuilding: { b1: 0, none: 300, gone: 0 } },
  { year: 2028, total: 300, byCategory: { mark: 0, fasad: 300, el: 0 }, byStatus: { ...status, planned: 300 }, byBuilding: { b1: 0, none: 0, gone: 300 } },
];

describe('partsOf', () => {
  it('takes each key’s total from the window’s exact sums, in the given order, and leaves out parts without cost', () => {
    // The window's sums, not the years' amounts added up: 400.004 is what the years' 100 and 300
    // leave out when they are rounded.
    const totals = { mark: 0, fasad: 400.004, el: 350 };
    expect(partsOf(years, (year) => year.byCategory, ['mark', 'fasad', 'el'], totals)).toEqual([
      { key: 'fasad', total: 400.004, perYear: [100, 0, 300] },
      { key: 'el', total: 350, perYear: [50, 300, 0] },
    ]);
  });

  it('puts keys missing from the order after the ordered ones, and 0 for years without the key', () => {
    expect(partsOf(years, (year) => year.byBuilding, ['b1', 'none'], { b1: 100, none: 350, gone: 300 }).map(({ key, perYear }) => [key, perYear])).toEqual([
      ['b1', [100, 0, 0]],
      ['none', [50, 300, 0]],
      ['gone', [0, 0, 300]],
    ]);
  });

  it('gives nothing for an empty window', () => {
    expect(partsOf([], (year) => year.byStatus, ['draft'], {})).toEqual([]);
  });
});

describe('partSumsOf', () => {
  it('orders the exact sums like partsOf and leaves out parts without cost', () => {
    const sums = new Map([
      ['gone', new ExactSum().add(300)],
      ['none', new ExactSum().add(0)],
      ['b1', new ExactSum().add(0.1).add(0.2)],
    ]);
    expect(partSumsOf(sums, ['b1', 'none', 'b2']).map(({ key, sum }) => [key, sum.value()])).toEqual([
      ['b1', new ExactSum().add(0.2).add(0.1).value()],
      ['gone', 300],
    ]);
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
