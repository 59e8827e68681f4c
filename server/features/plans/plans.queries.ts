import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';

/** A plan's columns, one to one (in camelCase); the service nests indexation and fund for the API, the plan snapshot reads them too. */
export const planColumns = [
  'id',
  'account_id as accountId',
  'property_id as propertyId',
  'name',
  'start_year as startYear',
  'length_years as lengthYears',
  'client_cost_percent as clientCostPercent',
  'vat_percent as vatPercent',
  'indexation_enabled as indexationEnabled',
  'indexation_rate_percent as indexationRatePercent',
  'indexation_default_base_year as indexationDefaultBaseYear',
  'fund_opening_balance as fundOpeningBalance',
  'fund_current_provision as fundCurrentProvision',
  'fund_provision_growth_percent as fundProvisionGrowthPercent',
  'fund_interest_rate_percent as fundInterestRatePercent',
  'fund_minimum_balance as fundMinimumBalance',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** The settable columns of a plan; undefined ones are left out (the default, or unchanged). */
export interface PlanValues {
  name?: string;
  start_year?: number;
  length_years?: number;
  client_cost_percent?: number;
  vat_percent?: number;
  indexation_enabled?: boolean;
  indexation_rate_percent?: number;
  indexation_default_base_year?: number | null;
  fund_opening_balance?: number;
  fund_current_provision?: number;
  fund_provision_growth_percent?: number;
  fund_interest_rate_percent?: number;
  fund_minimum_balance?: number;
}

export async function listPlans(db: Db, accountId: AccountId, propertyId: string) {
  return db
    .selectFrom('plans')
    .select(planColumns)
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** `forUpdate` locks the row until the transaction ends (a change that depends on its current values). */
export async function findPlan(db: Db, accountId: AccountId, planId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.selectFrom('plans').select(planColumns).where('account_id', '=', accountId).where('id', '=', planId);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertPlan(db: Db, accountId: AccountId, propertyId: string, values: PlanValues & { name: string; start_year: number }) {
  return db
    .insertInto('plans')
    .values({ ...values, account_id: accountId, property_id: propertyId })
    .returning(planColumns)
    .executeTakeFirstOrThrow();
}

export async function updatePlan(db: Db, accountId: AccountId, planId: string, values: PlanValues) {
  return db
    .updateTable('plans')
    .set({ ...values, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', planId)
    .returning(planColumns)
    .executeTakeFirst();
}

/** Deletes the plan and, by cascade, its actions with their completions, comments and attachments. */
export async function deletePlan(db: Db, accountId: AccountId, planId: string): Promise<boolean> {
  const result = await db.deleteFrom('plans').where('account_id', '=', accountId).where('id', '=', planId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
