import type { AccountId } from '../db/account-id.ts';
/**
 * An in-process cache of values derived from database rows, keyed by a revision the database
 * itself moves with every committed change of those rows, so an entry is right for as long as
 * its revision is current, on every instance. Two users: a plan's revision (`plans.revision`,
 * bumped by the triggers of migration 0004 in the writing transaction; decision 0014) keys what
 * is derived from all of a plan's actions, and an action's row version (its `xmin`, the id of
 * the transaction that wrote the row; decision 0015) keys what is derived from one action.
 * Either is stored only under the revision read in the SAME snapshot as the data it was
 * computed from. Readers look the revision up first; a new revision simply misses, and the old
 * entry is dropped when the new one is stored.
 *
 * Bounded by the approximate bytes of its values (the caller's estimate), least recently used
 * first out (approximately: see `get`). A value larger than the whole budget is not stored.
 */

/**
 * What an entry is of: the account and the row (both, so no key can cross accounts), the revision
 * and the kind of value. `R` is the type of revision a value may be stored under: the plan
 * snapshot's caches take only `SnapshotRevision`s (read in the same snapshot as the value).
 */
export interface RevisionKey<R extends number = number> {
  accountId: AccountId;
  /** The plan's id (plan revisions) or the action's (row versions). */
  id: string;
  revision: R;
  variant: string;
}

interface Entry<V> {
  revision: number;
  value: V;
  bytes: number;
  /** The cache's clock when the entry was stored or last moved to the back of the order. */
  touched: number;
}

/** 64 MiB: a 10 000-action plan's list JSON is about 6 MB and its cost-model inputs about 4 MB. */
export const defaultRevisionCacheBytes = 64 * 1024 * 1024;

/** `R`: the revisions values may be stored under (see `RevisionKey`); any revision may be looked up. */
export class RevisionCache<V, R extends number = number> {
  /** By account, row and variant (not revision: one row keeps one revision); Map order is the eviction order. */
  readonly #entries = new Map<string, Entry<V>>();
  #bytes = 0;
  #clock = 0;

  /**
   * `isMonotonic`: revisions only grow in commit order, so an older one never replaces a newer
   * (plan revisions). Row versions (`xmin`) are not in commit order — a transaction takes its id
   * at its first write, not at commit — so for them the last value stored wins.
   */
  constructor(
    readonly maxBytes: number = defaultRevisionCacheBytes,
    private readonly options: { isMonotonic: boolean } = { isMonotonic: true },
  ) {}

  /** The value stored for exactly this account, row, variant and revision, else undefined. */
  get(key: RevisionKey): V | undefined {
    const slot = slotOf(key);
    const entry = this.#entries.get(slot);
    if (entry === undefined || entry.revision !== key.revision) return undefined;
    // Moving an entry to the back costs two Map operations, 7 ms for the 10 000 rows of a plan
    // read again (bench/README.md). An entry touched within the last size/2 ticks of the clock is
    // in the more recent half of the order already and stays where it is: least recently used
    // within half the entries.
    if (this.#clock - entry.touched > this.#entries.size / 2) {
      this.#entries.delete(slot);
      entry.touched = this.#clock++;
      this.#entries.set(slot, entry);
    }
    return entry.value;
  }

  /**
   * Stores the value, replacing the slot's other revision — unless the cache is monotonic and a
   * newer revision is stored (a slow reader of an older snapshot must not replace it). A hit needs
   * the exact revision, so replacing never serves a wrong value; it only decides what is kept.
   */
  set(key: RevisionKey<R>, value: V, bytes: number): void {
    const slot = slotOf(key);
    const current = this.#entries.get(slot);
    if (current !== undefined) {
      if (this.options.isMonotonic && current.revision > key.revision) return;
      this.#remove(slot, current);
    }
    if (bytes > this.maxBytes) return;
    this.#entries.set(slot, { revision: key.revision, value, bytes, touched: this.#clock++ });
    this.#bytes += bytes;
    this.#evictOverBudget();
  }

  /**
   * Counts `bytes` more for `value`, which has grown in place (a compressed form attached to JSON
   * bytes), when it is still what is stored under exactly this key. It has just been used, so it
   * moves to the back of the order before older entries make room for the growth.
   */
  grow(key: RevisionKey, value: V, bytes: number): void {
    const slot = slotOf(key);
    const entry = this.#entries.get(slot);
    if (entry === undefined || entry.revision !== key.revision || entry.value !== value) return;
    this.#entries.delete(slot);
    entry.touched = this.#clock++;
    this.#entries.set(slot, entry);
    entry.bytes += bytes;
    this.#bytes += bytes;
    this.#evictOverBudget();
  }

  /** The approximate bytes held, for tests and diagnostics. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #evictOverBudget(): void {
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest, entry);
    }
  }

  #remove(slot: string, entry: Entry<V>): void {
    this.#entries.delete(slot);
    this.#bytes -= entry.bytes;
  }
}

/** The account and row ids are uuids (no spaces) and come first, so the joined slot is unambiguous whatever the variant holds. */
function slotOf(key: RevisionKey): string {
  return `${key.accountId} ${key.id} ${key.variant}`;
}
