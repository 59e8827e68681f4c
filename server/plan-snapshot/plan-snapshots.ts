import type { ActionInput, FundAnalysis, PlanAnalysis, PlanInput } from '../../shared/cost-model/index.ts';
import type { Db } from '../db/database.ts';
import { encodeJson, type JsonEncoding } from '../http/json-encoding.ts';
import { cachedResult, derivedKey } from './derived-values.ts';
import { jsonArrayOf, ownBytesOf } from './json-bytes.ts';
import type { JsonBytes, PlanCaches } from './plan-caches.ts';
import { planCostInputOf } from './plan-cost-input.ts';
import * as queries from './plan-snapshot.queries.ts';
import { inReadOnlySnapshot, type ReadOnlySnapshot, type SnapshotRevision } from './read-only-snapshot.ts';
import type { RevisionCache, RevisionKey } from './revision-cache.ts';
import type { AccountId } from '../db/account-id.ts';

/** What a reader asks of a plan besides the plan itself (its columns, revision and area, always read). */
export interface PlanSnapshotRequest {
  /** Every action as the cost model's input, in this order (`id` for readers that only sum). */
  costInputs?: queries.ActionOrder;
  /** The property's facts and its buildings by name (the board report). */
  property?: true;
  /** Every action's columns with its building's and location's names, in the list's order (the export, the report). */
  actionRows?: true;
}

/** Module-private: no code outside this file can make a `PlanSnapshot`, so every one was read by `PlanSnapshots.read`. */
const revisionOf = Symbol('the plan revision read in the snapshot');

export type PlanInSnapshot = NonNullable<Awaited<ReturnType<typeof queries.findPlanInSnapshot>>>;

/** What every read of a plan gives. */
export interface PlanSnapshotBase {
  readonly accountId: AccountId;
  readonly planId: string;
  /** The plan's columns, with its property's area. */
  readonly plan: PlanInSnapshot;
  /** The plan's settings and area as the cost model's input. */
  readonly planInput: PlanInput;
  readonly [revisionOf]: SnapshotRevision;
}

/** A plan as of one read-only snapshot, with what `R` asked for. */
export type PlanSnapshot<R extends PlanSnapshotRequest = PlanSnapshotRequest> = PlanSnapshotBase &
  (R extends { costInputs: queries.ActionOrder } ? { readonly costInputs: ActionInput[] } : unknown) &
  (R extends { property: true }
    ? { readonly property: Awaited<ReturnType<typeof queries.findPropertyFacts>>; readonly buildings: Awaited<ReturnType<typeof queries.listBuildingNames>> }
    : unknown) &
  (R extends { actionRows: true } ? { readonly actionRows: queries.ActionRow[] } : unknown);

const planVariants = {
  actionsList: 'actions-list-json',
  costInputs: { list: 'cost-inputs-in-list-order', id: 'cost-inputs-in-id-order' },
} as const satisfies { actionsList: string; costInputs: Record<queries.ActionOrder, string> };
const rowVariants = { json: 'action-json', costInput: 'action-cost-input' } as const;

/**
 * How many plans `readMany` reads in one snapshot: few enough that one statement's rows stay a few
 * MB (a plan may hold 10 000 actions) and other requests get a connection between batches, many
 * enough that the round trips per plan all but vanish (bench/README.md § `portfolio.bench.ts`).
 */
export const plansPerSnapshot = 20;

/**
 * The one way to read a plan's data (docs/design-rules.md § Rule 14): the plan, its revision, its property's area,
 * its actions as cost-model inputs or list JSON, and what the report and the export need besides,
 * all from one repeatable-read, read-only snapshot so no reader ever mixes two states of a plan.
 * It owns the caches that make repeated reads cheap (decisions 0014–0016): the plan revision cache,
 * the row version cache below it, and the values derived from a snapshot (occurrences, analyses).
 *
 * The rule that keeps the caches right, held by the types: a value is stored only under a
 * `SnapshotRevision`, which only a query run in a `ReadOnlySnapshot` returns, and only this
 * module opens one (on the pool it was given). Values derived after the snapshot has ended take
 * their revision from a `PlanSnapshot`, which only `read` makes.
 */
export class PlanSnapshots {
  readonly #db: Db;
  readonly #caches: PlanCaches;

  /** `db` is the pool: every read opens a snapshot of its own on it, never in a caller's transaction. */
  constructor(db: Db, caches: PlanCaches) {
    this.#db = db;
    this.#caches = caches;
  }

