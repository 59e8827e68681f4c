import { sql } from 'kysely';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

export async function insertShareLink(
  db: Db,
  accountId: AccountId,
  link: { planId: string; tokenHash: string; label: string; expiresAt: Date; createdBy: string },
) {
  return db
    .insertInto('share_links')
    .values({
      account_id: accountId,
      plan_id: link.planId,
      token_hash: link.tokenHash,
      label: link.label,
      expires_at: link.expiresAt,
      created_by: link.createdBy,
    })
    .returning(['id', 'expires_at as expiresAt'])
    .executeTakeFirstOrThrow();
}

/** A plan's links, oldest first, with who made them; expired ones too, so editors see what has lapsed. */
export async function listShareLinks(db: Db, accountId: AccountId, planId: string) {
  return db
    .selectFrom('share_links')
    .leftJoin('users', 'users.id', 'share_links.created_by')
    .select([
      'share_links.id',
      'share_links.label',
      'share_links.expires_at as expiresAt',
      'share_links.created_at as createdAt',
      'users.id as creatorId',
      'users.name as creatorName',
      sql<boolean>`share_links.expires_at <= now()`.as('isExpired'),
    ])
    .where('share_links.account_id', '=', accountId)
    .where('share_links.plan_id', '=', planId)
    .orderBy('share_links.created_at')
    .orderBy('share_links.id')
    .execute();
}

/** Revoking is deleting: a revoked token then finds nothing, like an unknown one. Returns the plan the link was of. */
export async function deleteShareLink(db: Db, accountId: AccountId, shareLinkId: string) {
  return db
    .deleteFrom('share_links')
    .where('account_id', '=', accountId)
    .where('id', '=', shareLinkId)
    .returning(['plan_id as planId', 'label'])
    .executeTakeFirst();
}

/**
 * The link a token opens, while it has not expired, with its account's name. Found by the token's
 * hash alone: whoever holds the token is not a member, and the token (256 random bits) is the check.
 */
export async function findUsableShareLink(db: Db, tokenHash: string) {
  return db
    .selectFrom('share_links')
    .innerJoin('accounts', 'accounts.id', 'share_links.account_id')
    .select([
      'share_links.id',
      'share_links.account_id as accountId',
      'share_links.plan_id as planId',
      'share_links.expires_at as expiresAt',
      'accounts.name as accountName',
    ])
    .where('share_links.token_hash', '=', tokenHash)
    .where('share_links.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}
