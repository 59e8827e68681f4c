import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Role } from '../../shared/schemas/role.ts';
import type { AccountId } from '../db/account-id.ts';
import { hasSecondFactorSql } from './second-factors.queries.ts';

export interface MembershipAccess {
  role: Role;
  /** `member`: of the account itself; `manager`: of the account's manager account (docs/decisions/0040-customer-accounts.md). */
  via: 'member' | 'manager';
  /** The account (or, via its manager, the manager's) demands a second factor the user lacks. */
  isSecondFactorMissing: boolean;
  /** A customer account past its trial or set inactive: its own members are refused, its manager's are not. */
  isInactive: boolean;
  /** The properties a limited member may reach; null: every property (docs/decisions/0041-access-per-property.md). */
  propertyIds: string[] | null;
}

/**
 * The actor's access to an account: as its member, or as a member of its manager account with
 * the role held there. A member of both acts as a member, unless the account is inactive or the
 * membership is limited to some properties, where the manager's wider access holds. Only members of the manager account who reach all of it act in
 * its customers: one limited to some of the manager's own properties has no customer's to be limited
 * to. One query, as it runs on every request to account data.
 */
export async function findMembershipAccess(db: Db, accountId: AccountId, userId: string): Promise<MembershipAccess | undefined> {
  const { rows } = await sql<MembershipAccess>`
    select role, via, "isSecondFactorMissing", "isInactive", "propertyIds" from (
      select m.role, 'member' as via, m.property_ids::text[] as "propertyIds", a.require_two_factor and not ${hasSecondFactorSql('m.user_id')} as "isSecondFactorMissing",
        (a.status = 'inactive' or (a.status = 'trial' and a.trial_ends_at <= now())) as "isInactive"
      from memberships m join accounts a on a.id = m.account_id
      where m.account_id = ${accountId} and m.user_id = ${userId}
      union all
      select m.role, 'manager', null, (a.require_two_factor or manager.require_two_factor) and not ${hasSecondFactorSql('m.user_id')}, false
      from accounts a
      join accounts manager on manager.id = a.manager_account_id
      join memberships m on m.account_id = manager.id
      where a.id = ${accountId} and m.user_id = ${userId} and m.property_ids is null
    ) access
    order by "isInactive", "propertyIds" is not null, via desc
    limit 1`.execute(db);
  return rows[0];
}
