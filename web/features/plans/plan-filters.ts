import { isCategoryCode, type CategoryCode } from '../../../shared/categories.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { isStatusCode, type StatusCode } from '../../../shared/statuses.ts';

/** `none`: actions without a building (or location). */
export const noPart = 'none';
export type InvestmentChoice = 'all' | 'only' | 'exclude';

/**
 * What the plan views show. Kept in the URL (`?from=2027&category=fasad…`) so a filtered view can
 * be shared, survives a reload and the back button; absent means "no restriction".
 */
export interface PlanFilters {
  fromYear: number | null;
  toYear: number | null;
  category: CategoryCode | null;
  /** A building id, `none`, or null for any. */
  building: string | null;
  /** A location id, `none`, or null for any. */
  location: string | null;
  status: StatusCode | null;
  tag: string | null;
  investment: InvestmentChoice;
}

export const noFilters: PlanFilters = {
  fromYear: null,
  toYear: null,
  category: null,
  building: null,
  location: null,
  status: null,
  tag: null,
  investment: 'all',
};

const parameterNames = ['from', 'to', 'category', 'building', 'location', 'status', 'tag', 'investment'] as const;

/** Reads the filters from search params; a value that makes no sense (hand-edited URL) is ignored. */
export function parsePlanFilters(params: URLSearchParams): PlanFilters {
  const category = params.get('category');
  const status = params.get('status');
  const investment = params.get('investment');
  return {
    fromYear: parseYear(params.get('from')),
    toYear: parseYear(params.get('to')),
    category: category !== null && isCategoryCode(category) ? category : null,
    building: nonEmpty(params.get('building')),
    location: nonEmpty(params.get('location')),
    status: status !== null && isStatusCode(status) ? status : null,
    tag: nonEmpty(params.get('tag')),
    investment: investment === 'only' || investment === 'exclude' ? investment : 'all',
  };
}

/** The filters written into `params` (other parameters kept), unset ones removed. */
export function writePlanFilters(params: URLSearchParams, filters: PlanFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of parameterNames) next.delete(name);
  const values: Record<(typeof parameterNames)[number], string | null> = {
    from: filters.fromYear === null ? null : String(filters.fromYear),
    to: filters.toYear === null ? null : String(filters.toYear),
    category: filters.category,
    building: filters.building,
    location: filters.location,
    status: filters.status,
    tag: filters.tag,
    investment: filters.investment === 'all' ? null : filters.investment,
  };
  for (const name of parameterNames) {
    const value = values[name];
    if (value !== null) next.set(name, value);
  }
  return next;
}

export function hasActiveFilters(filters: PlanFilters): boolean {
  return (Object.keys(noFilters) as (keyof PlanFilters)[]).some((key) => filters[key] !== noFilters[key]);
}

export function hasYearRange(filters: PlanFilters): boolean {
  return filters.fromYear !== null || filters.toYear !== null;
}

/** Every filter except the year range, which applies to occurrences rather than actions. */
export function matchesActionFilters(action: Action, filters: PlanFilters): boolean {
  if (filters.category !== null && action.category !== filters.category) return false;
  if (filters.building !== null && (action.buildingId ?? noPart) !== filters.building) return false;
  if (filters.location !== null && (action.locationId ?? noPart) !== filters.location) return false;
  if (filters.status !== null && action.status !== filters.status) return false;
  if (filters.tag !== null && !action.tags.includes(filters.tag)) return false;
  if (filters.investment === 'only' && !action.isInvestment) return false;
  if (filters.investment === 'exclude' && action.isInvestment) return false;
  return true;
}

export function isYearInRange(year: number, filters: PlanFilters): boolean {
  return (filters.fromYear === null || year >= filters.fromYear) && (filters.toYear === null || year <= filters.toYear);
}

/** The tags used in the plan, sorted for a select (Swedish collation puts å, ä, ö last). */
export function tagsOfActions(actions: readonly Action[]): string[] {
  const tags = new Set<string>();
  for (const action of actions) for (const tag of action.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b, 'sv'));
}

function parseYear(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  return Number(value);
}

function nonEmpty(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}
