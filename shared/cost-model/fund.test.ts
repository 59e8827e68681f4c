import { describe, expect, it } from 'vitest';
import { analyseFund, annualisedCostOf } from './fund.ts';
import { actionBuilder, emptyFund, planBuilder } from './test-fixtures.ts';
import type { ActionInput, PlanInput } from './types.ts';

const threeYearPlan = planBuilder({ lengthYears: 3 });
const makePlan = (fund: Partial<PlanInput['fund']> = {}, overrides: Partial<PlanInput> = {}) =>
  threeYearPlan({ fund: { ...emptyFund, ...fund }, ...overrides });
const makeAction = actionBuilder({ year: 2027 });

const excl = { vat: 'excl' } as const;

describe('analyseFund: balances', () => {
  it('runs the balance recursion from the opening balance', () => {
    const plan = makePlan({ openingBalance: 1000, currentProvisionPerYear: 500 });
    const fund = analyseFund(plan, [makeAction({ unitPrice: 2000 })], excl);
    expect(fund.years).toEqual([
      { year: 2026, cost: 0, provision: 500, balance: 1500 },
      { year: 2027, cost: 2000, provision: 500, balance: 0 },
      { year: 2028, cost: 0, provision: 500, balance: 500 },
    ]);
    expect(fund.firstShortfallYear).toBeNull();
  });

  it('grows the provision and pays interest on the previous balance', () => {
    const plan = makePlan({ openingBalance: 1000, currentProvisionPerYear: 100, provisionGrowthPercent: 10, interestRatePercent: 5 });
    const fund = analyseFund(plan, [], excl);
    expect(fund.years[1]?.provision).toBeCloseTo(110, 9);
    expect(fund.years[2]?.provision).toBeCloseTo(121, 9);
    expect(fund.years[0]?.balance).toBeCloseTo(1150, 9);
    expect(fund.years[1]?.balance).toBeCloseTo(1150 * 1.05 + 110, 9);
    expect(fund.years[2]?.balance).toBeCloseTo((1150 * 1.05 + 110) * 1.05 + 121, 9);
  });

  it('finds the first year below the minimum balance (equal is not a shortfall)', () => {
    const plan = makePlan({ openingBalance: 1000, currentProvisionPerYear: 500, minimumBalance: 100 });
    expect(analyseFund(plan, [makeAction({ unitPrice: 2000 })], excl).firstShortfallYear).toBe(2027);
    expect(analyseFund({ ...plan, fund: { ...plan.fund, minimumBalance: 0 } }, [makeAction({ unitPrice: 2000 })], excl).firstShortfallYear).toBeNull();
  });

  it('does not count a gap under half an öre as a shortfall', () => {
    expect(analyseFund(makePlan({ openingBalance: -0.004 }), [], excl).firstShortfallYear).toBeNull();
    expect(analyseFund(makePlan({ openingBalance: 99.996, minimumBalance: 100 }), [], excl).firstShortfallYear).toBeNull();
    expect(analyseFund(makePlan({ openingBalance: -0.006 }), [], excl).firstShortfallYear).toBe(2026);
  });

  it('flags the first year when the opening balance is already below the minimum', () => {
    expect(analyseFund(makePlan({ openingBalance: -10 }), [], excl).firstShortfallYear).toBe(2026);
  });

  it('always leaves investments out, and follows the VAT choice', () => {
    const actions = [makeAction(), makeAction({ id: 'new-balconies', isInvestment: true, unitPrice: 99_000 })];
    expect(analyseFund(makePlan(), actions, excl).years[1]?.cost).toBe(1000);
    expect(analyseFund(makePlan(), actions, { vat: 'incl' }).years[1]?.cost).toBe(1250);
  });

  it('counts every non-investment occurrence: drafts, overdue ones and the next of a done action', () => {
    const actions = [
      makeAction({ id: 'draft', status: 'draft', year: 2026, unitPrice: 1 }),
      makeAction({ id: 'overdue', year: 2010, unitPrice: 10 }),
      makeAction({ id: 'done', status: 'done', year: 2026, intervalYears: 2, unitPrice: 100 }),
    ];
    expect(analyseFund(makePlan(), actions, excl).years.map((year) => year.cost)).toEqual([11, 0, 100]);
  });
});

