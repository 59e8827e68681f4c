import { describe, expect, it } from 'vitest';
import { analysePlan, maintenanceDebtOf } from './analysis.ts';
import { occurrencesOf } from './occurrences.ts';
import { actionBuilder, planBuilder } from './test-fixtures.ts';
import type { ActionInput } from './types.ts';

const makePlan = planBuilder({ lengthYears: 10 });
const makeAction = actionBuilder({ year: 2030 });

const toOre = (amount: number) => Math.round(amount * 100) / 100;
const excl = { vat: 'excl', includeInvestments: true, asOfYear: 2026 } as const;

describe('the worked example of the cost model', () => {
  const plan = makePlan({
    startYear: 2026,
    lengthYears: 30,
    clientCostPercent: 10,
    vatPercent: 25,
    indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
  });
  const painting = makeAction({ id: 'painting', category: 'fasad', quantity: 40, unitPrice: 2500, year: 2027, intervalYears: 8 });

  it('has occurrences 2027, 2035, 2043 and 2051 at the stated costs, to the öre', () => {
    expect(occurrencesOf(painting, plan).map((occurrence) => occurrence.year)).toEqual([2027, 2035, 2043, 2051]);
    const analysis = analysePlan(plan, [painting], excl);
    const costs = Object.fromEntries(analysis.years.filter((year) => year.total !== 0).map((year) => [year.year, toOre(year.total)]));
    expect(costs).toEqual({ 2027: 112_200.0, 2035: 131_460.18, 2043: 154_026.56, 2051: 180_466.66 });
    expect(toOre(analysis.total)).toBe(toOre(112_200 + 131_460.18 + 154_026.56 + 180_466.66));
  });

  it('adds 25 % VAT when asked', () => {
    const analysis = analysePlan(plan, [painting], { ...excl, vat: 'incl' });
    expect(toOre(analysis.years[1]?.total ?? 0)).toBe(140_250.0);
  });

  it('places the overdue 2022 one-off in 2026, indexed to 2026, and counts it in the maintenance debt', () => {
    const overdue = makeAction({ id: 'overdue', quantity: 1, unitPrice: 50_000, year: 2022 });
    expect(occurrencesOf(overdue, plan)).toEqual([{ actionId: 'overdue', year: 2026, k: 0, status: 'planned', overdue: true }]);
    const analysis = analysePlan(plan, [painting, overdue], excl);
    expect(toOre(analysis.years[0]?.total ?? 0)).toBe(55_000.0);
    expect(toOre(analysis.maintenanceDebt)).toBe(55_000.0);
  });
});

