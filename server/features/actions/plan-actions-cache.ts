import type { ActionInput } from '../../../shared/cost-model/index.ts';
import type { Db } from '../../db/database.ts';
import { PlanRevisionCache, type PlanRevisionKey } from '../plans/plan-revision-cache.ts';
import { findPlanRevision } from '../plans/plans.queries.ts';
import * as queries from './actions.queries.ts';

/**
 * The two per-plan values that are expensive to read at 10 000 actions, cached by plan revision
 * (decision 0014): the actions list as the bytes of its JSON, and the cost-model inputs (for
 * occurrences, the analysis, the fund analysis and whatever else calls `loadPlanCostInputs`).
 * One byte budget for both, so the LRU weighs them against each other.
 *
 * The rule that keeps the cache right: a value is stored only under the revision read in the SAME
 * read-only snapshot as the value. Such a snapshot holds committed data only, and every commit
 * that changes a plan's actions also changes its revision (the triggers of migration 0004 run in
 * the writing transaction), so (plan, revision) names exactly one state of the actions. A read
 * inside a transaction that has written would see its own uncommitted bump: if that transaction
 * then rolled back, the next real change would reuse the number with other data. That is why
 * nothing here reads or fills the cache in a caller's transaction: `db` is the pool, and the
 * snapshots are transactions opened here (or, for `costInputsInSnapshot`, by the caller under the
 * same rule).
 */
export const planActionsCache = new PlanRevisionCache<Buffer | readonly ActionInput[]>();

const listJsonVariant = 'actions-list-json';
const costInputsVariants = { list: 'cost-inputs-in-list-order', id: 'cost-inputs-in-id-order' } as const satisfies Record<queries.CostInputOrder, string>;

/**
 * `GET /api/plans/:id/actions` as JSON bytes; undefined when the plan is not the account's. A hit
 * costs one small query (the revision); a miss reads the revision again with the list, in one
 * snapshot.
 */
export async function readActionsListJson(db: Db, accountId: string, planId: string): Promise<Buffer | undefined> {
  if (db.isTransaction) throw new Error('readActionsListJson reads in its own snapshot: pass the pool, not a transaction');
  const revision = await findPlanRevision(db, accountId, planId);
  if (revision === undefined) return undefined;
  const cached = planActionsCache.get(keyOf(accountId, planId, revision, listJsonVariant));
  if (Buffer.isBuffer(cached)) return cached;
  return readOnlySnapshot(db, async (snapshot) => {
    const snapshotRevision = await findPlanRevision(snapshot, accountId, planId);
    if (snapshotRevision === undefined) return undefined;
    const json = Buffer.from(await queries.listActionsJson(snapshot, accountId, planId));
    planActionsCache.set(keyOf(accountId, planId, snapshotRevision, listJsonVariant), json, json.byteLength);
    return json;
  });
}

/**
 * The plan's actions as cost-model inputs, in the given order (`listActionCostInputs`). `snapshot`
 * must be a read-only transaction the caller opened (so it holds committed data only) and
 * `revision` the plan's revision read in it (`findPlanWithRevision`). Each call gets its own array
 * of shared, frozen inputs, so a consumer may sort its array but cannot change what the next one
 * reads.
 */
export async function costInputsInSnapshot(snapshot: Db, accountId: string, planId: string, revision: number, order: queries.CostInputOrder = 'list'): Promise<ActionInput[]> {
  const key = keyOf(accountId, planId, revision, costInputsVariants[order]);
  const cached = planActionsCache.get(key);
  if (Array.isArray(cached)) return [...(cached as readonly ActionInput[])];
  const actions = await queries.listActionCostInputs(snapshot, accountId, planId, order);
  for (const action of actions) Object.freeze(action);
  planActionsCache.set(key, Object.freeze([...actions]), approximateBytesOf(actions));
  return actions;
}

/** Runs `work` in a repeatable-read, read-only transaction: one snapshot of committed data. */
export function readOnlySnapshot<T>(db: Db, work: (snapshot: Db) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

function keyOf(accountId: string, planId: string, revision: number, variant: string): PlanRevisionKey {
  return { accountId, planId, revision, variant };
}

/**
 * What V8 holds for the inputs, roughly: an object of 11 fields (about 120 bytes), its three
 * 36-character ids (about 60 bytes each when present) and the array slot.
 */
function approximateBytesOf(actions: readonly ActionInput[]): number {
  let bytes = 0;
  for (const action of actions) bytes += 136 + 60 * (1 + (action.buildingId === null ? 0 : 1) + (action.locationId === null ? 0 : 1));
  return bytes;
}
