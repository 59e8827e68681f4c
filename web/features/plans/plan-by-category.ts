import { categoryCodes, type CategoryCode } from '../../../shared/categories.ts';
import { ExactSum, type CostedOccurrence } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { hasYearRange, isYearInRange, matchesActionFilters, noPart, type PlanFilters } from './plan-filters.ts';

/** One action in the per-category view: repetitions folded into one line. */
export interface CategoryEntry {
  action: Action;
  /** The year of its first shown occurrence; null when it has none in the plan window (done, or after the end). */
  nextYear: number | null;
  /** SEK, the cost of that occurrence (unrounded); null without one. */
  costPerOccurrence: number | null;
  isOverdue: boolean;
  /**
   * SEK, the exact sum of its shown occurrences' unrounded costs, as every total below
   * (docs/product/cost-model.md § Sums): rounded only when shown, never added up from shown amounts.
   */
  total: number;
}

/** Actions of one category at one location of one building. */
export interface PlaceGroup {
  /** `<locationId|none>/<buildingId|none>`. */
  key: string;
  locationId: string | null;
  buildingId: string | null;
  entries: CategoryEntry[];
  total: number;
}

export interface CategoryGroup {
  category: CategoryCode;
  places: PlaceGroup[];
  total: number;
  actionCount: number;
}

export interface PlanByCategory {
  categories: CategoryGroup[];
  total: number;
  actionIds: string[];
}

export interface PartNames {
  buildings: ReadonlyMap<string, string>;
  locations: ReadonlyMap<string, string>;
}

/**
 * The per-category view: each action once, grouped by category in display order, then by location
 * and building (named ones alphabetically, "none" last). With a year range, an action is shown
 * when one of its occurrences falls in it and its sums count only those; without one, every
 * action is shown, including those with no occurrence in the window.
 */
export function groupByCategory(actions: readonly Action[], occurrences: readonly CostedOccurrence[], filters: PlanFilters, names: PartNames): PlanByCategory {
  const occurrencesByAction = new Map<string, CostedOccurrence[]>();
  for (const occurrence of occurrences) {
    if (!isYearInRange(occurrence.year, filters)) continue;
    const list = occurrencesByAction.get(occurrence.actionId);
    if (list) list.push(occurrence);
    else occurrencesByAction.set(occurrence.actionId, [occurrence]);
  }

  const byCategory = new Map<CategoryCode, Map<string, { place: PlaceGroup; sum: ExactSum }>>();
  const actionIds: string[] = [];
  for (const action of actions) {
    if (!matchesActionFilters(action, filters)) continue;
    const shown = occurrencesByAction.get(action.id) ?? [];
    if (shown.length === 0 && hasYearRange(filters)) continue;
    const first = shown[0];
    const sum = new ExactSum();
    for (const occurrence of shown) sum.add(occurrence.cost);
    const entry: CategoryEntry = {
      action,
      nextYear: first?.year ?? null,
      costPerOccurrence: first?.cost ?? null,
      isOverdue: first?.overdue ?? false,
      total: sum.value(),
    };
    let places = byCategory.get(action.category);
    if (!places) {
      places = new Map();
      byCategory.set(action.category, places);
    }
    const key = `${action.locationId ?? noPart}/${action.buildingId ?? noPart}`;
    let slot = places.get(key);
    if (!slot) {
      slot = { place: { key, locationId: action.locationId, buildingId: action.buildingId, entries: [], total: 0 }, sum: new ExactSum() };
      places.set(key, slot);
    }
    slot.place.entries.push(entry);
    slot.sum.addSum(sum);
    actionIds.push(action.id);
  }

  const categories: CategoryGroup[] = [];
  const total = new ExactSum();
  for (const category of categoryCodes) {
    const places = byCategory.get(category);
    if (!places) continue;
    const sorted = [...places.values()].sort((a, b) => comparePlaces(a.place, b.place, names));
    const categoryTotal = new ExactSum();
    let actionCount = 0;
    for (const { place, sum } of sorted) {
      place.total = sum.value();
      categoryTotal.addSum(sum);
      actionCount += place.entries.length;
    }
    total.addSum(categoryTotal);
    categories.push({ category, places: sorted.map(({ place }) => place), total: categoryTotal.value(), actionCount });
  }
  return { categories, total: total.value(), actionIds };
}

function comparePlaces(a: PlaceGroup, b: PlaceGroup, names: PartNames): number {
  return (
    compareNames(nameOf(a.locationId, names.locations), nameOf(b.locationId, names.locations)) ||
    compareNames(nameOf(a.buildingId, names.buildings), nameOf(b.buildingId, names.buildings))
  );
}

function nameOf(id: string | null, names: ReadonlyMap<string, string>): string | null {
  return id === null ? null : (names.get(id) ?? null);
}

/** Named before unnamed ("no location" last), then Swedish alphabetical order. */
function compareNames(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'sv', { numeric: true });
}
