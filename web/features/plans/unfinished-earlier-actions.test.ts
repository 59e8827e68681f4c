import { describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/schemas/action.ts';
import { statusCodes } from '../../../shared/statuses.ts';
import { testAction } from './plan-filters-fixtures.ts';
import { findUnfinishedEarlierActions } from './unfinished-earlier-actions.ts';

function action(name: string, year: number, status: Action['status']): Action {
  return testAction({ name, category: 'fasad', year, status });
}

describe('findUnfinishedEarlierActions', () => {
  it('keeps the actions due before the new start year that are not done, in the given order', () => {
    const actions = [
      action('Målning fönster', 2024, 'planned'),
      action('Byte av takpapp', 2025, 'done'),
      action('OVK', 2026, 'urgent'),
      action('Relining', 2027, 'planned'),
      action('Hissbesiktning', 2026, 'draft'),
    ];
    const result = findUnfinishedEarlierActions(actions, 2027);
    expect(result.count).toBe(3);
    expect(result.shown.map((found) => found.name)).toEqual(['Målning fönster', 'OVK', 'Hissbesiktning']);
    expect(result.remaining).toBe(0);
  });

  it('counts every status except done', () => {
    const actions = statusCodes.map((status) => action(status, 2020, status));
    expect(findUnfinishedEarlierActions(actions, 2021).shown.map((found) => found.status)).toEqual(['draft', 'planned', 'urgent', 'deferred']);
  });

  it('shows the first ten and counts the rest', () => {
    const actions = Array.from({ length: 13 }, (_, index) => action(`Åtgärd ${index + 1}`, 2020 + index, 'planned'));
    const result = findUnfinishedEarlierActions(actions, 2040);
    expect(result.count).toBe(13);
    expect(result.shown.map((found) => found.name)).toEqual(actions.slice(0, 10).map((found) => found.name));
    expect(result.remaining).toBe(3);
  });

  it('finds nothing when the start year does not move past any action', () => {
    expect(findUnfinishedEarlierActions([action('Relining', 2027, 'planned')], 2027)).toEqual({
      count: 0,
      shown: [],
      remaining: 0,
    });
  });
});
