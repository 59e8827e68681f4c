import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

declare const readOnlySnapshotBrand: unique symbol;
declare const snapshotRevisionBrand: unique symbol;

/**
 * A repeatable-read, read-only transaction: one snapshot of committed data. Only
 * `inReadOnlySnapshot` makes one, so a caller's transaction, which may have written, can never
 * be passed where a snapshot is expected.
 */
export type ReadOnlySnapshot = Transaction<Database> & { readonly [readOnlySnapshotBrand]: true };

/**
 * A plan revision or a row version read in a `ReadOnlySnapshot`: the only kind the plan snapshot's
 * caches store a value under (decision 0014). A snapshot holds committed data only, and every
 * commit that changes a plan's actions also changes its revision and the changed rows' versions,
 * so such a revision names exactly one state of the data read beside it. One read inside a
 * transaction that has written would see its own uncommitted bump, which a rollback would let
 * the next real change reuse for other data.
 */
export type SnapshotRevision = number & { readonly [snapshotRevisionBrand]: true };

/** A revision read through `db`: a `SnapshotRevision` when `db` is a snapshot, a plain number (good for look-ups only) otherwise. */
export type RevisionReadIn<D extends Db> = D extends ReadOnlySnapshot ? SnapshotRevision : number;

/** Runs `work` in a new repeatable-read, read-only transaction on the pool `db`. */
export function inReadOnlySnapshot<T>(db: Db, work: (snapshot: ReadOnlySnapshot) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((transaction) => work(transaction as ReadOnlySnapshot));
}
