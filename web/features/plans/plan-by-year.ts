import { categoryCodes } from '../../../shared/categories.ts';
import type { Action, Occurrence } from '../../../shared/schemas/action.ts';
import { roundToOre } from '../../../shared/schemas/action.ts';
import { isYearInRange, matchesActionFilters, type PlanFilters } from './plan-filters.ts';

/** One occurrence row of the per-year view, with the action it belongs to. */
export interface YearRow {
  occurrence: Occurrence;
  action: Action;
}

export interface YearGroup {
  year: number;
  rows: YearRow[];
  /** SEK, the sum of the shown occurrences' costs, rounded to öre like the API's amounts. */
  total: number;
}

export interface PlanByYear {
  years: YearGroup[];
  total: number;
  /** The actions with at least one shown occurrence, each once, in the order of their first occurrence. */
  actionIds: string[];
}

/**
 * The per-year view: occurrences that pass the filters, grouped by year in ascending order. The
 * year range filters occurrence years; every other filter is about the action, so one recurring
 * action may show up in several years.
 */
export function groupByYear(occurrences: readonly Occurrence[], actionsById: ReadonlyMap<string, Action>, filters: PlanFilters): PlanByYear {
  const byYear = new Map<number, YearGroup>();
  const actionIds = new Set<string>();
  for (const occurrence of occurrences) {
    const action = actionsById.get(occurrence.actionId);
    // An occurrence of an action not (yet) in the list: the two queries were loaded at different moments.
    if (!action || !isYearInRange(occurrence.year, filters) || !matchesActionFilters(action, filters)) continue;
    let group = byYear.get(occurrence.year);
    if (!group) {
      group = { year: occurrence.year, rows: [], total: 0 };
      byYear.set(occurrence.year, group);
    }
    group.rows.push({ occurrence, action });
    group.total += occurrence.cost;
    actionIds.add(action.id);
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  let total = 0;
  for (const group of years) {
    group.rows.sort(compareRows);
    total += group.total;
    group.total = roundToOre(group.total);
  }
  return { years, total: roundToOre(total), actionIds: [...actionIds] };
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
