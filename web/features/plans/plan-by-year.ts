import { categoryCodes } from '../../../shared/categories.ts';
import { ExactSum, type CostedOccurrence, type PlanWindow } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { isYearInRange, matchesActionFilters, type PlanFilters } from './plan-filters.ts';

/**
 * One row of the per-year view. With an occurrence, the action's cost in that year (unrounded),
 * counted in the year's sum. Without one, the action is listed at its own `year` but costs nothing
 * in the plan (docs/product/cost-model.md § Occurrences): its occurrence there is done, or the year
 * lies outside the plan window.
 */
export interface YearRow {
  occurrence: CostedOccurrence | null;
  action: Action;
}

export interface YearGroup {
  year: number;
  rows: YearRow[];
  /**
   * SEK, the exact sum of the shown occurrences' unrounded costs (docs/product/cost-model.md § Sums):
   * the analysis' figure for the same occurrences, to the last bit. Rounded only when shown.
   */
  total: number;
}

export interface PlanByYear {
  /** Done actions whose year lies before the plan window, by year. Unfinished ones are overdue occurrences in the first year instead. */
  before: YearRow[];
  years: YearGroup[];
  /** Actions whose year lies after the plan window, by year: they count once the window reaches them. */
  after: YearRow[];
  /** The exact sum of every shown occurrence. */
  total: number;
  /** The shown actions, each once: those with an occurrence in the order of their first one, then the others. */
  actionIds: string[];
}

/**
 * The per-year view: occurrences that pass the filters, grouped by year in ascending order. The
 * year range filters occurrence years; every other filter is about the action, so one recurring
 * action may show up in several years. So that nothing saved is hidden, a done action is also
 * listed, uncounted, in the year it was done, and an action after the window in a section of its
 * own: without filters every action of the plan is shown.
 */
export function groupByYear(
  occurrences: readonly CostedOccurrence[],
  actionsById: ReadonlyMap<string, Action>,
  window: PlanWindow,
  filters: PlanFilters,
): PlanByYear {
  const byYear = new Map<number, { group: YearGroup; sum: ExactSum }>();
  const groupOf = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) {
      entry = { group: { year, rows: [], total: 0 }, sum: new ExactSum() };
      byYear.set(year, entry);
    }
    return entry;
  };
  const actionIds = new Set<string>();
  for (const occurrence of occurrences) {
    const action = actionsById.get(occurrence.actionId);
    if (!action || !isYearInRange(occurrence.year, filters) || !matchesActionFilters(action, filters)) continue;
    const entry = groupOf(occurrence.year);
    entry.group.rows.push({ occurrence, action });
    entry.sum.add(occurrence.cost);
    actionIds.add(action.id);
  }

  const before: YearRow[] = [];
  const after: YearRow[] = [];
  for (const action of actionsById.values()) {
    if (!isUncountedAtItsYear(action, window) || !isYearInRange(action.year, filters) || !matchesActionFilters(action, filters)) continue;
    const row = { occurrence: null, action };
    if (action.year < window.startYear) before.push(row);
    else if (action.year > window.endYear) after.push(row);
    else groupOf(action.year).group.rows.push(row);
    actionIds.add(action.id);
  }

  const entries = [...byYear.values()].sort((a, b) => a.group.year - b.group.year);
  const total = new ExactSum();
  for (const { group, sum } of entries) {
    group.rows.sort(compareRows);
    group.total = sum.value();
    total.addSum(sum);
  }
  return {
    before: before.sort(compareOutsideRows),
    years: entries.map(({ group }) => group),
    after: after.sort(compareOutsideRows),
    total: total.value(),
    actionIds: [...actionIds],
  };
}

/**
 * Whether the action is listed at its own year without a cost: a done action (its occurrence at
 * `year` is completed), and an unfinished one planned after the window. An unfinished action
 * before the window is not: it is overdue, placed in the first year and counted.
 */
function isUncountedAtItsYear(action: Action, window: PlanWindow): boolean {
  return action.status === 'done' || action.year > window.endYear;
}

/** Within a year: counted rows first, then category display order, then name, so a year reads like the category view. */
function compareRows(a: YearRow, b: YearRow): number {
  return Number(a.occurrence === null) - Number(b.occurrence === null) || compareActions(a.action, b.action);
}

function compareOutsideRows(a: YearRow, b: YearRow): number {
  return a.action.year - b.action.year || compareActions(a.action, b.action);
}

function compareActions(a: Action, b: Action): number {
  return (categoryRank.get(a.category) ?? 0) - (categoryRank.get(b.category) ?? 0) || a.name.localeCompare(b.name, 'sv', { numeric: true });
}

const categoryRank = new Map<string, number>(categoryCodes.map((code, index) => [code, index]));

export function indexActions(actions: readonly Action[]): Map<string, Action> {
  return new Map(actions.map((action) => [action.id, action]));
}
