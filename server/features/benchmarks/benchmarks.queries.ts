import { sql } from 'kysely';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

/**
 * Every property of the installation with an area and a plan, with its most recently updated plan
 * (as the portfolio picks it). The one query on plan data across accounts: its rows never leave the
 * server, only the quartiles of their figures do (docs/product/api.md § Benchmarks).
 */
export async function listBenchmarkPlans(db: Db): Promise<{ accountId: AccountId; planId: string }[]> {
  const { rows } = await sql<{ accountId: AccountId; planId: string }>`
    select distinct on (p.id) p.account_id as "accountId", plan.id as "planId"
    from properties p
    join plans plan on plan.account_id = p.account_id and plan.property_id = p.id
    where coalesce(p.boa, 0) + coalesce(p.loa, 0) > 0
    order by p.id, plan.updated_at desc, plan.id`.execute(db);
  return rows;
}