describe('analysePlan: years and splits', () => {
  const plan = makePlan({ lengthYears: 5, areaM2: 200 });
  const actions = [
    makeAction({ id: 'roof', category: 'yttertak', buildingId: 'house-a', year: 2027, status: 'urgent', unitPrice: 1000 }),
    makeAction({ id: 'lift', category: 'transport', buildingId: 'house-b', year: 2026, intervalYears: 2, unitPrice: 300 }),
    makeAction({ id: 'yard', category: 'mark', year: 2027, status: 'draft', unitPrice: 50 }),
    makeAction({ id: 'balconies', category: 'fasad', buildingId: 'house-a', year: 2029, isInvestment: true, unitPrice: 10_000 }),
  ];

  it('has one entry per year of the window with the same keys in every year', () => {
    const analysis = analysePlan(plan, actions, excl);
    expect(analysis.window).toEqual({ startYear: 2026, endYear: 2030 });
    expect(analysis.years.map((year) => year.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    for (const year of analysis.years) {
      expect(Object.keys(year.byCategory)).toEqual(['fasad', 'mark', 'transport', 'yttertak']);
      expect(Object.keys(year.byStatus)).toEqual(['draft', 'planned', 'urgent', 'deferred']);
      expect(Object.keys(year.byBuilding)).toEqual(['house-a', 'house-b', 'none']);
    }
  });

  it('splits every year by category, status and building', () => {
    const analysis = analysePlan(plan, actions, excl);
    expect(analysis.years[1]).toEqual({
      year: 2027,
      total: 1050,
      byCategory: { fasad: 0, mark: 50, transport: 0, yttertak: 1000 },
      byStatus: { draft: 50, planned: 0, urgent: 1000, deferred: 0 },
      byBuilding: { 'house-a': 1000, 'house-b': 0, none: 50 },
    });
    expect(analysis.years[3]).toEqual({
      year: 2029,
      total: 10_000,
      byCategory: { fasad: 10_000, mark: 0, transport: 0, yttertak: 0 },
      byStatus: { draft: 0, planned: 10_000, urgent: 0, deferred: 0 },
      byBuilding: { 'house-a': 10_000, 'house-b': 0, none: 0 },
    });
    expect(analysis.years.map((year) => year.total)).toEqual([300, 1050, 300, 10_000, 300]);
  });

  it('totals the window, averages over its length and per m²', () => {
    const analysis = analysePlan(plan, actions, excl);
    expect(analysis.total).toBe(11_950);
    expect(analysis.averagePerYear).toBe(2390);
    expect(analysis.areaM2).toBe(200);
    expect(analysis.averagePerYearPerM2).toBe(11.95);
  });

  it('leaves investments out of every figure when asked, and their keys with them', () => {
    const analysis = analysePlan(plan, actions, { ...excl, includeInvestments: false });
    expect(analysis.total).toBe(1950);
    expect(analysis.years[3]?.total).toBe(0);
    expect(Object.keys(analysis.years[0]?.byCategory ?? {})).toEqual(['mark', 'transport', 'yttertak']);
  });

  it('gives null per-m² figures when the area is 0', () => {
    const analysis = analysePlan({ ...plan, areaM2: 0 }, actions, excl);
    expect(analysis.averagePerYearPerM2).toBeNull();
    expect(analysis.maintenanceDebtPerM2).toBeNull();
    expect(analysis.areaM2).toBe(0);
  });

  it('gives zero figures and no keys for a plan without actions', () => {
    const analysis = analysePlan(plan, [], excl);
    expect(analysis.total).toBe(0);
    expect(analysis.maintenanceDebt).toBe(0);
    expect(analysis.years[0]).toEqual({ year: 2026, total: 0, byCategory: {}, byStatus: { draft: 0, planned: 0, urgent: 0, deferred: 0 }, byBuilding: {} });
  });
});

describe('analysePlan: maintenance debt', () => {
  const plan = makePlan({ startYear: 2026, lengthYears: 10, areaM2: 100 });
  const debt = (action: Partial<ActionInput>, asOfYear = 2026, onPlan = plan) => maintenanceDebtOf(onPlan, [makeAction(action)], { vat: 'excl', asOfYear });

  it('counts urgent and deferred actions whatever their year, at the cost of their year', () => {
    const indexed = makePlan({ indexation: { enabled: true, annualRatePercent: 10, defaultBaseYear: 2026 } });
    expect(debt({ status: 'urgent', year: 2028 }, 2026, indexed)).toBeCloseTo(1210, 9);
    expect(debt({ status: 'deferred', year: 2026 }, 2026, indexed)).toBe(1000);
  });

  it('counts planned and draft actions only when their year is before asOfYear', () => {
    expect(debt({ status: 'planned', year: 2026 }, 2026)).toBe(0);
    expect(debt({ status: 'planned', year: 2025 }, 2026)).toBe(1000);
    expect(debt({ status: 'draft', year: 2025 }, 2026)).toBe(1000);
    expect(debt({ status: 'draft', year: 2030 }, 2026)).toBe(0);
  });

  it('counts a year before asOfYear but inside the window at that year, not at startYear', () => {
    const indexed = makePlan({ startYear: 2020, indexation: { enabled: true, annualRatePercent: 10, defaultBaseYear: 2020 } });
    expect(debt({ status: 'planned', year: 2022 }, 2026, indexed)).toBeCloseTo(1210, 9);
  });

  it('never counts done actions or investments', () => {
    expect(debt({ status: 'done', year: 2020 }, 2026)).toBe(0);
    // The next occurrence of this done action (2025) is overdue, but the action is done.
    expect(debt({ status: 'done', year: 2020, intervalYears: 5 }, 2026)).toBe(0);
    expect(debt({ status: 'urgent', isInvestment: true }, 2026)).toBe(0);
    const analysis = analysePlan(plan, [makeAction({ status: 'urgent', isInvestment: true })], excl);
    expect(analysis.maintenanceDebt).toBe(0);
  });

  it('counts a recurring action once, with its k = 0 occurrence only', () => {
    expect(debt({ status: 'urgent', year: 2027, intervalYears: 1 }, 2026)).toBe(1000);
    expect(debt({ status: 'planned', year: 2010, intervalYears: 2 }, 2026)).toBe(1000);
  });

  it('counts an urgent action after the window end at its own year (the documented choice)', () => {
    const indexed = makePlan({ lengthYears: 2, indexation: { enabled: true, annualRatePercent: 10, defaultBaseYear: 2026 } });
    expect(occurrencesOf(makeAction({ status: 'urgent', year: 2030 }), indexed)).toEqual([]);
    expect(debt({ status: 'urgent', year: 2030 }, 2026, indexed)).toBeCloseTo(1464.1, 9);
  });

  it('counts overdue actions of a window wholly before asOfYear at their own year', () => {
    const old = makePlan({ startYear: 2000, lengthYears: 10 });
    expect(debt({ status: 'planned', year: 2020 }, 2026, old)).toBe(1000);
    expect(debt({ status: 'planned', year: 1990 }, 2026, old)).toBe(1000);
  });

  it('follows the VAT choice, ignores includeInvestments and divides by the area', () => {
    const actions = [makeAction({ status: 'urgent' }), makeAction({ id: 'x', status: 'urgent', isInvestment: true })];
    const withVat = analysePlan(plan, actions, { vat: 'incl', includeInvestments: false, asOfYear: 2026 });
    expect(withVat.maintenanceDebt).toBe(1250);
    expect(withVat.maintenanceDebtPerM2).toBe(12.5);
    expect(analysePlan(plan, actions, { vat: 'incl', includeInvestments: true, asOfYear: 2026 }).maintenanceDebt).toBe(1250);
  });

  it('sums several actions', () => {
    const actions = [
      makeAction({ id: 'a', status: 'urgent', unitPrice: 100 }),
      makeAction({ id: 'b', status: 'deferred', unitPrice: 200 }),
      makeAction({ id: 'c', status: 'planned', year: 2024, unitPrice: 400 }),
      makeAction({ id: 'd', status: 'planned', year: 2031, unitPrice: 800 }),
    ];
    expect(analysePlan(plan, actions, excl).maintenanceDebt).toBe(700);
  });
});
