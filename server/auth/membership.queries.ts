import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Role } from '../../shared/schemas/role.ts';
import type { AccountId } from '../db/account-id.ts';
import { hasSecondFactorSql } from './second-factors.queries.ts';

/**
 * The actor's role in an account and whether the account's demand for a second factor leaves
 * them out (`isSecondFactorMissing`): one query, as it runs on every request to account data.
 */
export async function findMembershipAccess(db: Db, accountId: AccountId, userId: string): Promise<{ role: Role; isSecondFactorMissing: boolean } | undefined> {
  return db
    .selectFrom('memberships')
    .innerJoin('accounts', 'accounts.id', 'memberships.account_id')
    .select(['memberships.role as role'])
    .select(sql<boolean>`accounts.require_two_factor and not ${hasSecondFactorSql('memberships.user_id')}`.as('isSecondFactorMissing'))
    .where('memberships.account_id', '=', accountId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
}
