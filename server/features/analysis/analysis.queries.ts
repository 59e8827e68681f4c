import { sql } from 'kysely';
import type { ActionInput, PlanInput } from '../../../shared/cost-model/index.ts';
import type { Db } from '../../db/database.ts';
import { listActionCostInputs } from '../actions/actions.queries.ts';
import { planCostInputOf } from '../actions/plan-cost-input.ts';
import { findPlan } from '../plans/plans.queries.ts';

/** BOA + LOA of the property in m², a missing figure counting as 0 (SPEC §2). */
export async function findPropertyAreaM2(db: Db, accountId: string, propertyId: string): Promise<number> {
  const row = await db
    .selectFrom('properties')
    .select(sql<string | number>`coalesce(boa, 0) + coalesce(loa, 0)`.as('areaM2'))
    .where('account_id', '=', accountId)
    .where('id', '=', propertyId)
    .executeTakeFirst();
  return row === undefined ? 0 : Number(row.areaM2);
}

/**
 * The plan as cost-model input (with its property's area) and its actions, read in one
 * repeatable-read snapshot so the figures never mix two states of the plan. Undefined when the
 * plan is not the account's.
 */
export async function loadPlanCostInputs(db: Db, accountId: string, planId: string): Promise<{ plan: PlanInput; actions: ActionInput[] } | undefined> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (transaction) => {
      const plan = await findPlan(transaction, accountId, planId);
      if (!plan) return undefined;
      const areaM2 = await findPropertyAreaM2(transaction, accountId, plan.propertyId);
      const actions = await listActionCostInputs(transaction, accountId, planId);
      return { plan: planCostInputOf(plan, areaM2), actions };
    });
}
