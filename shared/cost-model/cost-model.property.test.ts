import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePlan } from './analysis.ts';
import { sumExactly } from './exact-sum.ts';
import { analyseFund } from './fund.ts';
import { planOccurrences } from './occurrences.ts';
import type { ActionInput, ActionStatus, PlanInput, VatMode } from './types.ts';

/*
 * Property-based tests: the cost model against a second, deliberately simple implementation
 * of docs/product/cost-model.md written here. The reference asks, for every year of the window
 * and every action, "does this action occur in this year?" instead of generating series, and
 * finds the required provision by searching whole kronor with the balance recursion instead of
 * solving for it.
 */

// ---------------------------------------------------------------------------------------------
// The reference implementation

interface ReferenceOccurrence {
  k: number;
  status: string;
  overdue: boolean;
}

/**
 * Whether `action` has an occurrence in `year` of the window, by
 * docs/product/cost-model.md § Occurrences, rules 1–4.
 */
function referenceOccurrenceIn(action: ActionInput, plan: PlanInput, year: number): ReferenceOccurrence | null {
  const endYear = plan.startYear + plan.lengthYears - 1;
  if (year < plan.startYear || year > endYear) return null;
  let first: number;
  if (action.status === 'done') {
    if (action.intervalYears === null) return null;
    first = action.year + action.intervalYears;
  } else {
    first = action.year;
  }
  const overdue = first < plan.startYear;
  const seriesStart = overdue ? plan.startYear : first;
  if (year < seriesStart) return null;
  if (action.intervalYears === null) {
    if (year !== seriesStart) return null;
  } else if ((year - seriesStart) % action.intervalYears !== 0) {
    return null;
  }
  const k = action.intervalYears === null ? 0 : (year - seriesStart) / action.intervalYears;
  let status: string = k === 0 ? action.status : 'planned';
  if (status === 'done') status = 'planned';
  if (action.status === 'draft') status = 'draft';
  return { k, status, overdue: k === 0 && overdue };
}

function referenceCost(action: ActionInput, plan: PlanInput, year: number, vat: VatMode): number {
  let index = 1;
  const baseYear = action.baseYear !== null ? action.baseYear : plan.indexation.defaultBaseYear;
  if (plan.indexation.enabled && baseYear !== null) index = (1 + plan.indexation.annualRatePercent / 100) ** (year - baseYear);
  const vatFactor = vat === 'incl' ? 1 + plan.vatPercent / 100 : 1;
  return action.quantity * action.unitPrice * (1 + plan.clientCostPercent / 100) * index * vatFactor;
}

function add(record: Record<string, number>, key: string, amount: number): void {
  record[key] = (record[key] ?? 0) + amount;
}

function referenceAnalysis(plan: PlanInput, actions: ActionInput[], options: { vat: VatMode; includeInvestments: boolean; asOfYear: number }) {
  const years = [];
  let total = 0;
  for (let year = plan.startYear; year < plan.startYear + plan.lengthYears; year++) {
    const entry = {
      year,
      total: 0,
      byCategory: {} as Record<string, number>,
      byStatus: {} as Record<string, number>,
      byBuilding: {} as Record<string, number>,
    };
    for (const action of actions) {
      if (action.isInvestment && !options.includeInvestments) continue;
      const occurrence = referenceOccurrenceIn(action, plan, year);
      if (occurrence === null) continue;
      const cost = referenceCost(action, plan, year, options.vat);
      entry.total += cost;
      add(entry.byCategory, action.category, cost);
      add(entry.byStatus, occurrence.status, cost);
      add(entry.byBuilding, action.buildingId === null ? 'none' : action.buildingId, cost);
    }
    total += entry.total;
    years.push(entry);
  }
  let debt = 0;
  for (const action of actions) {
    if (action.isInvestment || action.status === 'done') continue;
    if (action.status === 'urgent' || action.status === 'deferred' || action.year < options.asOfYear) {
      // The k = 0 occurrence at its placed year, even after the window end (analysis.ts's choice).
      debt += referenceCost(action, plan, Math.max(action.year, plan.startYear), options.vat);
    }
  }
  return { years, total, debt };
}

/** Half an öre: fund.ts's BALANCE_TOLERANCE_SEK, part of what "below the minimum" means. */
const tolerance = 0.005;

