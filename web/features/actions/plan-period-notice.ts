import type { PlanWindow } from '../../../shared/cost-model/index.ts';

/**
 * What the year field says when the year lies outside the plan window, before anything is saved
 * (docs/product/cost-model.md § Occurrences): an action after the window is kept but not counted
 * until the window reaches it; an unfinished one before it is overdue and placed in the first
 * year. Null when the year is inside the window, not yet a whole year, or the action is done (a
 * done action is not counted in any year).
 */
export function planPeriodNoticeOf(
  yearText: string,
  status: string,
  window: PlanWindow,
): { key: 'actions.period.after' | 'actions.period.before'; values: { year: string; start: string; end: string } } | null {
  const trimmed = yearText.trim();
  if (status === 'done' || !/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  const values = { year: trimmed, start: String(window.startYear), end: String(window.endYear) };
  if (year > window.endYear) return { key: 'actions.period.after', values };
  if (year < window.startYear) return { key: 'actions.period.before', values };
  return null;
}
