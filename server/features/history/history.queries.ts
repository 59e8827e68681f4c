import { sql } from 'kysely';
import type { PlanHistoryQuery } from '../../../shared/schemas/history.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

function selectEntries(db: Db, accountId: AccountId) {
  return db
    .selectFrom('plan_changes as change')
    .leftJoin('users as user', 'user.id', 'change.user_id')
    .select([
      'change.id',
      'change.at',
      'change.kind',
      'change.changes',
      'change.action_id as actionId',
      'change.action_name as actionName',
      'change.change_set_id as changeSetId',
      'change.user_id as userId',
      'user.name as userName',
    ])
    .where('change.account_id', '=', accountId);
}

export type HistoryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['execute']>>[number];

/** Every entry of one action, newest first. */
export function listActionHistory(db: Db, accountId: AccountId, actionId: string): Promise<HistoryRow[]> {
  return selectEntries(db, accountId).where('change.action_id', '=', actionId).orderBy('change.id', 'desc').execute();
}

/** One page of a plan's history, newest first: `limit + 1` rows, so the caller knows whether more follow. */
export function listPlanHistory(db: Db, accountId: AccountId, planId: string, query: PlanHistoryQuery): Promise<HistoryRow[]> {
  let select = selectEntries(db, accountId).where('change.plan_id', '=', planId);
  if (query.before !== undefined) select = select.where('change.id', '<', Number(query.before));
  if (query.userId !== undefined) select = select.where('change.user_id', '=', query.userId);
  if (query.from !== undefined) select = select.where('change.at', '>=', sql<Date>`${query.from}::date`);
  // Inclusive: the whole of the last day, in UTC as the dates are given.
  if (query.to !== undefined) select = select.where('change.at', '<', sql<Date>`${query.to}::date + 1`);
  if (query.field !== undefined) select = select.where(sql<boolean>`change.changes ? ${query.field}`);
  return select
    .orderBy('change.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}
