import type { PlanInput } from '../../shared/cost-model/index.ts';
import type { SnapshotRevision } from './read-only-snapshot.ts';
import type { RevisionCache, RevisionKey } from './revision-cache.ts';
import type { AccountId } from '../db/account-id.ts';

/** What a value derived from a plan snapshot is computed from besides its kind and options. */
export interface DerivedFrom {
  accountId: AccountId;
  planId: string;
  /** The plan's revision, read in the snapshot the actions were read in: it names their state. */
  revision: SnapshotRevision;
  /** The plan's settings and area, which the revision does not follow: part of every key, so a changed setting misses. */
  planInput: PlanInput;
}

/** Where a value derived from a plan (`variant`: its kind and the request's options) is kept. */
export function derivedKey(from: DerivedFrom, variant: string): RevisionKey<SnapshotRevision> {
  return { accountId: from.accountId, id: from.planId, revision: from.revision, variant: `${variant} ${JSON.stringify(from.planInput)}` };
}

/**
 * The value kept under `key`, else `compute()`'s, stored. Values are frozen: every request shares
 * them, and the response schemas only read them.
 */
export function cachedResult<V extends object, T extends V>(
  cache: RevisionCache<V, SnapshotRevision>,
  key: RevisionKey<SnapshotRevision>,
  compute: () => T,
): T {
  const cached = cache.get(key);
  if (cached !== undefined) return cached as T;
  const result = deepFreeze(compute());
  // JSON length × 2: UTF-16 strings and object overhead, roughly.
  cache.set(key, result, JSON.stringify(result).length * 2);
  return result;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
