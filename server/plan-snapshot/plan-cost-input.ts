import type { PlanInput } from '../../shared/cost-model/index.ts';
import type { findPlan } from '../features/plans/plans.queries.ts';

type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** The settings the cost model reads (a plan row, or a saved version's settings). */
export type PlanSettings = Pick<
  PlanRow,
  | 'startYear'
  | 'lengthYears'
  | 'clientCostPercent'
  | 'vatPercent'
  | 'indexationEnabled'
  | 'indexationRatePercent'
  | 'indexationDefaultBaseYear'
  | 'fundOpeningBalance'
  | 'fundCurrentProvision'
  | 'fundProvisionGrowthPercent'
  | 'fundInterestRatePercent'
  | 'fundMinimumBalance'
>;

/**
 * A plan row as the cost model's `PlanInput`. `areaM2` is the property's BOA + LOA (missing = 0);
 * only the per-m² figures of the analysis use it, so occurrences pass 0.
 */
export function planCostInputOf(plan: PlanSettings, areaM2: number): PlanInput {
  return {
    startYear: plan.startYear,
    lengthYears: plan.lengthYears,
    clientCostPercent: plan.clientCostPercent,
    vatPercent: plan.vatPercent,
    indexation: {
      enabled: plan.indexationEnabled,
      annualRatePercent: plan.indexationRatePercent,
      defaultBaseYear: plan.indexationDefaultBaseYear,
    },
    fund: {
      openingBalance: plan.fundOpeningBalance,
      currentProvisionPerYear: plan.fundCurrentProvision,
      provisionGrowthPercent: plan.fundProvisionGrowthPercent,
      interestRatePercent: plan.fundInterestRatePercent,
      minimumBalance: plan.fundMinimumBalance,
    },
    areaM2,
  };
}