  /** The plan as of one snapshot, with what `request` asks for; undefined when the plan is not the account's. */
  async read<const R extends PlanSnapshotRequest>(accountId: AccountId, planId: string, request: R): Promise<PlanSnapshot<R> | undefined> {
    return inReadOnlySnapshot(this.#db, async (snapshot) => {
      const plan = await queries.findPlanInSnapshot(snapshot, accountId, planId);
      if (plan === undefined) return undefined;
      const base = baseOf(accountId, plan);
      return {
        ...base,
        ...(request.costInputs === undefined ? {} : { costInputs: await this.#costInputs(snapshot, accountId, planId, plan.revision, request.costInputs) }),
        ...(request.property === undefined
          ? {}
          : {
              property: await queries.findPropertyFacts(snapshot, accountId, plan.propertyId),
              buildings: await queries.listBuildingNames(snapshot, accountId, plan.propertyId),
            }),
        ...(request.actionRows === undefined ? {} : { actionRows: await queries.listActionRows(snapshot, accountId, planId) }),
      } as PlanSnapshot<R>;
    });
  }

  /**
   * `read(accountId, planId, { costInputs: order })` of many plans (of any accounts), in batches of
   * `plansPerSnapshot`: each batch in one snapshot, with one statement for the plans, one for their
   * row versions and one or two for the actions no cache holds, instead of five round trips per plan
   * (bench/README.md § `portfolio.bench.ts`). The same values as `read`, through the same caches. In
   * the order of `plans`; a plan that is not its account's is left out.
   */
  async readMany(plans: readonly queries.PlanKey[], order: queries.ActionOrder): Promise<Array<PlanSnapshot<{ costInputs: queries.ActionOrder }>>> {
    // By account and plan: a plan asked for under another account's id is not found under it.
    const slotOf = (accountId: AccountId, planId: string) => `${accountId} ${planId}`;
    const read = new Map<string, PlanSnapshot<{ costInputs: queries.ActionOrder }>>();
    for (let start = 0; start < plans.length; start += plansPerSnapshot) {
      const batch = plans.slice(start, start + plansPerSnapshot);
      await inReadOnlySnapshot(this.#db, async (snapshot) => {
        const bases = (await queries.findPlansInSnapshot(snapshot, batch)).map((plan) => baseOf(plan.accountId, plan));
        const costInputs = await this.#costInputsOfPlans(snapshot, bases, order);
        for (const base of bases) read.set(slotOf(base.accountId, base.planId), { ...base, costInputs: costInputs.get(base.planId)! });
      });
    }
    return plans.flatMap(({ accountId, planId }) => read.get(slotOf(accountId, planId)) ?? []);
  }

