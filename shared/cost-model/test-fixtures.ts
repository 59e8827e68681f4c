import type { ActionInput, PlanInput } from './types.ts';

/** A fund with no balance, provision, growth, interest or minimum. */
export const emptyFund: PlanInput['fund'] = {
  openingBalance: 0,
  currentProvisionPerYear: 0,
  provisionGrowthPercent: 0,
  interestRatePercent: 0,
  minimumBalance: 0,
};

/**
 * A builder of test plans starting 2026, without client cost, indexation or fund, at 25 % VAT;
 * `defaults` (e.g. the plan length) apply to every plan it builds, `overrides` to one.
 */
export function planBuilder(defaults: Partial<PlanInput> & Pick<PlanInput, 'lengthYears'>) {
  return (overrides: Partial<PlanInput> = {}): PlanInput => ({
    startYear: 2026,
    clientCostPercent: 0,
    vatPercent: 25,
    indexation: { enabled: false, annualRatePercent: 0, defaultBaseYear: null },
    fund: { ...emptyFund },
    areaM2: 0,
    ...defaults,
    ...overrides,
  });
}

/**
 * A builder of test actions: one planned, non-recurring 'fasad' action 'a1' of 1 × 1000, in no
 * building or location; `defaults` (e.g. the year) apply to every action it builds, `overrides` to one.
 */
export function actionBuilder(defaults: Partial<ActionInput> & Pick<ActionInput, 'year'>) {
  return (overrides: Partial<ActionInput> = {}): ActionInput => ({
    id: 'a1',
    category: 'fasad',
    buildingId: null,
    locationId: null,
    quantity: 1,
    unitPrice: 1000,
    intervalYears: null,
    status: 'planned',
    baseYear: null,
    isInvestment: false,
    ...defaults,
    ...overrides,
  });
}
