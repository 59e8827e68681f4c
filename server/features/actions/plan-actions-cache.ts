import type { ActionInput, PlanInput } from '../../../shared/cost-model/index.ts';
import type { Db } from '../../db/database.ts';
import { defaultRevisionCacheBytes, RevisionCache, type RevisionKey } from '../../db/revision-cache.ts';
import { encodeJson, type JsonEncoding } from '../../http/json-encoding.ts';
import { findPlanRevision } from '../plans/plans.queries.ts';
import * as queries from './actions.queries.ts';

/**
 * The two per-plan values that are expensive to read at 10 000 actions, cached by plan revision
 * (decision 0014): the actions list as the bytes of its JSON, and the cost-model inputs (for
 * occurrences, the analysis, the fund analysis and whatever else calls `loadPlanCostInputs`).
 * One byte budget for both, so the LRU weighs them against each other. Below them, each action's
 * part of those values by its row version (decision 0015), so the first read after a change
 * reads again only the actions that changed.
 *
 * The rule that keeps the caches right: a value is stored only under the revision (or row
 * version) read in the SAME read-only snapshot as the value. Such a snapshot holds committed data
 * only, and every commit that changes a plan's actions also changes its revision (the triggers of
 * migration 0004 run in the writing transaction) and the changed rows' versions, so (plan,
 * revision) names exactly one state of the actions, and (action, version) one state of a row.
 * A read inside a transaction that has written would see its own uncommitted bump: if that
 * transaction then rolled back, the next real change would reuse the number with other data.
 * That is why nothing here reads or fills the caches in a caller's transaction: `db` is the pool,
 * and the snapshots are transactions opened here (or, for `costInputsInSnapshot`, by the caller
 * under the same rule).
 */
export const planActionsCache = new RevisionCache<Buffer | readonly ActionInput[]>();

/** Each action's list JSON and cost-model input, keyed by its row version (decision 0015). */
export const actionVersionCache = new RevisionCache<Buffer | ActionInput>(defaultRevisionCacheBytes, { isMonotonic: false });

const listJsonVariant = 'actions-list-json';
const costInputsVariants = { list: 'cost-inputs-in-list-order', id: 'cost-inputs-in-id-order' } as const satisfies Record<queries.ActionOrder, string>;
const actionVariants = { json: 'action-json', costInput: 'action-cost-input' } as const;

/**
 * `GET /api/plans/:id/actions` as JSON bytes, compressed in `encoding` when one is given (kept per
 * revision too, so an unchanged plan is compressed once); undefined when the plan is not the
 * account's. A hit costs one small query (the revision); a miss reads the revision again with the
 * row versions and the changed actions, in one snapshot.
 */
export async function readActionsListJson(db: Db, accountId: string, planId: string, encoding?: JsonEncoding): Promise<Buffer | undefined> {
  if (db.isTransaction) throw new Error('readActionsListJson reads in its own snapshot: pass the pool, not a transaction');
  const list = await readPlainActionsList(db, accountId, planId);
  if (list === undefined || encoding === undefined) return list?.json;
  return jsonInEncoding(keyOf(accountId, planId, list.revision, listJsonVariant), list.json, encoding);
}

/**
 * Where a plan's occurrences are kept as JSON bytes: by revision, and by the plan's settings (the
 * cost model's `PlanInput`, which the revision does not follow) and the query.
 */
export function occurrencesJsonKey(accountId: string, planId: string, revision: number, plan: PlanInput, query: object): RevisionKey {
  return keyOf(accountId, planId, revision, `occurrences-json ${JSON.stringify(plan)} ${JSON.stringify(query)}`);
}

/** JSON bytes kept under `key` (see `occurrencesJsonKey`), if any. */
export function cachedJson(key: RevisionKey): Buffer | undefined {
  const cached = planActionsCache.get(key);
  return Buffer.isBuffer(cached) ? cached : undefined;
}

export function storeJson(key: RevisionKey, json: Buffer): void {
  planActionsCache.set(key, json, json.byteLength);
}

/** The plain JSON kept under `key`, in `encoding`: compressed once per key and encoding (decision 0016). */
export async function jsonInEncoding(key: RevisionKey, plain: Buffer, encoding: JsonEncoding): Promise<Buffer> {
  const encodedKey = { ...key, variant: `${key.variant} ${encoding}` };
  const cached = cachedJson(encodedKey);
  if (cached !== undefined) return cached;
  const encoded = await encodeJson(plain, encoding);
  storeJson(encodedKey, encoded);
  return encoded;
}

