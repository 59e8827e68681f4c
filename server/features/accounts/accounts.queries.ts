import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

export async function updateRequireTwoFactor(db: Db, accountId: AccountId, requireTwoFactor: boolean) {
  return db
    .updateTable('accounts')
    .set({ require_two_factor: requireTwoFactor })
    .where('id', '=', accountId)
    .returning(['id', 'name', 'require_two_factor'])
    .executeTakeFirstOrThrow();
}

export async function findAccount(db: Db, accountId: AccountId) {
  return db.selectFrom('accounts').select(['id', 'name', 'require_two_factor']).where('id', '=', accountId).executeTakeFirstOrThrow();
}
