import type { Db } from '../db/database.ts';
import type { Role } from '../../shared/schemas/role.ts';
import type { AccountId } from '../db/account-id.ts';

export async function findMembershipRole(db: Db, accountId: AccountId, userId: string): Promise<Role | undefined> {
  const row = await db.selectFrom('memberships').select('role').where('account_id', '=', accountId).where('user_id', '=', userId).executeTakeFirst();
  return row?.role;
}
