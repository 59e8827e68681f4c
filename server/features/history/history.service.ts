import type { FieldChanges, HistoryEntry, PlanHistoryEntry, PlanHistoryPage, PlanHistoryQuery } from '../../../shared/schemas/history.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import * as queries from './history.queries.ts';

/** Every recorded change of the action, newest first (every member may read it). */
export async function getActionHistory(deps: Deps, actor: Actor, actionId: string): Promise<HistoryEntry[]> {
  const accountId = await requireRowPermission(deps.db, actor, 'actions', actionId, 'account:read', 'Action');
  return (await queries.listActionHistory(deps.db, accountId, actionId)).map(entryOf);
}

/** A page of every change to the plan's actions and settings, newest first, with the cursor of the next page. */
export async function getPlanHistory(deps: Deps, actor: Actor, planId: string, query: PlanHistoryQuery): Promise<PlanHistoryPage> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const rows = await queries.listPlanHistory(deps.db, accountId, planId, query);
  const page = rows.slice(0, query.limit);
  const next = rows.length > query.limit ? String(page[page.length - 1]!.id) : null;
  return { items: page.map(planEntryOf), next };
}

function entryOf(row: queries.HistoryRow): HistoryEntry {
  return {
    at: row.at.toISOString(),
    user: row.userId === null ? null : { id: row.userId, name: row.userName ?? '' },
    kind: row.kind,
    changes: row.changes as FieldChanges,
  };
}

function planEntryOf(row: queries.HistoryRow): PlanHistoryEntry {
  return { ...entryOf(row), actionId: row.actionId, actionName: row.actionName, changeSetId: row.changeSetId };
}
