import { sql } from 'kysely';
import type { AccountSettings } from '../../../shared/schemas/account.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

export async function updateRequireTwoFactor(db: Db, accountId: AccountId, requireTwoFactor: boolean) {
  await db.updateTable('accounts').set({ require_two_factor: requireTwoFactor }).where('id', '=', accountId).execute();
}

/** The account's settings; a trial past its end reads `inactive`, as in the customers' list. */
export async function selectAccountSettings(db: Db, accountId: AccountId): Promise<AccountSettings> {
  const { rows } = await sql<AccountSettings>`
    select a.id, a.name, a.require_two_factor as "requireTwoFactor",
      case when a.status = 'trial' and a.trial_ends_at <= now() then 'inactive' else a.status end as status,
      case when manager.id is null then null else json_build_object('id', manager.id, 'name', manager.name) end as manager
    from accounts a left join accounts manager on manager.id = a.manager_account_id
    where a.id = ${accountId}`.execute(db);
  return rows[0]!;
}
