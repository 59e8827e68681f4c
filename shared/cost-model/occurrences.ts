import type { ActionInput, CostedOccurrence, Occurrence, OccurrenceStatus, PlanInput, VatMode } from './types.ts';

/** The plan window `W = [startYear, endYear]` of docs/product/cost-model.md § Plan window. */
export interface PlanWindow {
  startYear: number;
  endYear: number;
}

export function planWindow(plan: PlanInput): PlanWindow {
  if (!Number.isInteger(plan.startYear) || !Number.isInteger(plan.lengthYears) || plan.lengthYears < 1) {
    throw new RangeError(`invalid plan window: startYear ${plan.startYear}, lengthYears ${plan.lengthYears}`);
  }
  return { startYear: plan.startYear, endYear: plan.startYear + plan.lengthYears - 1 };
}

/**
 * Where the series of an action starts (docs/product/cost-model.md § Occurrences, rules 1–2),
 * before the window end is applied.
 */
export interface SeriesStart {
  /** The first due year (rule 1). */
  firstDueYear: number;
  /** The year of the `k = 0` occurrence: `startYear` when overdue, else `firstDueYear` (rule 2). */
  placedYear: number;
  overdue: boolean;
}

/**
 * Rules 1–2: the first due year and where the `k = 0` occurrence is placed; null for a done
 * one-off action, which has no occurrences at all. The placed year may lie after the window.
 */
export function seriesStartOf(action: ActionInput, plan: PlanInput): SeriesStart | null {
  const interval = checkedInterval(action);
  let firstDueYear = action.year;
  if (action.status === 'done') {
    if (interval === null) return null;
    firstDueYear = action.year + interval;
  }
  const overdue = firstDueYear < plan.startYear;
  return { firstDueYear, placedYear: overdue ? plan.startYear : firstDueYear, overdue };
}

/**
 * Occurrences of one action inside the plan window, in year order
 * (docs/product/cost-model.md § Occurrences, rules 1–4). An overdue series restarts at `startYear`
 * (`startYear + k·interval`); it does not keep the original rhythm.
 */
export function occurrencesOf(action: ActionInput, plan: PlanInput): Occurrence[] {
  const { endYear } = planWindow(plan);
  const start = seriesStartOf(action, plan);
  if (start === null) return [];
  const interval = checkedInterval(action);
  const occurrences: Occurrence[] = [];
  // Rule 3: up to endYear, and only k = 0 for a one-off action.
  const lastK = interval === null ? 0 : Number.POSITIVE_INFINITY;
  for (let k = 0; k <= lastK; k += 1) {
    const year = start.placedYear + k * (interval ?? 0);
    if (year > endYear) break;
    occurrences.push({ actionId: action.id, year, k, status: occurrenceStatus(action, k), overdue: k === 0 && start.overdue });
  }
  return occurrences;
}

/** Rule 4: drafts stay drafts; `k = 0` keeps the action's status (planned if done); later ones are planned. */
function occurrenceStatus(action: ActionInput, k: number): OccurrenceStatus {
  if (action.status === 'draft') return 'draft';
  if (k > 0 || action.status === 'done') return 'planned';
  return action.status;
}

/** A zero or fractional interval would make the series loop forever or miss whole years. */
function checkedInterval(action: ActionInput): number | null {
  const interval = action.intervalYears;
  if (interval !== null && (!Number.isInteger(interval) || interval < 1)) {
    throw new RangeError(`action ${action.id}: intervalYears must be a whole number ≥ 1 or null, got ${interval}`);
  }
  return interval;
}

/** `1 + vatPercent/100` for amounts including VAT, else 1. */
export function vatFactorOf(plan: PlanInput, vat: VatMode): number {
  return vat === 'incl' ? 1 + plan.vatPercent / 100 : 1;
}

/**
 * `index(y)`: `(1 + annualRatePercent/100) ^ (y − baseYear)` when indexation is enabled and a base
 * year exists (the action's, else the plan's default), else 1. Years before the base year give a
 * factor below 1.
 */
export function indexFactorOf(action: ActionInput, plan: PlanInput, year: number): number {
  const baseYear = action.baseYear ?? plan.indexation.defaultBaseYear;
  if (!plan.indexation.enabled || baseYear === null) return 1;
  return Math.pow(1 + plan.indexation.annualRatePercent / 100, year - baseYear);
}

/**
 * Cost of one occurrence of the action in `year`, in SEK (double precision, not rounded; the API
 * rounds to öre only when it serialises):
 * `quantity × unitPrice × (1 + clientCostPercent/100) × index(year) × vatFactor`.
 */
export function occurrenceCost(action: ActionInput, plan: PlanInput, year: number, options: { vat: VatMode }): number {
  return action.quantity * action.unitPrice * (1 + plan.clientCostPercent / 100) * indexFactorOf(action, plan, year) * vatFactorOf(plan, options.vat);
}

/**
 * Every occurrence of the plan's actions with its cost, ordered by year (actions in input order
 * within a year): the occurrences endpoint and the per-year lists use this.
 */
export function planOccurrences(plan: PlanInput, actions: readonly ActionInput[], options: { vat: VatMode; includeInvestments: boolean }): CostedOccurrence[] {
  const { startYear, endYear } = planWindow(plan);
  // Bucketed by year rather than sorted: linear at 10 000 actions
  // (docs/product/performance-targets.md § Plan lists at 10 000 actions).
  const byYear: CostedOccurrence[][] = Array.from({ length: endYear - startYear + 1 }, () => []);
  for (const action of actions) {
    if (action.isInvestment && !options.includeInvestments) continue;
    for (const { actionId, year, k, status, overdue } of occurrencesOf(action, plan)) {
      byYear[year - startYear]?.push({ actionId, year, k, status, overdue, cost: occurrenceCost(action, plan, year, options) });
    }
  }
  const ordered: CostedOccurrence[] = [];
  for (const occurrences of byYear) for (const occurrence of occurrences) ordered.push(occurrence);
  return ordered;
}
