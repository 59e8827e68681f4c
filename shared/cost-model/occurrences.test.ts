import { describe, expect, it } from 'vitest';
import { indexFactorOf, occurrenceCost, occurrencesOf, planOccurrences, planWindow, seriesStartOf } from './occurrences.ts';
import { actionBuilder, planBuilder } from './test-fixtures.ts';
import type { ActionInput } from './types.ts';

const makePlan = planBuilder({ lengthYears: 30 });
const makeAction = actionBuilder({ year: 2030 });

const years = (action: ActionInput, plan = makePlan()) => occurrencesOf(action, plan).map((occurrence) => occurrence.year);

describe('planWindow', () => {
  it('ends lengthYears − 1 after the start', () => {
    expect(planWindow(makePlan())).toEqual({ startYear: 2026, endYear: 2055 });
    expect(planWindow(makePlan({ lengthYears: 1 }))).toEqual({ startYear: 2026, endYear: 2026 });
  });

  it('refuses an empty or fractional window', () => {
    expect(() => planWindow(makePlan({ lengthYears: 0 }))).toThrow(RangeError);
    expect(() => planWindow(makePlan({ lengthYears: 2.5 }))).toThrow(RangeError);
  });
});

describe('occurrencesOf: rule 1, the first due year', () => {
  it('is the action year when the action is not done', () => {
    expect(occurrencesOf(makeAction({ year: 2030 }), makePlan())).toEqual([{ actionId: 'a1', year: 2030, k: 0, status: 'planned', overdue: false }]);
  });

  it('is year + interval for a done recurring action, and every occurrence is planned', () => {
    const plan = makePlan({ lengthYears: 20 });
    expect(occurrencesOf(makeAction({ year: 2030, intervalYears: 10, status: 'done' }), plan)).toEqual([
      { actionId: 'a1', year: 2040, k: 0, status: 'planned', overdue: false },
    ]);
  });

  it('gives a done one-off action no occurrences at all', () => {
    expect(occurrencesOf(makeAction({ year: 2030, status: 'done' }), makePlan())).toEqual([]);
    expect(occurrencesOf(makeAction({ year: 2010, status: 'done' }), makePlan())).toEqual([]);
    expect(seriesStartOf(makeAction({ status: 'done' }), makePlan())).toBeNull();
  });
});

describe('occurrencesOf: rule 2, overdue placement', () => {
  it('places an overdue one-off in startYear, keeping its status', () => {
    expect(occurrencesOf(makeAction({ year: 2022, status: 'deferred' }), makePlan())).toEqual([
      { actionId: 'a1', year: 2026, k: 0, status: 'deferred', overdue: true },
    ]);
  });

  it('restarts an overdue series at startYear + k·interval, not on its old rhythm', () => {
    const occurrences = occurrencesOf(makeAction({ year: 2020, intervalYears: 4, status: 'urgent' }), makePlan({ lengthYears: 10 }));
    expect(occurrences).toEqual([
      { actionId: 'a1', year: 2026, k: 0, status: 'urgent', overdue: true },
      { actionId: 'a1', year: 2030, k: 1, status: 'planned', overdue: false },
      { actionId: 'a1', year: 2034, k: 2, status: 'planned', overdue: false },
    ]);
  });

  it('is not overdue when the first due year is startYear itself', () => {
    expect(occurrencesOf(makeAction({ year: 2026 }), makePlan())).toEqual([{ actionId: 'a1', year: 2026, k: 0, status: 'planned', overdue: false }]);
  });

  it('treats a done action whose next occurrence is before startYear as overdue', () => {
    expect(occurrencesOf(makeAction({ year: 2015, intervalYears: 5, status: 'done' }), makePlan({ lengthYears: 6 }))).toEqual([
      { actionId: 'a1', year: 2026, k: 0, status: 'planned', overdue: true },
      { actionId: 'a1', year: 2031, k: 1, status: 'planned', overdue: false },
    ]);
  });

  it('is decided by the first due year, not the action year, for done actions', () => {
    // 2021 + 5 = 2026 = startYear: due exactly at the start, not overdue.
    expect(occurrencesOf(makeAction({ year: 2021, intervalYears: 5, status: 'done' }), makePlan({ lengthYears: 1 }))).toEqual([
      { actionId: 'a1', year: 2026, k: 0, status: 'planned', overdue: false },
    ]);
  });
});

describe('occurrencesOf: rule 3, the window end', () => {
  it('keeps occurrences up to and including endYear', () => {
    expect(years(makeAction({ year: 2027, intervalYears: 8 }))).toEqual([2027, 2035, 2043, 2051]);
    expect(years(makeAction({ year: 2031, intervalYears: 8 }))).toEqual([2031, 2039, 2047, 2055]);
  });

  it('drops a one-off after endYear and keeps one at endYear', () => {
    expect(years(makeAction({ year: 2056 }))).toEqual([]);
    expect(years(makeAction({ year: 2055 }))).toEqual([2055]);
  });

  it('drops a series that starts after endYear', () => {
    expect(years(makeAction({ year: 2060, intervalYears: 1 }))).toEqual([]);
  });

  it('gives an interval longer than the window only its first occurrence', () => {
    expect(years(makeAction({ year: 2030, intervalYears: 100 }))).toEqual([2030]);
  });

  it('gives an interval of 1 every year from the first', () => {
    expect(years(makeAction({ year: 2050, intervalYears: 1 }))).toEqual([2050, 2051, 2052, 2053, 2054, 2055]);
  });

  it('works with a one-year window', () => {
    const plan = makePlan({ lengthYears: 1 });
    expect(years(makeAction({ year: 2000, intervalYears: 3 }), plan)).toEqual([2026]);
    expect(years(makeAction({ year: 2027, intervalYears: 1 }), plan)).toEqual([]);
  });
});

