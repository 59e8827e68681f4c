import { categoryCodes } from '../../../shared/categories.ts';
import { ExactSum, type CostedOccurrence } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { isYearInRange, matchesActionFilters, type PlanFilters } from './plan-filters.ts';

/** One occurrence row of the per-year view, with the action it belongs to; its cost unrounded. */
export interface YearRow {
  occurrence: CostedOccurrence;
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
  years: YearGroup[];
  /** The exact sum of every shown occurrence. */
  total: number;
  /** The actions with at least one shown occurrence, each once, in the order of their first occurrence. */
  actionIds: string[];
}

/**
 * The per-year view: occurrences that pass the filters, grouped by year in ascending order. The
 * year range filters occurrence years; every other filter is about the action, so one recurring
 * action may show up in several years.
 */
export function groupByYear(occurrences: readonly CostedOccurrence[], actionsById: ReadonlyMap<string, Action>, filters: PlanFilters): PlanByYear {
  const byYear = new Map<number, { group: YearGroup; sum: ExactSum }>();
  const actionIds = new Set<string>();
  for (const occurrence of occurrences) {
    const action = actionsById.get(occurrence.actionId);
    if (!action || !isYearInRange(occurrence.year, filters) || !matchesActionFilters(action, filters)) continue;
    let entry = byYear.get(occurrence.year);
    if (!entry) {
      entry = { group: { year: occurrence.year, rows: [], total: 0 }, sum: new ExactSum() };
      byYear.set(occurrence.year, entry);
    }
    entry.group.rows.push({ occurrence, action });
    entry.sum.add(occurrence.cost);
    actionIds.add(action.id);
  }
  const entries = [...byYear.values()].sort((a, b) => a.group.year - b.group.year);
  const total = new ExactSum();
  for (const { group, sum } of entries) {
    group.rows.sort(compareRows);
    group.total = sum.value();
    total.addSum(sum);
  }
  return { years: entries.map(({ group }) => group), total: total.value(), actionIds: [...actionIds] };
}

/** Within a year: category display order, then name, so a year reads like the category view. */
function compareRows(a: YearRow, b: YearRow): number {
  return (
    (categoryRank.get(a.action.category) ?? 0) - (categoryRank.get(b.action.category) ?? 0) ||
    a.action.name.localeCompare(b.action.name, 'sv', { numeric: true })
  );
}

const categoryRank = new Map<string, number>(categoryCodes.map((code, index) => [code, index]));

export function indexActions(actions: readonly Action[]): Map<string, Action> {
  return new Map(actions.map((action) => [action.id, action]));
}
