import { describe, expect, it } from 'vitest';
import { planOccurrences, roundToOre, sumExactly, type PlanInput } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { actionCostInputOf } from '../plan-core/plan-cost-inputs.ts';
import { groupByYear, indexActions } from './plan-by-year.ts';
import { testAction, testOccurrence } from './plan-filters-fixtures.ts';
import { noFilters } from './plan-filters.ts';

const roof = testAction({ id: 'roof', category: 'yttertak', intervalYears: 8 });
const windows = testAction({ id: 'windows', category: 'fasad', isInvestment: true });
const lift = testAction({ id: 'lift', category: 'transport', status: 'urgent' });
const actionsById = indexActions([roof, windows, lift]);
const window = { startYear: 2026, endYear: 2055 };
const occurrences = [
  testOccurrence({ actionId: 'lift', year: 2026, overdue: true, status: 'urgent', cost: 0.1 }),
  testOccurrence({ actionId: 'roof', year: 2026, cost: 0.2 }),
  testOccurrence({ actionId: 'windows', year: 2027, cost: 150_000.5 }),
  testOccurrence({ actionId: 'roof', year: 2034, cost: 12_345.67 }),
];

describe('groupByYear', () => {
  it('groups every occurrence by year with exact sums, by category and name within a year', () => {
    const byYear = groupByYear(occurrences, actionsById, window, noFilters);
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
    const byYear = groupByYear(thirds, actionsById, window, noFilters);
    expect(thirds.map((occurrence) => roundToOre(occurrence.cost))).toEqual([0.34, 0.34, 0.34]);
    expect(roundToOre(byYear.years[0]?.total ?? Number.NaN)).toBe(1.01);
    expect(roundToOre(byYear.total)).toBe(1.01);
    // In any order.
    expect(groupByYear([...thirds].reverse(), actionsById, window, noFilters).total).toBe(byYear.total);
  });

  it('applies the year range to occurrences and the other filters to actions', () => {
    const byYear = groupByYear(occurrences, actionsById, window, { ...noFilters, fromYear: 2027, investment: 'exclude' });
    expect(byYear.years.map((group) => [group.year, group.rows.length, group.total])).toEqual([[2034, 1, 12_345.67]]);
    expect(byYear.actionIds).toEqual(['roof']);
  });

  it('leaves out occurrences of actions it does not know', () => {
    const byYear = groupByYear([testOccurrence({ actionId: 'gone' })], actionsById, window, noFilters);
    expect(byYear).toEqual({ before: [], years: [], after: [], total: 0, actionIds: [] });
  });

  describe('actions without an occurrence at their own year', () => {
    // 2026–2055, no client cost, no indexation: an occurrence costs quantity × unit price.
    const plan: PlanInput = {
      startYear: 2026,
      lengthYears: 30,
      clientCostPercent: 0,
      vatPercent: 25,
      indexation: { enabled: false, annualRatePercent: 0, defaultBaseYear: null },
      fund: { openingBalance: 0, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
      areaM2: 0,
    };
    const planWindow = { startYear: 2026, endYear: 2055 };
    const doneOnce = testAction({ id: 'done-once', name: 'Byte av hiss', category: 'transport', year: 2027, status: 'done', unitPrice: 900 });
    const plannedOnce = testAction({ id: 'planned-once', name: 'Målning av fasad', category: 'fasad', year: 2027, unitPrice: 400 });
    const doneBefore = testAction({ id: 'done-before', name: 'Relining', category: 'avlopp', year: 2020, status: 'done', unitPrice: 700 });
    const overdue = testAction({ id: 'overdue', name: 'Byte av takpapp', category: 'yttertak', year: 2020, unitPrice: 300 });
    const doneRecurring = testAction({
      id: 'done-recurring',
      name: 'OVK',
      category: 'myndighet',
      year: 2030,
      intervalYears: 20,
      status: 'done',
      unitPrice: 50,
    });
    const afterOnce = testAction({ id: 'after', name: 'Stambyte', category: 'vatten', year: 2070, unitPrice: 5000 });
    const doneAfter = testAction({ id: 'done-after', name: 'Byte av portar', category: 'fasad', year: 2060, status: 'done', unitPrice: 80 });
    const actions = [doneOnce, plannedOnce, doneBefore, overdue, doneRecurring, afterOnce, doneAfter];
    const group = (filters = noFilters, list: Action[] = actions) =>
      groupByYear(planOccurrences(plan, list.map(actionCostInputOf), { vat: 'excl', includeInvestments: true }), indexActions(list), planWindow, filters);
    const rowsOf = (rows: readonly { action: Action; occurrence: { cost: number } | null }[]) =>
      rows.map((row) => [row.action.id, row.occurrence === null ? null : row.occurrence.cost]);

    it('lists every action of the plan: done ones uncounted in their year, the others before or after the window', () => {
      const byYear = group();
      expect(rowsOf(byYear.before)).toEqual([['done-before', null]]);
      expect(byYear.years.map(({ year, rows, total }) => ({ year, rows: rowsOf(rows), total }))).toEqual([
        // Overdue: placed in the first year and counted (docs/product/cost-model.md § Occurrences, rule 2).
        { year: 2026, rows: [['overdue', 300]], total: 300 },
        // The done one-off is listed after the counted row and not in the sum.
        {
          year: 2027,
          rows: [
            ['planned-once', 400],
            ['done-once', null],
          ],
          total: 400,
        },
        { year: 2030, rows: [['done-recurring', null]], total: 0 },
        { year: 2050, rows: [['done-recurring', 50]], total: 50 },
      ]);
      expect(rowsOf(byYear.after)).toEqual([
        ['done-after', null],
        ['after', null],
      ]);
      // The cost model's figures are unchanged: only the occurrences are counted.
      expect(byYear.total).toBe(750);
      expect([...byYear.actionIds].sort()).toEqual(actions.map((action) => action.id).sort());
    });

    it('finds done actions with the status filter "Genomförd", in the year they were done', () => {
      const byYear = group({ ...noFilters, status: 'done' });
      expect(rowsOf(byYear.before)).toEqual([['done-before', null]]);
      expect(byYear.years.map(({ year, rows, total }) => ({ year, rows: rowsOf(rows), total }))).toEqual([
        { year: 2027, rows: [['done-once', null]], total: 0 },
        { year: 2030, rows: [['done-recurring', null]], total: 0 },
        { year: 2050, rows: [['done-recurring', 50]], total: 50 },
      ]);
      expect(rowsOf(byYear.after)).toEqual([['done-after', null]]);
      expect(byYear.actionIds).toEqual(['done-recurring', 'done-once', 'done-before', 'done-after']);
      expect(byYear.total).toBe(50);
    });

    it('applies the year range to the year an uncounted action is listed in', () => {
      const byYear = group({ ...noFilters, fromYear: 2027, toYear: 2060 });
      expect(byYear.before).toEqual([]);
      expect(byYear.years.map((year) => [year.year, rowsOf(year.rows)])).toEqual([
        [
          2027,
          [
            ['planned-once', 400],
            ['done-once', null],
          ],
        ],
        [2030, [['done-recurring', null]]],
        [2050, [['done-recurring', 50]]],
      ]);
      expect(rowsOf(byYear.after)).toEqual([['done-after', null]]);
    });
  });
});
