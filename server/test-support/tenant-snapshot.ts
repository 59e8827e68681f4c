import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AccountId } from '../db/account-id.ts';

export type TenantSnapshot = Record<string, unknown[]>;

/**
 * Every row an account owns, all columns: its `accounts` row, every row of every table with an
 * `account_id` column (found in the catalogue, so a table added later is included without a change
 * here), its members' `users` rows and their sessions. Rows are sorted by their JSON form, so two
 * snapshots compare row for row whatever order PostgreSQL returns them in.
 */
export async function snapshotTenant(db: Db, accountId: AccountId): Promise<TenantSnapshot> {
  const tables = await tenantTables(db);
  const snapshot: TenantSnapshot = {};
  snapshot.accounts = sorted((await sql<Record<string, unknown>>`select * from accounts where id = ${accountId}`.execute(db)).rows);
  for (const table of tables) {
    snapshot[table] = sorted((await sql<Record<string, unknown>>`select * from ${sql.table(table)} where account_id = ${accountId}`.execute(db)).rows);
  }
  const members = sql`select user_id from memberships where account_id = ${accountId}`;
  snapshot.users = sorted((await sql<Record<string, unknown>>`select * from users where id in (${members})`.execute(db)).rows);
  snapshot.sessions = sorted((await sql<Record<string, unknown>>`select * from sessions where user_id in (${members})`.execute(db)).rows);
  return snapshot;
}

/** The tables with an `account_id` column, by name. */
export async function tenantTables(db: Db): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'account_id'
    order by table_name`.execute(db);
  return result.rows.map((row) => row.table_name);
}

function sorted(rows: Record<string, unknown>[]): unknown[] {
  return rows
    .map((row) => ({ row, key: JSON.stringify(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}
