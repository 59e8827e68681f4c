import type { AnalysisQuery, FundQuery } from '../../../shared/schemas/analysis.ts';
import { analyseFund, analysePlan, type FundAnalysis, type PlanAnalysis, type PlanAnalysisOptions, type VatMode } from '../../../shared/cost-model/index.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';

/**
 * Both analyses only sum the actions' costs, so they read them by id: a stable order (the sums are
 * the same bit for bit on every read) without the list's sort.
 */
const summingOrder = { costInputs: 'id' } as const;

/**
 * The plan analysis of docs/product/cost-model.md § Plan analysis (computed by shared/cost-model, unrounded).
 * `asOfYear` defaults to the current calendar year (UTC).
 */
export async function getPlanAnalysis(deps: Deps, actor: Actor, planId: string, query: AnalysisQuery): Promise<PlanAnalysis> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const snapshot = await readForAnalysis(deps, accountId, planId);
  if (!snapshot) throw notFound('Plan');
  // The default year is resolved before the key is made: a new year is another analysis.
  return analysisOf(deps, snapshot, { vat: query.vat, includeInvestments: query.includeInvestments, asOfYear: query.asOfYear ?? new Date().getUTCFullYear() });
}

/** The fund analysis (avsättningsanalys) of docs/product/cost-model.md § Fund analysis; investments are always excluded. */
export async function getFundAnalysis(deps: Deps, actor: Actor, planId: string, query: FundQuery): Promise<FundAnalysis> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const snapshot = await readForAnalysis(deps, accountId, planId);
  if (!snapshot) throw notFound('Plan');
  return fundOf(deps, snapshot, { vat: query.vat });
}

/** A plan as both analyses read it; undefined when the plan is not the account's. */
export async function readForAnalysis(deps: Deps, accountId: AccountId, planId: string) {
  return deps.planSnapshots.read(accountId, planId, summingOrder);
}

/**
 * `readForAnalysis` of many plans (the portfolio, the benchmark), read in batches rather than one
 * after another; in the order given, leaving out a plan that is not its account's.
 */
export async function readManyForAnalysis(deps: Deps, plans: ReadonlyArray<{ accountId: AccountId; planId: string }>) {
  return deps.planSnapshots.readMany(plans, summingOrder.costInputs);
}

export type AnalysedSnapshot = NonNullable<Awaited<ReturnType<typeof readForAnalysis>>>;

/** The plan analysis of a snapshot, cached with it: the same figures wherever they are shown (the plan, the portfolio). */
export function analysisOf(deps: Deps, snapshot: AnalysedSnapshot, options: PlanAnalysisOptions): PlanAnalysis {
  return deps.planSnapshots.cachedAnalysis(snapshot, 'analysis', options, () => analysePlan(snapshot.planInput, snapshot.costInputs, options));
}

/** The fund analysis of a snapshot, cached with it. */
export function fundOf(deps: Deps, snapshot: AnalysedSnapshot, options: { vat: VatMode }): FundAnalysis {
  return deps.planSnapshots.cachedAnalysis(snapshot, 'fund', options, () => analyseFund(snapshot.planInput, snapshot.costInputs, options));
}
