import {
  analysePlan,
  NO_BUILDING,
  planOccurrences,
  sumIn,
  type ExactSum,
  type PlanAnalysis,
  type PlanAnalysisOptions,
} from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import type { Property } from '../../../shared/schemas/property.ts';
import { actionCostInputOf, planCostInputOf } from '../plan-core/plan-cost-inputs.ts';

/** Part key → the exact sum of its occurrences over the window. */
export type SplitSums = ReadonlyMap<string, ExactSum>;

export interface AnalysisFigures {
  analysis: PlanAnalysis;
  /**
   * The window's exact sums by category, building and status: the donuts add the parts switched
   * on from these, so the sum of any of them is exact too, and equals what a plan list filtered to
   * the same parts shows.
   */
  shares: { byCategory: SplitSums; byBuilding: SplitSums; byStatus: SplitSums };
}

/**
 * The economic analysis of docs/product/cost-model.md § Plan analysis, computed in the browser by
 * the shared cost model from the plan's actions and the property's area: the same figures, to the
 * last bit, as `GET /api/plans/:id/analysis`, unrounded until shown
 * (docs/decisions/0024-sums-from-exact-amounts.md).
 */
export function analysisFiguresOf(
  plan: Plan,
  property: Pick<Property, 'boa' | 'loa'>,
  actions: readonly Action[],
  options: PlanAnalysisOptions,
): AnalysisFigures {
  const planInput = planCostInputOf(plan, property);
  const inputs = actions.map(actionCostInputOf);
  const byId = new Map(inputs.map((action) => [action.id, action]));
  const byCategory = new Map<string, ExactSum>();
  const byBuilding = new Map<string, ExactSum>();
  const byStatus = new Map<string, ExactSum>();
  for (const occurrence of planOccurrences(planInput, inputs, options)) {
    const action = byId.get(occurrence.actionId);
    if (action === undefined) continue;
    sumIn(byCategory, action.category).add(occurrence.cost);
    sumIn(byBuilding, action.buildingId ?? NO_BUILDING).add(occurrence.cost);
    sumIn(byStatus, occurrence.status).add(occurrence.cost);
  }
  return { analysis: analysePlan(planInput, inputs, options), shares: { byCategory, byBuilding, byStatus } };
}