  /**
   * `GET /api/plans/:id/actions` as JSON bytes, compressed in `encoding` when one is given;
   * undefined when the plan is not the account's. A hit costs one small query: the revision, read
   * on the pool (a committed revision is good for looking a value up). A miss reads the revision
   * again with the row versions and the changed actions, in one snapshot.
   */
  async actionsListJson(accountId: AccountId, planId: string, encoding?: JsonEncoding): Promise<Buffer | undefined> {
    const revision = await queries.findPlanRevision(this.#db, accountId, planId);
    if (revision === undefined) return undefined;
    const key: RevisionKey = { accountId, id: planId, revision, variant: planVariants.actionsList };
    const cached = this.#caches.plans.get(key);
    if (isJsonBytes(cached)) return this.#inEncoding(key, cached, encoding);
    const read = await inReadOnlySnapshot(this.#db, (snapshot) => this.#actionsList(snapshot, accountId, planId));
    return read === undefined ? undefined : this.#inEncoding(read.key, read.list, encoding);
  }

  /**
   * The analysis or fund analysis of `snapshot` with these options: computed once per revision,
   * plan settings, area and options, then served frozen. Call it after the snapshot has ended, so
   * no connection is held while the cost model runs.
   */
  cachedAnalysis<T extends PlanAnalysis | FundAnalysis>(snapshot: PlanSnapshotBase, kind: 'analysis' | 'fund', options: object, compute: () => T): T {
    return cachedResult(this.#caches.analyses, derivedKey(this.#derivedFrom(snapshot), `${kind} ${JSON.stringify(options)}`), compute);
  }

  /**
   * JSON bytes derived from `snapshot` (`variant`: what they are and the request's options), in
   * `encoding` when given: `compute()`'s value serialised once per revision, plan settings, area and
   * variant, and compressed once per encoding (decision 0016). Call it after the snapshot has ended.
   */
  async cachedJson(snapshot: PlanSnapshotBase, variant: string, compute: () => unknown, encoding?: JsonEncoding): Promise<Buffer> {
    const key = derivedKey(this.#derivedFrom(snapshot), variant);
    let json = this.#caches.plans.get(key);
    if (!isJsonBytes(json)) {
      json = { plain: ownBytesOf(JSON.stringify(compute())), encoded: {} };
      this.#caches.plans.set(key, json, json.plain.byteLength);
    }
    return this.#inEncoding(key, json, encoding);
  }

  #derivedFrom(snapshot: PlanSnapshotBase) {
    return { accountId: snapshot.accountId, planId: snapshot.planId, revision: snapshot[revisionOf], planInput: snapshot.planInput };
  }

  /** The plain bytes, or their form in `encoding`: compressed once, then kept beside them. */
  async #inEncoding(key: RevisionKey, json: JsonBytes, encoding: JsonEncoding | undefined): Promise<Buffer> {
    if (encoding === undefined) return json.plain;
    const kept = json.encoded[encoding];
    if (kept !== undefined) return kept;
    const encoded = await encodeJson(json.plain, encoding);
    // Another request may have compressed the same bytes meanwhile: keep (and count) one.
    if (json.encoded[encoding] === undefined) {
      json.encoded[encoding] = encoded;
      this.#caches.plans.grow(key, json, encoded.byteLength);
    }
    return encoded;
  }

  /** The action list of the plan as of `snapshot`: its rows' JSON from the row cache where their version is held. */
  async #actionsList(
    snapshot: ReadOnlySnapshot,
    accountId: AccountId,
    planId: string,
  ): Promise<{ list: JsonBytes; key: RevisionKey<SnapshotRevision> } | undefined> {
    const revision = await queries.findPlanRevision(snapshot, accountId, planId);
    if (revision === undefined) return undefined;
    const versions = await queries.listActionVersions(snapshot, accountId, planId, 'list');
    const { values, missing } = cachedRowValues<Buffer>(this.#caches.rows, accountId, versions, rowVariants.json);
    const read = new Map<string, Buffer>();
    if (missing.length > 0) {
      for (const row of await queries.findActionsJson(snapshot, accountId, selectionOf(planId, versions, missing))) {
        const json = ownBytesOf(row.json);
        // The bytes, and the Map entry around them.
        this.#caches.rows.set({ accountId, id: row.id, revision: row.version, variant: rowVariants.json }, json, json.byteLength + 200);
        read.set(row.id, json);
      }
    }
    const list: JsonBytes = { plain: jsonArrayOf(filledIn(versions, values, read)), encoded: {} };
    const key = { accountId, id: planId, revision, variant: planVariants.actionsList };
    this.#caches.plans.set(key, list, list.plain.byteLength);
    return { list, key };
  }

  /**
   * The plan's actions as cost-model inputs in `order`. Each call gets its own array of shared,
   * frozen inputs, so a reader may sort its array but cannot change what the next one reads.
   */
  async #costInputs(
    snapshot: ReadOnlySnapshot,
    accountId: AccountId,
    planId: string,
    revision: SnapshotRevision,
    order: queries.ActionOrder,
  ): Promise<ActionInput[]> {
    const key = { accountId, id: planId, revision, variant: planVariants.costInputs[order] };
    const cached = this.#cachedCostInputs(key);
    if (cached !== undefined) return cached;
    const versions = await queries.listActionVersions(snapshot, accountId, planId, order);
    const { values, missing } = cachedRowValues<ActionInput>(this.#caches.rows, accountId, versions, rowVariants.costInput);
    const read = new Map<string, ActionInput>();
    if (missing.length > 0) {
      for (const row of await queries.findActionCostInputs(snapshot, accountId, selectionOf(planId, versions, missing))) {
        read.set(row.id, this.#storedCostInput(accountId, row));
      }
    }
    return this.#storedCostInputs(key, filledIn(versions, values, read));
  }

  /** `#costInputs` of many plans read in `snapshot`, by plan id, with one statement per step for all the plans the cache does not hold. */
  async #costInputsOfPlans(snapshot: ReadOnlySnapshot, bases: readonly PlanSnapshotBase[], order: queries.ActionOrder): Promise<Map<string, ActionInput[]>> {
    const costInputs = new Map<string, ActionInput[]>();
    const pending: Array<{ key: RevisionKey<SnapshotRevision> }> = [];
    for (const base of bases) {
      const key = { accountId: base.accountId, id: base.planId, revision: base[revisionOf], variant: planVariants.costInputs[order] };
      const cached = this.#cachedCostInputs(key);
      if (cached === undefined) pending.push({ key });
      else costInputs.set(base.planId, cached);
    }
    if (pending.length === 0) return costInputs;
    const versionsByPlan = await queries.listActionVersionsOfPlans(
      snapshot,
      pending.map(({ key }) => ({ accountId: key.accountId, planId: key.id })),
      order,
    );
    const plans = pending.map(({ key }) => {
      const versions = versionsByPlan.get(key.id) ?? [];
      return { key, versions, ...cachedRowValues<ActionInput>(this.#caches.rows, key.accountId, versions, rowVariants.costInput) };
    });
    const wholePlans: queries.PlanKey[] = [];
    const someActions: Array<{ accountId: AccountId; id: string }> = [];
    for (const { key, versions, missing } of plans) {
      const selection = selectionOf(key.id, versions, missing);
      if ('planId' in selection) wholePlans.push({ accountId: key.accountId, planId: key.id });
      else someActions.push(...selection.ids.map((id) => ({ accountId: key.accountId, id })));
    }
    const accountOf = new Map(plans.map(({ key }) => [key.id, key.accountId]));
    const read = new Map<string, ActionInput>();
    const selections: queries.ActionsOfPlansSelection[] = [];
    if (wholePlans.length > 0) selections.push({ plans: wholePlans });
    if (someActions.length > 0) selections.push({ actions: someActions });
    for (const selection of selections) {
      for (const row of await queries.findActionCostInputsOfPlans(snapshot, selection))
        read.set(row.id, this.#storedCostInput(accountOf.get(row.planId)!, row));
    }
    for (const { key, versions, values } of plans) costInputs.set(key.id, this.#storedCostInputs(key, filledIn(versions, values, read)));
    return costInputs;
  }

  /** A copy of the plan's cached inputs (each reader may sort its own), else undefined. */
  #cachedCostInputs(key: RevisionKey): ActionInput[] | undefined {
    const cached = this.#caches.plans.get(key);
    return Array.isArray(cached) ? [...(cached as readonly ActionInput[])] : undefined;
  }

  /** One action's input, frozen and kept under its row version. */
  #storedCostInput(accountId: AccountId, row: queries.ActionVersion<ReadOnlySnapshot> & { input: ActionInput }): ActionInput {
    const input = Object.freeze(row.input);
    this.#caches.rows.set({ accountId, id: row.id, revision: row.version, variant: rowVariants.costInput }, input, approximateBytesOf(input));
    return input;
  }

  /** A plan's inputs, kept (frozen) under its revision; the caller keeps the array it passed. */
  #storedCostInputs(key: RevisionKey<SnapshotRevision>, actions: ActionInput[]): ActionInput[] {
    this.#caches.plans.set(
      key,
      Object.freeze([...actions]),
      actions.reduce((bytes, action) => bytes + approximateBytesOf(action), 0),
    );
    return actions;
  }
}

/** What every read of a plan gives, for the plan as read in a snapshot. */
function baseOf(accountId: AccountId, plan: PlanInSnapshot): PlanSnapshotBase {
  return { accountId, planId: plan.id, plan, planInput: planCostInputOf(plan, plan.areaM2), [revisionOf]: plan.revision };
}

function isJsonBytes(value: JsonBytes | readonly ActionInput[] | undefined): value is JsonBytes {
  return value !== undefined && !Array.isArray(value);
}

/** Each action's value from the row cache, in the order of `versions`, and the ids of those it does not hold. */
function cachedRowValues<V extends Buffer | ActionInput>(
  cache: RevisionCache<Buffer | ActionInput, SnapshotRevision>,
  accountId: AccountId,
  versions: readonly queries.ActionVersion<ReadOnlySnapshot>[],
  variant: string,
): { values: Array<V | undefined>; missing: string[] } {
  const values = versions.map(({ id, version }) => cache.get({ accountId, id, revision: version, variant }) as V | undefined);
  return { values, missing: versions.filter((_, index) => values[index] === undefined).map(({ id }) => id) };
}

/** The missing actions by id, or the whole plan when most are missing (nothing read since the start, or a bulk change): cheaper than a long id list. */
function selectionOf(planId: string, versions: readonly unknown[], missing: readonly string[]): queries.ActionSelection {
  return missing.length > versions.length / 2 ? { planId } : { ids: missing };
}

/** `values` in the order of `versions`, the gaps taken from `read` by id. */
function filledIn<V>(versions: readonly { id: string }[], values: readonly (V | undefined)[], read: ReadonlyMap<string, V>): V[] {
  return versions.map(({ id }, index) => values[index] ?? read.get(id)!);
}

/**
 * What V8 holds for an input, roughly: an object of 11 fields (about 120 bytes), its three
 * 36-character ids (about 60 bytes each when present) and the array slot.
 */
function approximateBytesOf(action: ActionInput): number {
  return 136 + 60 * (1 + (action.buildingId === null ? 0 : 1) + (action.locationId === null ? 0 : 1));
}
