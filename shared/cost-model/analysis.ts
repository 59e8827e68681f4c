import { ExactSum, sumIn } from './exact-sum.ts';
import { occurrenceCost, occurrencesOf, planWindow, seriesStartOf, type PlanWindow } from './occurrences.ts';
import { OCCURRENCE_STATUSES, type ActionInput, type OccurrenceStatus, type PlanInput, type VatMode } from './types.ts';

export interface PlanAnalysisOptions {
  vat: VatMode;
  /** False leaves investments out of every figure (they are never part of the maintenance debt). */
  includeInvestments: boolean;
  /** The year "now" for the maintenance debt (the API defaults it to the current calendar year). */
  asOfYear: number;
}

/** The key of occurrences of actions without a building in `byBuilding`. */
export const NO_BUILDING = 'none';

export interface YearAnalysis {
  year: number;
  total: number;
  /**
   * Category code → amount. Every year has the same keys: each category with an occurrence
   * anywhere in the window (0 in years without one), so stacked charts get the same series per year.
   */
  byCategory: Record<string, number>;
  /** All four occurrence statuses, always present (an occurrence is never `done`). */
  byStatus: Record<OccurrenceStatus, number>;
  /** Building id, or `none` → amount; same keys in every year, like `byCategory`. */
  byBuilding: Record<string, number>;
}

export interface PlanAnalysis {
  window: PlanWindow;
  /** One entry per year of the window, in order. */
  years: YearAnalysis[];
  total: number;
  /**
   * The window's sums by category, status and building, with the keys of every year: each the
   * exact sum of its occurrences, so a breakdown never adds up rounded yearly figures.
   */
  byCategory: Record<string, number>;
  byStatus: Record<OccurrenceStatus, number>;
  byBuilding: Record<string, number>;
  averagePerYear: number;
  areaM2: number;
  /** Null when the area is 0. */
  averagePerYearPerM2: number | null;
  maintenanceDebt: number;
  /** Null when the area is 0. */
  maintenanceDebtPerM2: number | null;
}

/**
 * The plan analysis of docs/product/cost-model.md § Plan analysis: cost per year of the window with
 * splits by category, status and building, the totals, and the maintenance debt. Amounts in SEK
 * (excluding or including VAT as asked), unrounded.
 */
export function analysePlan(plan: PlanInput, actions: readonly ActionInput[], options: PlanAnalysisOptions): PlanAnalysis {
  const window = planWindow(plan);
  const included = options.includeInvestments ? actions : actions.filter((action) => !action.isInvestment);

  // Exact sums per year (docs/product/cost-model.md § Sums); every year then gets the keys seen
  // anywhere in the window, in one order.
  const sums = Array.from({ length: plan.lengthYears }, () => new CostSums());
  for (const action of included) {
    const building = buildingKey(action);
    for (const occurrence of occurrencesOf(action, plan)) {
      const entry = sums[occurrence.year - window.startYear];
      if (entry === undefined) throw new Error(`occurrence outside the window: ${occurrence.year}`);
      entry.add(action.category, occurrence.status, building, occurrenceCost(action, plan, occurrence.year, options));
    }
  }
  const windowSums = new CostSums();
  for (const entry of sums) windowSums.addSums(entry);
  const categoryKeys = [...windowSums.byCategory.keys()].sort();
  const buildingKeys = [...windowSums.byBuilding.keys()].sort(noneLast);
  const years = sums.map((entry, index) => ({ year: window.startYear + index, ...entry.values(categoryKeys, buildingKeys) }));
  const { total, byCategory, byStatus, byBuilding } = windowSums.values(categoryKeys, buildingKeys);

  const averagePerYear = total / plan.lengthYears;
  const maintenanceDebt = maintenanceDebtOf(plan, actions, options);
  return {
    window,
    years,
    total,
    byCategory,
    byStatus,
    byBuilding,
    averagePerYear,
    areaM2: plan.areaM2,
    averagePerYearPerM2: plan.areaM2 === 0 ? null : averagePerYear / plan.areaM2,
    maintenanceDebt,
    maintenanceDebtPerM2: plan.areaM2 === 0 ? null : maintenanceDebt / plan.areaM2,
  };
}

