import type { AnalysisQuery, FundQuery } from '../../../shared/schemas/analysis.ts';
import { analyseFund, analysePlan, type FundAnalysis, type PlanAnalysis } from '../../../shared/cost-model/index.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { loadPlanCostInputs } from './analysis.queries.ts';

/**
 * The plan analysis of SPEC §2 (computed by shared/cost-model, unrounded). `asOfYear` defaults to
 * the current calendar year (UTC).
 */
export async function getPlanAnalysis(deps: Deps, actor: Actor, planId: string, query: AnalysisQuery): Promise<PlanAnalysis> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const inputs = await loadPlanCostInputs(deps.db, accountId, planId);
  if (!inputs) throw notFound('Plan');
  return analysePlan(inputs.plan, inputs.actions, {
    vat: query.vat,
    includeInvestments: query.includeInvestments,
    asOfYear: query.asOfYear ?? new Date().getUTCFullYear(),
  });
}

/** The fund analysis (avsättningsanalys) of SPEC §2; investments are always excluded. */
export async function getFundAnalysis(deps: Deps, actor: Actor, planId: string, query: FundQuery): Promise<FundAnalysis> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', 'Plan');
  const inputs = await loadPlanCostInputs(deps.db, accountId, planId);
  if (!inputs) throw notFound('Plan');
  return analyseFund(inputs.plan, inputs.actions, { vat: query.vat });
}
