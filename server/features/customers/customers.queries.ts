import { sql } from 'kysely';
import type { Customer, CustomersResponse } from '../../../shared/schemas/customer.ts';
import { asAccountId, type AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import { deletionDateSql } from '../../infrastructure/account-lifecycle/account-lifecycle.queries.ts';

/** The customer as its own members meet it: a trial past its end is inactive. */
const customerColumns = sql<Customer>`json_build_object(
  'accountId', a.id, 'name', a.name,
  'status', case when a.status = 'trial' and a.trial_ends_at <= now() then 'inactive' else a.status end,
  'trialEndsAt', to_char(a.trial_ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

export async function insertCustomer(db: Db, managerId: AccountId, name: string, trialDays: number | undefined): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into accounts (name, manager_account_id, status, trial_ends_at)
    values (${name}, ${managerId}, ${trialDays === undefined ? 'active' : 'trial'},
      ${trialDays === undefined ? null : sql`now() + make_interval(days => ${trialDays})`})
    returning id`.execute(db);
  return rows[0]!.id;
}

export async function findCustomer(db: Db, managerId: AccountId, customerId: string): Promise<Customer | undefined> {
  const { rows } = await sql<{ customer: Customer }>`select ${customerColumns} as customer from accounts a
    where a.manager_account_id = ${managerId} and a.id = ${customerId}`.execute(db);
  return rows[0]?.customer;
}

/**
 * The manager's customers by name, each with how many properties it holds and, when inactive, when
 * the account-lifecycle job deletes it (`retentionDays`, INACTIVE_ACCOUNT_RETENTION_DAYS, also
 * answered with each so the screen can say it before pausing).
 */
export async function listCustomers(db: Db, managerId: AccountId, retentionDays: number): Promise<CustomersResponse> {
  const { rows } = await sql<{ customer: CustomersResponse[number] }>`
    select (${customerColumns}::jsonb || jsonb_build_object(
      'propertyCount', (select count(*) from properties p where p.account_id = a.id)::int,
      'retentionDays', ${retentionDays}::int,
      'deletesAt', to_char(${deletionDateSql(retentionDays, 'now')} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) as customer
    from accounts a
    where a.manager_account_id = ${managerId}
    order by a.name, a.id`.execute(db);
  return rows.map((row) => row.customer);
}

/** The manager account of `customerId`, or undefined when it is nobody's customer. */
export async function findManagerOf(db: Db, customerId: string): Promise<AccountId | undefined> {
  const row = await db.selectFrom('accounts').select('manager_account_id').where('id', '=', asAccountId(customerId)).executeTakeFirst();
  return (row?.manager_account_id ?? undefined) as AccountId | undefined;
}

export async function setCustomerStatus(db: Db, managerId: AccountId, customerId: string, change: { status: 'active' | 'inactive' } | { trialEndsAt: string }) {
  const values =
    'trialEndsAt' in change
      ? sql`status = 'trial', trial_ends_at = ${change.trialEndsAt}::timestamptz, inactive_since = null`
      : change.status === 'active'
        ? sql`status = 'active', trial_ends_at = null, inactive_since = null`
        : sql`status = 'inactive', trial_ends_at = null, inactive_since = coalesce(inactive_since, now())`;
  await sql`update accounts set ${values} where manager_account_id = ${managerId} and id = ${customerId}`.execute(db);
}
