import { sql } from 'kysely';
import type { Role } from '../../../shared/schemas/role.ts';
import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';

const invitationColumns = ['id', 'email', 'role', 'property_ids as propertyIds', 'created_at as createdAt', 'expires_at as expiresAt'] as const;

/**
 * The names of the properties an invitation is limited to (null: all), so the invited person
 * knows what they accept; a property deleted since is left out.
 */
const propertyNamesOfInvitation = sql<string[] | null>`case when invitations.property_ids is null then null else coalesce(
  (select array_agg(p.name order by p.name, p.id) from properties p where p.account_id = invitations.account_id and p.id = any(invitations.property_ids)),
  '{}') end`;

export async function insertInvitation(
  db: Db,
  accountId: AccountId,
  invitation: { email: string; role: Role; propertyIds: readonly string[] | null; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  return db
    .insertInto('invitations')
    .values({
      account_id: accountId,
      email: invitation.email,
      role: invitation.role,
      property_ids: invitation.propertyIds === null ? null : [...invitation.propertyIds],
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .returning(invitationColumns)
    .executeTakeFirstOrThrow();
}

export async function listPendingInvitations(db: Db, accountId: AccountId) {
  return db
    .selectFrom('invitations')
    .select(invitationColumns)
    .where('account_id', '=', accountId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at')
    .execute();
}

/** A new invitation of the same address replaces the earlier one: only the newest link works. */
export async function deletePendingInvitationsOf(db: Db, accountId: AccountId, email: string): Promise<void> {
  await db.deleteFrom('invitations').where('account_id', '=', accountId).where('email', '=', email).where('accepted_at', 'is', null).execute();
}

export async function deletePendingInvitation(db: Db, accountId: AccountId, invitationId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('invitations')
    .where('account_id', '=', accountId)
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * A usable invitation: not accepted, not expired. Locked when `forUpdate`, so it is used once. Found
 * by its token alone, like `markInvitationAccepted` by its id: the person accepting is not a member
 * of the account yet, and the token (a secret only the invited address received) is the check.
 */
export async function findUsableInvitation(db: Db, tokenHash: string, forUpdate = false) {
  let query = db
    .selectFrom('invitations')
    .innerJoin('accounts', 'accounts.id', 'invitations.account_id')
    .select([
      'invitations.id',
      'invitations.account_id as accountId',
      'accounts.name as accountName',
      'invitations.email',
      'invitations.role',
      'invitations.property_ids as propertyIds',
      propertyNamesOfInvitation.as('propertyNames'),
    ])
    .where('invitations.token_hash', '=', tokenHash)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.expires_at', '>', sql<Date>`now()`);
  if (forUpdate) query = query.forUpdate('invitations');
  return query.executeTakeFirst();
}

export async function markInvitationAccepted(db: Db, invitationId: string): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ accepted_at: sql<Date>`now()` })
    .where('id', '=', invitationId)
    .execute();
}

/** The pending, unexpired invitations of one e-mail address, with who sent them; an invitation whose sender is gone is not shown. */
export async function listInvitationsOf(db: Db, email: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('accounts', 'accounts.id', 'invitations.account_id')
    .innerJoin('users as inviters', 'inviters.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'accounts.name as accountName',
      'invitations.role',
      'inviters.name as inviterName',
      'inviters.email as inviterEmail',
      'invitations.expires_at as expiresAt',
      propertyNamesOfInvitation.as('propertyNames'),
    ])
    .where('invitations.email', '=', email)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.expires_at', '>', sql<Date>`now()`)
    .orderBy('invitations.created_at')
    .orderBy('invitations.id')
    .execute();
}

/**
 * A usable invitation of one e-mail address, found by id: the address is the check here (the
 * signed-in user's own), as the token is for links. Locked, so it is accepted or declined once.
 */
export async function lockUsableInvitationOf(db: Db, invitationId: string, email: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'account_id as accountId', 'role', 'property_ids as propertyIds'])
    .where('id', '=', invitationId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteInvitation(db: Db, invitationId: string): Promise<void> {
  await db.deleteFrom('invitations').where('id', '=', invitationId).execute();
}

/** Gives a pending invitation a new token, so only the newest link works. */
export async function replaceInvitationToken(db: Db, accountId: AccountId, invitationId: string, tokenHash: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ token_hash: tokenHash })
    .where('account_id', '=', accountId)
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
