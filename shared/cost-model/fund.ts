import { ExactSum } from './exact-sum.ts';
import { occurrenceCost, occurrencesOf, planWindow, vatFactorOf } from './occurrences.ts';
import type { ActionInput, PlanInput, VatMode } from './types.ts';

export interface FundYear {
  year: number;
  /** Σ of non-investment occurrences in the year. */
  cost: number;
  provision: number;
  /** Balance at the end of the year. */
  balance: number;
}

export interface FundAnalysis {
  /** One entry per year of the window, in order. */
  years: FundYear[];
  /** Σ of the non-investment occurrences over the window: the exact sum, not the years' sums added. */
  totalCost: number;
  /** The first year whose balance is below `minimumBalance` (by half an öre or more); null when none is. */
  firstShortfallYear: number | null;
  /**
   * The smallest first-year provision (whole kronor, ≥ 0; later years grow as the plan says) that
   * keeps every balance of the window ≥ `minimumBalance` (within half an öre). Null only when no
   * provision can: both growth and interest at −100 %, or more than 2^53 kr needed.
   */
  requiredProvisionPerYear: number | null;
  /** K3 component method: Σ of recurring non-investment actions' cost / interval, not indexed. */
  annualisedCost: number;
}

/**
 * The fund analysis (avsättningsanalys) of docs/product/cost-model.md § Fund analysis. Investments
 * are always excluded: they are financed outside the maintenance fund. Amounts in SEK, unrounded
 * except the required provision.
 */
export function analyseFund(plan: PlanInput, actions: readonly ActionInput[], options: { vat: VatMode }): FundAnalysis {
  checkFundFactors(plan);
  const sums = fundCostSumsPerYear(plan, actions, options.vat);
  const costs = sums.map((sum) => sum.value());
  const years = fundYears(plan, costs, plan.fund.currentProvisionPerYear);
  const totalCost = new ExactSum();
  for (const sum of sums) totalCost.addSum(sum);
  return {
    years,
    totalCost: totalCost.value(),
    firstShortfallYear: firstShortfallYearOf(plan, years),
    requiredProvisionPerYear: requiredProvisionPerYear(plan, costs),
    annualisedCost: annualisedCostOf(plan, actions, options.vat),
  };
}

/**
 * `cost[y]` for every year of the window (index 0 is `startYear`), as exact sums, so each equals
 * the plan analysis' year total without investments (docs/product/cost-model.md § Sums).
 */
function fundCostSumsPerYear(plan: PlanInput, actions: readonly ActionInput[], vat: VatMode): ExactSum[] {
  const { startYear } = planWindow(plan);
  const sums = Array.from({ length: plan.lengthYears }, () => new ExactSum());
  for (const action of actions) {
    if (action.isInvestment) continue;
    for (const occurrence of occurrencesOf(action, plan)) {
      sums[occurrence.year - startYear]?.add(occurrenceCost(action, plan, occurrence.year, { vat }));
    }
  }
  return sums;
}

/**
 * The balance recursion with first-year provision `provision`:
 * `balance[y] = balance[y−1] × (1 + interest) + provision × (1 + growth)^(y − startYear) − cost[y]`,
 * starting from `openingBalance` at the end of `startYear − 1`.
 */
function fundYears(plan: PlanInput, costs: readonly number[], provision: number): FundYear[] {
  const { fund, startYear } = plan;
  const interestFactor = 1 + fund.interestRatePercent / 100;
  const growthFactor = 1 + fund.provisionGrowthPercent / 100;
  let balance = fund.openingBalance;
  return costs.map((cost, index) => {
    const yearProvision = provision * Math.pow(growthFactor, index);
    balance = balance * interestFactor + yearProvision - cost;
    return { year: startYear + index, cost, provision: yearProvision, balance };
  });
}

/**
 * A balance counts as below the minimum only when it is below by half an öre or more (SEK). The
 * recursion runs in double precision, so a balance that is exactly the minimum in exact arithmetic
 * (say a provision of exactly the required amount, with interest) can come out a few ulps below
 * it; the API serialises amounts to öre, so a gap under half an öre is never visible money and
 * must not show up as a shortfall year or cost the board an extra krona of provision.
 */
export const BALANCE_TOLERANCE_SEK = 0.005;

function isBelowMinimum(plan: PlanInput, balance: number): boolean {
  return balance < plan.fund.minimumBalance - BALANCE_TOLERANCE_SEK;
}

function firstShortfallYearOf(plan: PlanInput, years: readonly FundYear[]): number | null {
  return years.find((entry) => isBelowMinimum(plan, entry.balance))?.year ?? null;
}

