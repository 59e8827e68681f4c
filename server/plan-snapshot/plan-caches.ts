import type { ActionInput, FundAnalysis, PlanAnalysis } from '../../shared/cost-model/index.ts';
import type { JsonEncoding } from '../http/json-encoding.ts';
import type { SnapshotRevision } from './read-only-snapshot.ts';
import { defaultRevisionCacheBytes, RevisionCache } from './revision-cache.ts';

/**
 * JSON bytes kept for a plan (the action list, occurrences) with the compressed forms made of them
 * so far: each is compressed once per revision (decision 0016), and leaves with its plain bytes.
 */
export interface JsonBytes {
  readonly plain: Buffer;
  readonly encoded: Partial<Record<JsonEncoding, Buffer>>;
}

/**
 * The plan snapshot's in-process caches, made by `buildApp` (and by tests that look inside them) and
 * held by its `PlanSnapshots`. Every value is stored under a `SnapshotRevision`: read in the same
 * read-only snapshot as the data the value was computed from (decisions 0014 and 0015).
 */
export interface PlanCaches {
  /** Per plan revision: the action list's JSON, the cost-model inputs in each order, the occurrences' JSON. One budget, so the LRU weighs them against each other. */
  plans: RevisionCache<JsonBytes | readonly ActionInput[], SnapshotRevision>;
  /** Per action row version (`xmin`, decision 0015): each action's list JSON and its cost-model input. */
  rows: RevisionCache<Buffer | ActionInput, SnapshotRevision>;
  /**
   * Finished analyses, so repeating one (switching views, the start page's key figures) skips the
   * cost model as well as the read: on this machine the cost model alone took 4–12 ms of the 20 ms
   * target (bench/README.md). An analysis is about 33 KiB: 32 MiB holds about a thousand, so a
   * portfolio of a few hundred plans (an analysis and a fund analysis each, bench/portfolio.bench.ts)
   * does not evict its own entries on every read.
   */
  analyses: RevisionCache<PlanAnalysis | FundAnalysis, SnapshotRevision>;
}

export function createPlanCaches(): PlanCaches {
  return {
    plans: new RevisionCache(defaultRevisionCacheBytes),
    // Row versions are not in commit order (decision 0015): the last value stored wins.
    rows: new RevisionCache(defaultRevisionCacheBytes, { isMonotonic: false }),
    analyses: new RevisionCache(32 * 1024 * 1024),
  };
}
