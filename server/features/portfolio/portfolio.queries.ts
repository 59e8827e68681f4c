import { sql } from 'kysely';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

export interface PortfolioEntry {
  propertyId: string;
  propertyName: string;
  accountId: AccountId;
  organisationId: string;
  planId: string;
}

/**
 * Each property of the accounts that has a plan, with its most recently updated plan (the one a
 * manager works in), by property name. `propertyIds` keeps a limited member to theirs.
 */
export async function listPortfolioEntries(db: Db, accountIds: readonly AccountId[], propertyIds: readonly string[] | null): Promise<PortfolioEntry[]> {
  const { rows } = await sql<PortfolioEntry>`
    select * from (
      select distinct on (p.id) p.id as "propertyId", p.name as "propertyName", p.account_id as "accountId",
        p.organisation_id as "organisationId", plan.id as "planId"
      from properties p
      join plans plan on plan.account_id = p.account_id and plan.property_id = p.id
      where p.account_id = any(${accountIds}::uuid[])
        ${propertyIds === null ? sql`` : sql`and p.id = any(${propertyIds}::uuid[])`}
      order by p.id, plan.updated_at desc, plan.id
    ) entries
    order by "propertyName", "propertyId"`.execute(db);
  return rows;
}

/** The customer accounts `managerId` manages (the manager's unlimited members reach each of them). */
export async function listCustomerAccountIds(db: Db, managerId: AccountId): Promise<AccountId[]> {
  const rows = await db.selectFrom('accounts').select('id').where('manager_account_id', '=', managerId).execute();
  return rows.map((row) => row.id);
}
