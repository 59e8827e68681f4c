import type { AnalysisQuery, FundQuery } from '../../../shared/schemas/analysis.ts';
import { analyseFund, analysePlan, type FundAnalysis, type PlanAnalysis } from '../../../shared/cost-model/index.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { cachedAnalysis } from './analysis-results-cache.ts';
import { loadPlanCostInputs } from './analysis.queries.ts';

/**
 * Both analyses only sum the actions' costs, so they read them by id: a stable order (the sums are
 * the same bit for bit on every read) without the list's sort.
 */
const summingOrder = { order: 'id' } as const;

/**
 * The plan analysis of docs/product/cost-model.md § Plan analysis (computed by shared/cost-model, unrounded). `asOfYear` defaults to
 * the current calendar year (UTC).
 */
export async function getPlanAnalysis(deps: Deps, actor: Actor, planId: string, query: AnalysisQuery): Promise<PlanAnalysis> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const inputs = await loadPlanCostInputs(deps.db, accountId, planId, summingOrder);
  if (!inputs) throw notFound('Plan');
  // The default year is resolved before the key is made: a new year is another analysis.
  const options = { vat: query.vat, includeInvestments: query.includeInvestments, asOfYear: query.asOfYear ?? new Date().getUTCFullYear() };
  return cachedAnalysis(accountId, planId, 'analysis', inputs, options, () => analysePlan(inputs.plan, inputs.actions, options));
}

/** The fund analysis (avsättningsanalys) of docs/product/cost-model.md § Fund analysis; investments are always excluded. */
export async function getFundAnalysis(deps: Deps, actor: Actor, planId: string, query: FundQuery): Promise<FundAnalysis> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const inputs = await loadPlanCostInputs(deps.db, accountId, planId, summingOrder);
  if (!inputs) throw notFound('Plan');
  const options = { vat: query.vat };
  return cachedAnalysis(accountId, planId, 'fund', inputs, options, () => analyseFund(inputs.plan, inputs.actions, options));
}
