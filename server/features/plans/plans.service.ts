import type { CreatePlanRequest, Plan, UpdatePlanRequest, UpdatePlanResponse } from '../../../shared/schemas/plan.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import * as queries from './plans.queries.ts';
import { openChangeSet } from '../../plan-history/change-sets.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';

const what = 'Plan';

type PlanRow = NonNullable<Awaited<ReturnType<typeof queries.findPlan>>>;

export async function listPlans(deps: Deps, actor: Actor, propertyId: string): Promise<Plan[]> {
  const accountId = await requireRowPermission(deps.db, actor, 'properties', propertyId, 'account:read', 'Property');
  return (await queries.listPlans(deps.db, accountId, propertyId)).map(serialisePlan);
}

/** Left-out settings take the database defaults (30 years, 25 % VAT, everything else 0 or off). */
export async function createPlan(deps: Deps, actor: Actor, propertyId: string, input: CreatePlanRequest): Promise<Plan> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', 'Property', { forKeyShare: true });
    const values = { ...toPlanValues(input), name: input.name, start_year: input.startYear };
    return serialisePlan(await queries.insertPlan(transaction, accountId, propertyId, values));
  });
}

export async function getPlan(deps: Deps, actor: Actor, planId: string): Promise<Plan> {
  const accountId = await requireRowPermission(deps.db, actor, 'plans', planId, 'account:read', what);
  const plan = await queries.findPlan(deps.db, accountId, planId);
  if (!plan) throw notFound(what);
  return serialisePlan(plan);
}

/**
 * Changes the given fields only, also within `indexation` and `fund`. A later start year rolls the
 * plan forward: that change is a change set of its own (`changeSetId` in the answer), so it can be
 * undone from the notice that reports it.
 */
export async function updatePlan(deps: Deps, actor: Actor, planId: string, input: UpdatePlanRequest): Promise<UpdatePlanResponse> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', what);
    const current = await queries.findPlan(transaction, accountId, planId, { forUpdate: true });
    if (!current) throw notFound(what);
    const isRollForward = input.startYear !== undefined && input.startYear > current.startYear;
    const changeSetId = isRollForward ? await openChangeSet(transaction, accountId, planId, 'roll-forward', actor) : undefined;
    if (!isRollForward) await recordChangesBy(transaction, actor);
    const plan = await queries.updatePlan(transaction, accountId, planId, toPlanValues(input));
    if (!plan) throw notFound(what);
    return changeSetId === undefined ? serialisePlan(plan) : { ...serialisePlan(plan), changeSetId };
  });
}

/** Deletes the plan with its actions and their history, comments and attachments. */
export async function deletePlan(deps: Deps, actor: Actor, planId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'plans', planId, 'plans:write', what);
    if (!(await queries.deletePlan(transaction, accountId, planId))) throw notFound(what);
  });
}

function toPlanValues(input: UpdatePlanRequest): queries.PlanValues {
  return {
    name: input.name,
    start_year: input.startYear,
    length_years: input.lengthYears,
    client_cost_percent: input.clientCostPercent,
    vat_percent: input.vatPercent,
    indexation_enabled: input.indexation?.enabled,
    indexation_rate_percent: input.indexation?.annualRatePercent,
    indexation_default_base_year: input.indexation?.defaultBaseYear,
    fund_opening_balance: input.fund?.openingBalance,
    fund_current_provision: input.fund?.currentProvisionPerYear,
    fund_provision_growth_percent: input.fund?.provisionGrowthPercent,
    fund_interest_rate_percent: input.fund?.interestRatePercent,
    fund_minimum_balance: input.fund?.minimumBalance,
  };
}

function serialisePlan(row: PlanRow): Plan {
  return {
    id: row.id,
    accountId: row.accountId,
    propertyId: row.propertyId,
    name: row.name,
    startYear: row.startYear,
    lengthYears: row.lengthYears,
    clientCostPercent: row.clientCostPercent,
    vatPercent: row.vatPercent,
    indexation: {
      enabled: row.indexationEnabled,
      annualRatePercent: row.indexationRatePercent,
      defaultBaseYear: row.indexationDefaultBaseYear,
    },
    fund: {
      openingBalance: row.fundOpeningBalance,
      currentProvisionPerYear: row.fundCurrentProvision,
      provisionGrowthPercent: row.fundProvisionGrowthPercent,
      interestRatePercent: row.fundInterestRatePercent,
      minimumBalance: row.fundMinimumBalance,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
