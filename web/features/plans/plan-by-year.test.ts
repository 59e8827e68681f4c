import { describe, expect, it } from 'vitest';
import { roundToOre, sumExactly } from '../../../shared/cost-model/index.ts';
import { groupByYear, indexActions } from './plan-by-year.ts';
import { testAction, testOccurrence } from './plan-filters-fixtures.ts';
import { noFilters } from './plan-filters.ts';

const roof = testAction({ id: 'roof', category: 'yttertak', intervalYears: 8 });
const windows = testAction({ id: 'windows', category: 'fasad', isInvestment: true });
const lift = testAction({ id: 'lift', category: 'transport', status: 'urgent' });
const actionsById = indexActions([roof, windows, lift]);
const occurrences = [
  testOccurrence({ actionId: 'lift', year: 2026, overdue: true, status: 'urgent', cost: 0.1 }),
  testOccurrence({ actionId: 'roof', year: 2026, cost: 0.2 }),
  testOccurrence({ actionId: 'windows', year: 2027, cost: 150_000.5 }),
  testOccurrence({ actionId: 'roof', year: 2034, cost: 12_345.67 }),
];

describe('groupByYear', () => {
  it('groups every occurrence by year with exact sums, by category and name within a year', () => {
    const byYear = groupByYear(occurrences, actionsById, noFilters);
    expect(byYear.years.map(({ year, rows, total }) => ({ year, actions: rows.map((row) => row.action.id), total }))).toEqual([
      // The exact sum of the unrounded costs, to be rounded once when shown: 0,30 kr.
      { year: 2026, actions: ['roof', 'lift'], total: sumExactly([0.1, 0.2]) },
      { year: 2027, actions: ['windows'], total: 150_000.5 },
      { year: 2034, actions: ['roof'], total: 12_345.67 },
    ]);
    expect(roundToOre(byYear.years[0]?.total ?? Number.NaN)).toBe(0.3);
    expect(byYear.total).toBe(sumExactly([0.1, 0.2, 150_000.5, 12_345.67]));
    expect(roundToOre(byYear.total)).toBe(162_346.47);
    expect(byYear.actionIds).toEqual(['lift', 'roof', 'windows']);
  });

  it('sums the unrounded costs, so the total is the rounded exact sum, not the rounded parts added up', () => {
    // Three costs of 0.335 kr each show as 0,34 kr, and their sum 1.005 kr as 1,01 kr, not 1,02 kr.
    const thirds = ['roof', 'windows', 'lift'].map((actionId) => testOccurrence({ actionId, year: 2030, cost: 0.335 }));
    const byYear = groupByYear(thirds, actionsById, noFilters);
    expect(thirds.map((occurrence) => roundToOre(occurrence.cost))).toEqual([0.34, 0.34, 0.34]);
    expect(roundToOre(byYear.years[0]?.total ?? Number.NaN)).toBe(1.01);
    expect(roundToOre(byYear.total)).toBe(1.01);
    // In any order.
    expect(groupByYear([...thirds].reverse(), actionsById, noFilters).total).toBe(byYear.total);
  });

  it('applies the year range to occurrences and the other filters to actions', () => {
    const byYear = groupByYear(occurrences, actionsById, { ...noFilters, fromYear: 2027, investment: 'exclude' });
    expect(byYear.years.map((group) => [group.year, group.rows.length, group.total])).toEqual([[2034, 1, 12_345.67]]);
    expect(byYear.actionIds).toEqual(['roof']);
  });

  it('leaves out occurrences of actions it does not know', () => {
    const byYear = groupByYear([testOccurrence({ actionId: 'gone' })], actionsById, noFilters);
    expect(byYear).toEqual({ years: [], total: 0, actionIds: [] });
  });
});