async function readPlainActionsList(db: Db, accountId: string, planId: string): Promise<{ json: Buffer; revision: number } | undefined> {
  const revision = await findPlanRevision(db, accountId, planId);
  if (revision === undefined) return undefined;
  const cached = planActionsCache.get(keyOf(accountId, planId, revision, listJsonVariant));
  if (Buffer.isBuffer(cached)) return { json: cached, revision };
  return readOnlySnapshot(db, async (snapshot) => {
    const snapshotRevision = await findPlanRevision(snapshot, accountId, planId);
    if (snapshotRevision === undefined) return undefined;
    const parts = await actionValuesInSnapshot(snapshot, accountId, planId, 'list', {
      variant: actionVariants.json,
      // As bytes: joining 10 000 buffers is a copy, joining strings and encoding the result took
      // three times as long (bench/README.md).
      read: async (selection) => (await queries.findActionsJson(snapshot, accountId, selection)).map(({ id, version, json }) => ({ id, version, value: ownBytesOf(json) })),
      // The bytes, and the Map entry around them.
      bytesOf: (json) => json.byteLength + 200,
    });
    const json = jsonArrayOf(parts);
    planActionsCache.set(keyOf(accountId, planId, snapshotRevision, listJsonVariant), json, json.byteLength);
    return { json, revision: snapshotRevision };
  });
}

/**
 * The plan's actions as cost-model inputs, in the given order (`ActionOrder`). `snapshot`
 * must be a read-only transaction the caller opened (so it holds committed data only) and
 * `revision` the plan's revision read in it (`findPlanWithRevision`). Each call gets its own array
 * of shared, frozen inputs, so a consumer may sort its array but cannot change what the next one
 * reads.
 */
export async function costInputsInSnapshot(snapshot: Db, accountId: string, planId: string, revision: number, order: queries.ActionOrder = 'list'): Promise<ActionInput[]> {
  if (!snapshot.isTransaction) throw new Error('costInputsInSnapshot reads in the caller\'s read-only snapshot: pass that transaction, not the pool');
  const key = keyOf(accountId, planId, revision, costInputsVariants[order]);
  const cached = planActionsCache.get(key);
  if (Array.isArray(cached)) return [...(cached as readonly ActionInput[])];
  const actions = await actionValuesInSnapshot(snapshot, accountId, planId, order, {
    variant: actionVariants.costInput,
    read: async (selection) => (await queries.findActionCostInputs(snapshot, accountId, selection)).map(({ id, version, input }) => ({ id, version, value: Object.freeze(input) })),
    bytesOf: approximateBytesOf,
  });
  planActionsCache.set(key, Object.freeze([...actions]), actions.reduce((bytes, action) => bytes + approximateBytesOf(action), 0));
  return actions;
}

interface ActionValueSource<V> {
  variant: string;
  /** The selected actions' values with their row versions, read in the caller's snapshot. */
  read: (selection: queries.ActionSelection) => Promise<Array<queries.ActionVersion & { value: V }>>;
  bytesOf: (value: V) => number;
}

/**
 * One value per action of the plan, in `order`: the row versions first (one cheap query), then
 * the values of the rows whose version is not cached. When most rows are missing (a plan nobody
 * read since the start, or a bulk change), the whole plan is read instead of a long id list.
 */
async function actionValuesInSnapshot<V extends Buffer | ActionInput>(snapshot: Db, accountId: string, planId: string, order: queries.ActionOrder, source: ActionValueSource<V>): Promise<V[]> {
  const versions = await queries.listActionVersions(snapshot, accountId, planId, order);
  const values: Array<V | undefined> = versions.map(({ id, version }) => actionVersionCache.get(keyOf(accountId, id, version, source.variant)) as V | undefined);
  const missing = versions.filter((_, index) => values[index] === undefined).map(({ id }) => id);
  if (missing.length === 0) return values as V[];
  const read = new Map<string, V>();
  for (const { id, version, value } of await source.read(missing.length > versions.length / 2 ? { planId } : { ids: missing })) {
    actionVersionCache.set(keyOf(accountId, id, version, source.variant), value, source.bytesOf(value));
    read.set(id, value);
  }
  return versions.map(({ id }, index) => values[index] ?? read.get(id)!);
}

/** Runs `work` in a repeatable-read, read-only transaction: one snapshot of committed data. */
export function readOnlySnapshot<T>(db: Db, work: (snapshot: Db) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

const [openBracket, comma, closeBracket] = ['[', ',', ']'].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer];

/**
 * The text's UTF-8 bytes in memory of their own. `Buffer.from` puts a short text into a slice of
 * Node's shared 8 KiB pool, and a cached slice would keep the whole slab alive, so the cache's
 * byte count would understate what it holds many times over.
 */
export function ownBytesOf(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** The JSON array of the given JSON values, in memory of its own (see `ownBytesOf`). */
function jsonArrayOf(values: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [openBracket];
  for (const [index, value] of values.entries()) {
    if (index > 0) parts.push(comma);
    parts.push(value);
  }
  parts.push(closeBracket);
  const array = Buffer.allocUnsafeSlow(parts.reduce((bytes, part) => bytes + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) offset += part.copy(array, offset);
  return array;
}

/** `id` is the plan's (with its revision) or the action's (with its row version). */
function keyOf(accountId: string, id: string, revision: number, variant: string): RevisionKey {
  return { accountId, id, revision, variant };
}

/**
 * What V8 holds for an input, roughly: an object of 11 fields (about 120 bytes), its three
 * 36-character ids (about 60 bytes each when present) and the array slot.
 */
function approximateBytesOf(action: ActionInput): number {
  return 136 + 60 * (1 + (action.buildingId === null ? 0 : 1) + (action.locationId === null ? 0 : 1));
}