describe('occurrencesOf: rule 4, occurrence status', () => {
  it.each(['planned', 'urgent', 'deferred'] as const)('k = 0 keeps %s, later ones are planned', (status) => {
    const statuses = occurrencesOf(makeAction({ year: 2030, intervalYears: 10, status }), makePlan()).map((occurrence) => occurrence.status);
    expect(statuses).toEqual([status, 'planned', 'planned']);
  });

  it('makes every occurrence of a draft a draft, overdue or not', () => {
    const occurrences = occurrencesOf(makeAction({ year: 2020, intervalYears: 10, status: 'draft' }), makePlan());
    expect(occurrences.map((occurrence) => [occurrence.year, occurrence.status, occurrence.overdue])).toEqual([
      [2026, 'draft', true],
      [2036, 'draft', false],
      [2046, 'draft', false],
    ]);
  });
});

describe('occurrencesOf: invalid intervals', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses intervalYears %s instead of looping forever', (intervalYears) => {
    expect(() => occurrencesOf(makeAction({ intervalYears }), makePlan())).toThrow(RangeError);
  });
});

describe('occurrenceCost', () => {
  const action = makeAction({ quantity: 40, unitPrice: 2500 });

  it('is quantity × unit price × client cost surcharge without indexation', () => {
    expect(occurrenceCost(action, makePlan({ clientCostPercent: 10 }), 2040, { vat: 'excl' })).toBeCloseTo(110_000, 9);
  });

  it('adds VAT when asked for amounts including VAT', () => {
    expect(occurrenceCost(action, makePlan({ vatPercent: 25 }), 2040, { vat: 'incl' })).toBe(125_000);
    expect(occurrenceCost(action, makePlan({ vatPercent: 12 }), 2040, { vat: 'incl' })).toBeCloseTo(112_000, 9);
    expect(occurrenceCost(action, makePlan({ vatPercent: 25 }), 2040, { vat: 'excl' })).toBe(100_000);
  });

  it('is not indexed when indexation is off, even with base years', () => {
    const plan = makePlan({ indexation: { enabled: false, annualRatePercent: 3, defaultBaseYear: 2020 } });
    expect(occurrenceCost({ ...action, baseYear: 2010 }, plan, 2040, { vat: 'excl' })).toBe(100_000);
  });

  it('is not indexed when neither the action nor the plan has a base year', () => {
    const plan = makePlan({ indexation: { enabled: true, annualRatePercent: 3, defaultBaseYear: null } });
    expect(indexFactorOf(action, plan, 2040)).toBe(1);
  });

  it("indexes from the plan's default base year, or the action's own which wins", () => {
    const plan = makePlan({ indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 } });
    expect(indexFactorOf(action, plan, 2028)).toBeCloseTo(1.0404, 12);
    expect(indexFactorOf({ ...action, baseYear: 2027 }, plan, 2028)).toBeCloseTo(1.02, 12);
    expect(indexFactorOf({ ...action, baseYear: 2028 }, plan, 2028)).toBe(1);
  });

  it('gives a factor below 1 for years before the base year', () => {
    const plan = makePlan({ indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2030 } });
    expect(occurrenceCost(action, plan, 2028, { vat: 'excl' })).toBeCloseTo(100_000 / 1.0404, 8);
  });

  it('is 0 for a quantity or unit price of 0', () => {
    expect(occurrenceCost({ ...action, quantity: 0 }, makePlan(), 2030, { vat: 'incl' })).toBe(0);
    expect(occurrenceCost({ ...action, unitPrice: 0 }, makePlan(), 2030, { vat: 'incl' })).toBe(0);
  });
});

describe('planOccurrences', () => {
  const plan = makePlan({ lengthYears: 10 });
  const actions = [
    makeAction({ id: 'late', year: 2033 }),
    makeAction({ id: 'yearly', year: 2030, intervalYears: 3, quantity: 2 }),
    makeAction({ id: 'investment', year: 2026, isInvestment: true }),
    makeAction({ id: 'done', year: 2026, status: 'done' }),
  ];

  it('lists every occurrence with its cost, by year and then in action order', () => {
    expect(planOccurrences(plan, actions, { vat: 'incl', includeInvestments: true }).map((o) => [o.actionId, o.year, o.cost])).toEqual([
      ['investment', 2026, 1250],
      ['yearly', 2030, 2500],
      ['late', 2033, 1250],
      ['yearly', 2033, 2500],
    ]);
  });

  it('leaves investments out when asked to', () => {
    expect(planOccurrences(plan, actions, { vat: 'excl', includeInvestments: false }).map((o) => o.actionId)).toEqual(['yearly', 'late', 'yearly']);
  });
});