function isEnough(plan: PlanInput, costs: readonly number[], provision: number): boolean {
  return fundYears(plan, costs, provision).every((entry) => !isBelowMinimum(plan, entry.balance));
}

/**
 * The balance is linear in the first-year provision P: `balance[y] = zero[y] + P × coefficient[y]`,
 * where `zero[y]` is the balance with no provision and `coefficient[y] = Σ_{j ≤ y} growth^(j−s) ×
 * interest^(y−j)`, which is 1 in the first year and never negative (factors ≥ 0, see
 * checkFundFactors). So each year asks exactly `P ≥ (minimum − zero[y]) / coefficient[y]` (less
 * the half-öre tolerance), and the answer is the largest of those bounds (and 0), rounded up: exact,
 * with no iteration count or convergence threshold to choose as bisection over P would need. With
 * no interest and no growth it is the closed form
 * `max over y of (minimum − opening + Σ cost up to y) / (years up to y)`.
 *
 * The whole-krona result is then checked against the recursion that produces the balances shown,
 * searching outwards from it (it normally ends after two evaluations), so the answer always agrees
 * with the shown figures: with P no year is a shortfall, with P − 1 (when P > 0) one is.
 */
function requiredProvisionPerYear(plan: PlanInput, costs: readonly number[]): number | null {
  const { fund } = plan;
  const interestFactor = 1 + fund.interestRatePercent / 100;
  const growthFactor = 1 + fund.provisionGrowthPercent / 100;
  let zeroProvisionBalance = fund.openingBalance;
  let coefficient = 0;
  let lowerBound = 0;
  for (const [index, cost] of costs.entries()) {
    zeroProvisionBalance = zeroProvisionBalance * interestFactor - cost;
    coefficient = coefficient * interestFactor + Math.pow(growthFactor, index);
    const missing = fund.minimumBalance - BALANCE_TOLERANCE_SEK - zeroProvisionBalance;
    if (!(missing > 0)) continue;
    // Only both factors at 0 (−100 %) make a later coefficient 0: no provision reaches that year.
    if (!(coefficient > 0)) return null;
    lowerBound = Math.max(lowerBound, missing / coefficient);
  }
  return smallestSufficient(Math.ceil(lowerBound), (provision) => isEnough(plan, costs, provision));
}

/**
 * The smallest whole P ≥ 0 with `isSufficient(P)`, for a predicate that is false below some P and
 * true from there on, starting at a guess that is normally right: doubling steps away from the
 * guess, then bisection. Null when no P up to 2^53 kr (the last whole number a double holds) is.
 */
function smallestSufficient(guess: number, isSufficient: (provision: number) => boolean): number | null {
  // Invariant of the bisection: `below` is not sufficient (−1: none is), `atOrAbove` is.
  if (!(guess <= Number.MAX_SAFE_INTEGER)) return null;
  let below: number;
  let atOrAbove: number;
  if (isSufficient(guess)) {
    if (guess === 0 || !isSufficient(guess - 1)) return guess;
    below = -1;
    atOrAbove = guess - 1;
  } else {
    below = guess;
    for (let step = 1; ; step *= 2) {
      atOrAbove = guess + step;
      if (atOrAbove > Number.MAX_SAFE_INTEGER) return null;
      if (isSufficient(atOrAbove)) break;
      below = atOrAbove;
    }
  }
  while (atOrAbove - below > 1) {
    const middle = Math.floor((below + atOrAbove) / 2);
    if (middle >= 0 && isSufficient(middle)) atOrAbove = middle;
    else below = middle;
  }
  return atOrAbove;
}

/**
 * Negative factors (growth or interest below −100 %) would make provisions or balances flip sign
 * from year to year, and the balance would no longer grow with the provision.
 */
function checkFundFactors(plan: PlanInput): void {
  const { provisionGrowthPercent, interestRatePercent } = plan.fund;
  if (!(provisionGrowthPercent >= -100) || !(interestRatePercent >= -100)) {
    throw new RangeError(`fund growth and interest must be ≥ −100 %, got ${provisionGrowthPercent} and ${interestRatePercent}`);
  }
}

/**
 * `annualisedCost`: Σ over recurring non-investment actions, whatever their status, of
 * `quantity × unitPrice × (1 + clientCostPercent/100) × vatFactor / intervalYears`, at the stored
 * price level (not indexed): what the components wear out per year.
 */
export function annualisedCostOf(plan: PlanInput, actions: readonly ActionInput[], vat: VatMode): number {
  const total = new ExactSum();
  for (const action of actions) {
    if (action.isInvestment || action.intervalYears === null) continue;
    total.add((action.quantity * action.unitPrice * (1 + plan.clientCostPercent / 100) * vatFactorOf(plan, vat)) / action.intervalYears);
  }
  return total.value();
}
