import { sql } from 'kysely';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

/** The built-in items an account item may replace: those still in the data files. */
export async function listReplaceableBuiltinIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('library_items').select('id').where('account_id', 'is', null).where('retired_at', 'is', null).execute();
  return new Set(rows.map((row) => row.id));
}

/** Holds the account's items until commit, so the file is checked against the items it writes to. */
export async function lockAccountItems(db: Db, accountId: AccountId): Promise<void> {
  await sql`select id from library_items where account_id = ${accountId} for update`.execute(db);
}