function referenceFund(plan: PlanInput, actions: ActionInput[], vat: VatMode, provision: number) {
  const years = [];
  let balance = plan.fund.openingBalance;
  for (let year = plan.startYear; year < plan.startYear + plan.lengthYears; year++) {
    let cost = 0;
    for (const action of actions) {
      if (action.isInvestment) continue;
      if (referenceOccurrenceIn(action, plan, year) !== null) cost += referenceCost(action, plan, year, vat);
    }
    const yearProvision = provision * (1 + plan.fund.provisionGrowthPercent / 100) ** (year - plan.startYear);
    balance = balance * (1 + plan.fund.interestRatePercent / 100) + yearProvision - cost;
    years.push({ year, cost, provision: yearProvision, balance });
  }
  const shortfall = years.find((entry) => entry.balance < plan.fund.minimumBalance - tolerance);
  return { years, firstShortfallYear: shortfall === undefined ? null : shortfall.year };
}

/** Smallest whole provision without a shortfall: double an upper bound, then bisect. */
function referenceRequiredProvision(plan: PlanInput, actions: ActionInput[], vat: VatMode): number {
  const isEnough = (provision: number) => referenceFund(plan, actions, vat, provision).firstShortfallYear === null;
  if (isEnough(0)) return 0;
  let enough = 1;
  while (!isEnough(enough)) enough *= 2;
  let notEnough = 0;
  while (enough - notEnough > 1) {
    const middle = Math.floor((enough + notEnough) / 2);
    if (isEnough(middle)) enough = middle;
    else notEnough = middle;
  }
  return enough;
}

function referenceAnnualisedCost(plan: PlanInput, actions: ActionInput[], vat: VatMode): number {
  let total = 0;
  for (const action of actions) {
    if (action.isInvestment || action.intervalYears === null) continue;
    const vatFactor = vat === 'incl' ? 1 + plan.vatPercent / 100 : 1;
    total += (action.quantity * action.unitPrice * (1 + plan.clientCostPercent / 100) * vatFactor) / action.intervalYears;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Generators: small plans around 2020–2040, actions overdue, inside and after the window

const percent = (max: number, min = 0) => fc.integer({ min: min * 100, max: max * 100 }).map((hundredths) => hundredths / 100);
const zeroOr = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(0), arbitrary);
const baseYear = fc.option(fc.integer({ min: 2000, max: 2050 }), { nil: null });

const planArbitrary: fc.Arbitrary<PlanInput> = fc.record({
  startYear: fc.integer({ min: 2020, max: 2030 }),
  lengthYears: fc.integer({ min: 1, max: 12 }),
  clientCostPercent: zeroOr(percent(20)),
  vatPercent: fc.constantFrom(0, 6, 12, 25),
  indexation: fc.record({ enabled: fc.boolean(), annualRatePercent: zeroOr(percent(6)), defaultBaseYear: baseYear }),
  fund: fc.record({
    openingBalance: fc.integer({ min: -50_000, max: 500_000 }),
    currentProvisionPerYear: fc.integer({ min: 0, max: 100_000 }),
    provisionGrowthPercent: zeroOr(percent(10, -10)),
    interestRatePercent: zeroOr(percent(8, -2)),
    minimumBalance: zeroOr(fc.integer({ min: -10_000, max: 200_000 })),
  }),
  areaM2: zeroOr(fc.integer({ min: 1, max: 5000 })),
});

const actionFields = fc.record({
  category: fc.constantFrom('fasad', 'yttertak', 'el'),
  buildingId: fc.constantFrom(null, 'house-a', 'house-b'),
  locationId: fc.constantFrom(null, 'laundry'),
  quantity: fc.integer({ min: 0, max: 500 }).map((tenths) => tenths / 10),
  unitPrice: fc.integer({ min: 0, max: 2_000_000 }).map((ore) => ore / 100),
  year: fc.integer({ min: 2005, max: 2045 }),
  intervalYears: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  status: fc.constantFrom<ActionStatus>('draft', 'planned', 'urgent', 'deferred', 'done'),
  baseYear,
  isInvestment: fc.boolean(),
});

const actionsArbitrary: fc.Arbitrary<ActionInput[]> = fc
  .array(actionFields, { maxLength: 8 })
  .map((fields) => fields.map((field, index) => ({ id: `action-${index}`, ...field })));

const optionsArbitrary = fc.record({
  vat: fc.constantFrom<VatMode>('excl', 'incl'),
  includeInvestments: fc.boolean(),
  asOfYear: fc.integer({ min: 2015, max: 2045 }),
});

const numRuns = 200;

function expectClose(actual: number, expected: number, scale = 0): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected), scale));
}