/** The exact sums of one year (or of the window): the total and by category, status and building. */
class CostSums {
  readonly total = new ExactSum();
  readonly byCategory = new Map<string, ExactSum>();
  readonly byStatus = new Map<OccurrenceStatus, ExactSum>(OCCURRENCE_STATUSES.map((status) => [status, new ExactSum()]));
  readonly byBuilding = new Map<string, ExactSum>();

  add(category: string, status: OccurrenceStatus, building: string, cost: number): void {
    this.total.add(cost);
    sumIn(this.byCategory, category).add(cost);
    sumIn(this.byStatus, status).add(cost);
    sumIn(this.byBuilding, building).add(cost);
  }

  addSums(other: CostSums): void {
    this.total.addSum(other.total);
    for (const [key, sum] of other.byCategory) sumIn(this.byCategory, key).addSum(sum);
    for (const [key, sum] of other.byStatus) sumIn(this.byStatus, key).addSum(sum);
    for (const [key, sum] of other.byBuilding) sumIn(this.byBuilding, key).addSum(sum);
  }

  values(categoryKeys: readonly string[], buildingKeys: readonly string[]): Omit<YearAnalysis, 'year'> {
    return {
      total: this.total.value(),
      byCategory: valuesOf(this.byCategory, categoryKeys),
      byStatus: valuesOf(this.byStatus, OCCURRENCE_STATUSES),
      byBuilding: valuesOf(this.byBuilding, buildingKeys),
    };
  }
}

/** One value per key, in the keys' order, 0 for a key without a sum. */
function valuesOf<Key extends string>(sums: ReadonlyMap<Key, ExactSum>, keys: readonly Key[]): Record<Key, number> {
  return Object.fromEntries(keys.map((key) => [key, sums.get(key)?.value() ?? 0])) as Record<Key, number>;
}

/**
 * Maintenance debt (underhållsskuld): Σ of the `k = 0` occurrence cost, at its placed year, of every
 * non-investment action that is not done and is urgent or deferred or has `year < asOfYear`; each
 * action once. Independent of `includeInvestments` (investments never count).
 *
 * The `k = 0` occurrence is taken from rules 1–2 (first due year, overdue ones placed in
 * `startYear`) without rule 3's window end (docs/product/cost-model.md § Maintenance debt): `total`
 * sums "over all occurrences in W", but an urgent action is owed now whatever the plan's length. So
 * an urgent or deferred action planned after `endYear`, or one with `year < asOfYear` when the
 * whole window lies before `asOfYear`, still counts, at the cost of its own (placed) year. Every
 * overdue action is placed in `startYear`, inside the window, so this only matters for those. A
 * done action never counts, even when its next occurrence is overdue: its status excludes it.
 */
export function maintenanceDebtOf(plan: PlanInput, actions: readonly ActionInput[], options: { vat: VatMode; asOfYear: number }): number {
  const debt = new ExactSum();
  for (const action of actions) {
    if (action.isInvestment || action.status === 'done') continue;
    if (action.status !== 'urgent' && action.status !== 'deferred' && !(action.year < options.asOfYear)) continue;
    const start = seriesStartOf(action, plan);
    if (start === null) continue; // only done one-offs have no series; excluded above
    debt.add(occurrenceCost(action, plan, start.placedYear, options));
  }
  return debt.value();
}

function buildingKey(action: ActionInput): string {
  return action.buildingId ?? NO_BUILDING;
}

function noneLast(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_BUILDING) return 1;
  if (b === NO_BUILDING) return -1;
  return a < b ? -1 : 1;
}
