import { sql } from 'kysely';
import type { ActionInput, PlanInput } from '../../../shared/cost-model/index.ts';
import type { Db } from '../../db/database.ts';
import type { ActionOrder } from '../actions/actions.queries.ts';
import { costInputsInSnapshot, readOnlySnapshot } from '../actions/plan-actions-cache.ts';
import { planCostInputOf } from '../actions/plan-cost-input.ts';
import { findPlanWithRevision } from '../plans/plans.queries.ts';

/** BOA + LOA of the property in m², a missing figure counting as 0 (docs/product/cost-model.md § Plan analysis). */
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
 * plan is not the account's. The actions come in the order of the action list, or by id for a
 * consumer that only sums (`order: 'id'`, cheaper to read), from the plan revision cache when the
 * plan has not changed since they were last read (decision 0014); the plan and the area are read
 * every time. `revision` is the plan's revision in the same snapshot, for caching what is derived.
 */
export async function loadPlanCostInputs(
  db: Db,
  accountId: string,
  planId: string,
  options: { order?: ActionOrder } = {},
): Promise<{ plan: PlanInput; actions: ActionInput[]; revision: number } | undefined> {
  return readOnlySnapshot(db, async (transaction) => {
    const plan = await findPlanWithRevision(transaction, accountId, planId);
    if (!plan) return undefined;
    const areaM2 = await findPropertyAreaM2(transaction, accountId, plan.propertyId);
    const actions = await costInputsInSnapshot(transaction, accountId, planId, plan.revision, options.order);
    return { plan: planCostInputOf(plan, areaM2), actions, revision: plan.revision };
  });
}
