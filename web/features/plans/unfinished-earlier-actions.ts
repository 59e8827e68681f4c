import type { Action } from '../../../shared/schemas/action.ts';

export interface UnfinishedEarlierActions {
  /** Every action due before the new start year that is not done. */
  count: number;
  /** The first `limit` of them, in the order given (the API's: year, category, name). */
  shown: Action[];
  /** How many more there are beyond `shown`. */
  remaining: number;
}

/**
 * The actions that a plan starting in `newStartYear` will place in that year as overdue and count
 * as maintenance debt (docs/product/cost-model.md § Maintenance debt): due before it and not done.
 * The board should mark those already carried out as done before rolling the plan forward.
 */
export function findUnfinishedEarlierActions(actions: readonly Action[], newStartYear: number, limit = 10): UnfinishedEarlierActions {
  const unfinished = actions.filter((action) => action.year < newStartYear && action.status !== 'done');
  const shown = unfinished.slice(0, limit);
  return { count: unfinished.length, shown, remaining: unfinished.length - shown.length };
}
