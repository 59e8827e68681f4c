import type { FundAnalysis, PlanAnalysis, PlanInput } from '../../../shared/cost-model/index.ts';
import { RevisionCache } from '../../db/revision-cache.ts';

/**
 * Finished analyses, so repeating one (switching views, the start page's key figures) skips the
 * cost model as well as the read (decision 0014). The result is a pure function of the plan's
 * actions (its revision, read in the same snapshot as the plan), the plan's settings and area (the
 * whole `PlanInput`, part of the key, so a changed setting misses) and the request's options. An
 * analysis is about 33 KiB: 8 MiB holds a couple of hundred.
 */
export const analysisResultsCache = new RevisionCache<PlanAnalysis | FundAnalysis>(8 * 1024 * 1024);

/** What an analysis is computed from besides the actions: read with them in one snapshot. */
export interface AnalysisInputs {
  plan: PlanInput;
  revision: number;
}

/**
 * The cached result for exactly these inputs, else `compute()`'s, stored. Results are frozen: every
 * request shares them, and the response schema only reads them.
 */
export function cachedAnalysis<T extends PlanAnalysis | FundAnalysis>(
  accountId: string,
  planId: string,
  kind: 'analysis' | 'fund',
  inputs: AnalysisInputs,
  options: object,
  compute: () => T,
): T {
  const key = { accountId, id: planId, revision: inputs.revision, variant: `${kind} ${JSON.stringify(inputs.plan)} ${JSON.stringify(options)}` };
  const cached = analysisResultsCache.get(key);
  if (cached !== undefined) return cached as T;
  const result = deepFreeze(compute());
  // JSON length × 2: UTF-16 strings and object overhead, roughly.
  analysisResultsCache.set(key, result, JSON.stringify(result).length * 2);
  return result;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