describe('analyseFund: required provision', () => {
  const required = (plan: PlanInput, actions: ActionInput[]) => analyseFund(plan, actions, excl).requiredProvisionPerYear;

  it('is 0 when the fund holds without any provision', () => {
    expect(required(makePlan({ openingBalance: 5000 }), [makeAction({ unitPrice: 2000 })])).toBe(0);
    expect(required(makePlan(), [])).toBe(0);
  });

  it('is the closed form max over y of (minimum − opening + Σ cost) / n without interest or growth', () => {
    // y = 2027: (100 − 1000 + 2000) / 2 = 550; y = 2028: 1100 / 3 ≈ 366.7.
    expect(required(makePlan({ openingBalance: 1000, minimumBalance: 100 }), [makeAction({ unitPrice: 2000 })])).toBe(550);
  });

  it('rounds a fractional provision up to whole kronor', () => {
    // 1001 / 2 = 500.5.
    expect(required(makePlan(), [makeAction({ unitPrice: 1001 })])).toBe(501);
  });

  it('is exact where floating point puts the bound an ulp above a whole krona', () => {
    // 2.01 P − 20.10 ≥ 0 gives P = 10 exactly; in doubles the bound is 10.000000000000002.
    const plan = makePlan({ interestRatePercent: 1 });
    expect(20.1 / (1.01 + 1)).toBeGreaterThan(10);
    expect(required(plan, [makeAction({ unitPrice: 20.1 })])).toBe(10);
  });

  it('is exact where the recursion puts the balance an ulp below the minimum', () => {
    // 2.02 P − 26.26 ≥ 0 gives P = 13 exactly; the recursion gives a balance of −3.6e-15 with it.
    const plan = makePlan({ interestRatePercent: 2 });
    const action = makeAction({ unitPrice: 26.26 });
    expect(required(plan, [action])).toBe(13);
    const fund = analyseFund({ ...plan, fund: { ...plan.fund, currentProvisionPerYear: 13 } }, [action], excl);
    expect(fund.years[1]?.balance).toBeLessThan(0);
    expect(fund.firstShortfallYear).toBeNull();
  });

  it('lifts an opening balance below the minimum in the first year', () => {
    expect(required(makePlan({ openingBalance: 0, minimumBalance: 750.25 }), [])).toBe(751);
  });

  it('accounts for growth and interest', () => {
    // balance[2028] = P (1.05² + 1.1 × 1.05 + 1.21) − 3000 ≥ 0.
    const plan = makePlan({ provisionGrowthPercent: 10, interestRatePercent: 5 });
    const coefficient = 1.05 * 1.05 + 1.1 * 1.05 + 1.21;
    expect(required(plan, [makeAction({ year: 2028, unitPrice: 3000 })])).toBe(Math.ceil(3000 / coefficient));
  });

  it('works with shrinking provisions', () => {
    const plan = makePlan({ provisionGrowthPercent: -50 });
    // P (1 + 0.5 + 0.25) ≥ 1750 → P = 1000.
    expect(required(plan, [makeAction({ year: 2028, unitPrice: 1750 })])).toBe(1000);
  });

  it('is null when no provision can reach the minimum', () => {
    const plan = makePlan({ provisionGrowthPercent: -100, interestRatePercent: -100 });
    expect(required(plan, [makeAction({ year: 2027, unitPrice: 1 })])).toBeNull();
  });

  it('refuses growth or interest below −100 %', () => {
    expect(() => analyseFund(makePlan({ provisionGrowthPercent: -101 }), [], excl)).toThrow(RangeError);
    expect(() => analyseFund(makePlan({ interestRatePercent: -150 }), [], excl)).toThrow(RangeError);
  });
});

describe('annualisedCost', () => {
  const plan = makePlan({}, { clientCostPercent: 10, vatPercent: 25, indexation: { enabled: true, annualRatePercent: 5, defaultBaseYear: 2000 } });

  it('sums cost / interval of recurring non-investment actions of every status, not indexed', () => {
    const actions = [
      makeAction({ id: 'windows', quantity: 40, unitPrice: 2500, intervalYears: 8 }),
      makeAction({ id: 'draft', status: 'draft', unitPrice: 400, intervalYears: 4 }),
      makeAction({ id: 'done', status: 'done', unitPrice: 100, intervalYears: 1 }),
      makeAction({ id: 'one-off', unitPrice: 1_000_000 }),
      makeAction({ id: 'investment', isInvestment: true, unitPrice: 1_000_000, intervalYears: 10 }),
    ];
    expect(annualisedCostOf(plan, actions, 'excl')).toBeCloseTo((100_000 / 8 + 100 + 100) * 1.1, 9);
    expect(analyseFund(plan, actions, { vat: 'incl' }).annualisedCost).toBeCloseTo((100_000 / 8 + 100 + 100) * 1.1 * 1.25, 9);
  });
});