function expectRecordClose(actual: Record<string, number>, expected: Record<string, number>): void {
  for (const key of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    expectClose(actual[key] ?? 0, expected[key] ?? 0);
  }
}

// ---------------------------------------------------------------------------------------------

describe('cost model against the reference implementation', () => {
  it('lists the same occurrences', () => {
    fc.assert(
      fc.property(planArbitrary, actionsArbitrary, optionsArbitrary, (plan, actions, options) => {
        const actual = planOccurrences(plan, actions, options).map(({ actionId, year, k, status, overdue }) => ({ actionId, year, k, status, overdue }));
        const expected = [];
        for (let year = plan.startYear; year < plan.startYear + plan.lengthYears; year++) {
          for (const action of actions) {
            if (action.isInvestment && !options.includeInvestments) continue;
            const occurrence = referenceOccurrenceIn(action, plan, year);
            if (occurrence !== null) expected.push({ actionId: action.id, year, ...occurrence });
          }
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns },
    );
  });

  it('gives the same yearly totals, splits, averages and maintenance debt', () => {
    fc.assert(
      fc.property(planArbitrary, actionsArbitrary, optionsArbitrary, (plan, actions, options) => {
        const actual = analysePlan(plan, actions, options);
        const expected = referenceAnalysis(plan, actions, options);
        expect(actual.window).toEqual({ startYear: plan.startYear, endYear: plan.startYear + plan.lengthYears - 1 });
        expect(actual.years.map((year) => year.year)).toEqual(expected.years.map((year) => year.year));
        const keys = (record: Record<string, number>) => Object.keys(record).join();
        for (const [index, year] of actual.years.entries()) {
          const reference = expected.years[index];
          if (reference === undefined) throw new Error('missing reference year');
          expectClose(year.total, reference.total);
          expectRecordClose(year.byCategory, reference.byCategory);
          expectRecordClose(year.byStatus, reference.byStatus);
          expectRecordClose(year.byBuilding, reference.byBuilding);
          // The same keys in every year, so stacked charts get the same series.
          expect(keys(year.byCategory)).toBe(keys(actual.years[0]?.byCategory ?? {}));
          expect(keys(year.byBuilding)).toBe(keys(actual.years[0]?.byBuilding ?? {}));
        }
        expectClose(actual.total, expected.total);
        const windowSum = (split: (year: (typeof expected.years)[number]) => Record<string, number>) => {
          const sums: Record<string, number> = {};
          for (const year of expected.years) for (const [key, amount] of Object.entries(split(year))) add(sums, key, amount);
          return sums;
        };
        expectRecordClose(
          actual.byCategory,
          windowSum((year) => year.byCategory),
        );
        expectRecordClose(
          actual.byStatus,
          windowSum((year) => year.byStatus),
        );
        expectRecordClose(
          actual.byBuilding,
          windowSum((year) => year.byBuilding),
        );
        expect(keys(actual.byCategory)).toBe(keys(actual.years[0]?.byCategory ?? {}));
        expect(keys(actual.byBuilding)).toBe(keys(actual.years[0]?.byBuilding ?? {}));
        expectClose(actual.averagePerYear, expected.total / plan.lengthYears);
        expectClose(actual.maintenanceDebt, expected.debt);
        if (plan.areaM2 === 0) {
          expect(actual.averagePerYearPerM2).toBeNull();
          expect(actual.maintenanceDebtPerM2).toBeNull();
        } else {
          expectClose(actual.averagePerYearPerM2 ?? Number.NaN, expected.total / plan.lengthYears / plan.areaM2);
          expectClose(actual.maintenanceDebtPerM2 ?? Number.NaN, expected.debt / plan.areaM2);
        }
      }),
      { numRuns },
    );
  });

  it('gives the same fund balances, shortfall year, required provision and annualised cost', () => {
    fc.assert(
      fc.property(planArbitrary, actionsArbitrary, optionsArbitrary, (plan, actions, { vat }) => {
        const actual = analyseFund(plan, actions, { vat });
        const expected = referenceFund(plan, actions, vat, plan.fund.currentProvisionPerYear);
        const scale = Math.abs(plan.fund.openingBalance) + expected.years.reduce((sum, year) => sum + year.cost + Math.abs(year.provision), 0);
        expect(actual.years.map((year) => year.year)).toEqual(expected.years.map((year) => year.year));
        for (const [index, year] of actual.years.entries()) {
          const reference = expected.years[index];
          if (reference === undefined) throw new Error('missing reference year');
          expectClose(year.cost, reference.cost);
          expectClose(year.provision, reference.provision);
          expectClose(year.balance, reference.balance, scale);
        }
        expect(actual.firstShortfallYear).toBe(expected.firstShortfallYear);
        expectClose(
          actual.totalCost,
          expected.years.reduce((sum, year) => sum + year.cost, 0),
        );
        expect(actual.requiredProvisionPerYear).toBe(referenceRequiredProvision(plan, actions, vat));
        expectClose(actual.annualisedCost, referenceAnnualisedCost(plan, actions, vat));
      }),
      { numRuns },
    );
  });

  it('requires a provision that keeps every balance at the minimum, where one krona less does not', () => {
    fc.assert(
      fc.property(planArbitrary, actionsArbitrary, fc.constantFrom<VatMode>('excl', 'incl'), (plan, actions, vat) => {
        const required = analyseFund(plan, actions, { vat }).requiredProvisionPerYear;
        if (required === null) throw new Error('growth and interest above −100 % always have an answer');
        expect(Number.isInteger(required)).toBe(true);
        expect(required).toBeGreaterThanOrEqual(0);
        const withProvision = (provision: number) => analyseFund({ ...plan, fund: { ...plan.fund, currentProvisionPerYear: provision } }, actions, { vat });
        const enough = withProvision(required);
        expect(enough.firstShortfallYear).toBeNull();
        for (const year of enough.years) expect(year.balance).toBeGreaterThanOrEqual(plan.fund.minimumBalance - tolerance);
        if (required > 0) {
          const short = withProvision(required - 1);
          expect(short.firstShortfallYear).not.toBeNull();
          expect(short.years.some((year) => year.balance < plan.fund.minimumBalance - tolerance)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('leaves investments out of the fund, and out of the analysis when asked', () => {
    fc.assert(
      fc.property(planArbitrary, actionsArbitrary, optionsArbitrary, (plan, actions, options) => {
        const maintenanceOnly = actions.filter((action) => !action.isInvestment);
        const fund = analyseFund(plan, actions, options);
        const fundWithout = analyseFund(plan, maintenanceOnly, options);
        expect(fund).toEqual(fundWithout);
        const analysis = analysePlan(plan, actions, { ...options, includeInvestments: false });
        const analysisWithout = analysePlan(plan, maintenanceOnly, { ...options, includeInvestments: true });
        expect(analysis).toEqual(analysisWithout);
      }),
      { numRuns },
    );
  });

  it('sums exactly: every sum is the same double whatever the order of the actions, and equals the occurrences’ exact sum', () => {
    fc.assert(
      fc.property(planArbitrary, actionsArbitrary, optionsArbitrary, fc.func(fc.integer()), (plan, actions, options, order) => {
        const shuffled = [...actions].sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
        const analysis = analysePlan(plan, actions, options);
        expect(analysePlan(plan, shuffled, options)).toEqual(analysis);
        expect(analyseFund(plan, shuffled, options)).toEqual(analyseFund(plan, actions, options));

        // What a plan list sums, grouped its own way, is the analysis' figure to the last bit.
        const occurrences = planOccurrences(plan, shuffled, options);
        const categoryOf = new Map(actions.map((action) => [action.id, action.category]));
        expect(sumExactly(occurrences.map((occurrence) => occurrence.cost))).toBe(analysis.total);
        for (const [category, amount] of Object.entries(analysis.byCategory)) {
          const costs = occurrences.filter((occurrence) => categoryOf.get(occurrence.actionId) === category).map((occurrence) => occurrence.cost);
          expect(sumExactly(costs)).toBe(amount);
        }
        for (const year of analysis.years) {
          expect(sumExactly(occurrences.filter((occurrence) => occurrence.year === year.year).map((occurrence) => occurrence.cost))).toBe(year.total);
        }
        // The fund's yearly cost is the analysis' yearly total without investments.
        const maintenance = analysePlan(plan, actions, { ...options, includeInvestments: false });
        const fund = analyseFund(plan, actions, options);
        expect(fund.years.map((year) => year.cost)).toEqual(maintenance.years.map((year) => year.total));
        expect(fund.totalCost).toBe(maintenance.total);
      }),
      { numRuns },
    );
  });
});
