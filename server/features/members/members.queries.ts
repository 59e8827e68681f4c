import { sql } from 'kysely';
import type { Role } from '../../../shared/schemas/role.ts';
import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';

const memberColumns = ['users.id as userId', 'users.email', 'users.name', 'memberships.role', 'memberships.property_ids as propertyIds'] as const;

export async function listMembers(db: Db, accountId: AccountId) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(memberColumns)
    .where('memberships.account_id', '=', accountId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export async function findMember(db: Db, accountId: AccountId, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(memberColumns)
    .where('memberships.account_id', '=', accountId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
}

/** `propertyIds`: the properties the member may reach; null (the default): every property. */
export async function insertMembership(db: Db, accountId: AccountId, userId: string, role: Role, propertyIds: readonly string[] | null = null): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ account_id: accountId, user_id: userId, role, property_ids: propertyIds === null ? null : [...propertyIds] })
    .execute();
}

export async function updateMembership(
  db: Db,
  accountId: AccountId,
  userId: string,
  change: { role: Role; propertyIds: readonly string[] | null },
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role: change.role, property_ids: change.propertyIds === null ? null : [...change.propertyIds] })
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .execute();
}

/** Which of `propertyIds` are not properties of the account (a member can only be limited to its own). */
export async function findForeignPropertyIds(db: Db, accountId: AccountId, propertyIds: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from unnest(${[...propertyIds]}::uuid[]) as requested (id)
    where not exists (select 1 from properties p where p.account_id = ${accountId} and p.id = requested.id)`.execute(db);
  return rows.map((row) => row.id);
}

export async function deleteMembership(db: Db, accountId: AccountId, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
}

export async function countAdmins(db: Db, accountId: AccountId): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', accountId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Serialises membership changes of one account (row lock on the account), so two admins
 * demoting each other at once cannot leave the account without an admin.
 */
export async function lockAccount(db: Db, accountId: AccountId): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').where('id', '=', accountId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function findAccountName(db: Db, accountId: AccountId): Promise<string | undefined> {
  const row = await db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirst();
  return row?.name;
}

/** Whether the address belongs to a member of the account (the admin sees the member list anyway). */
export async function isMemberByEmail(db: Db, accountId: AccountId, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.account_id', '=', accountId)
    .where('users.email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

/** Serialises one person's invitations across the accounts they administer, so the per-inviter count holds. */
export async function lockInviter(db: Db, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forNoKeyUpdate().execute();
}

/**
 * Invitations are counted in the audit log, which nothing deletes: a cancelled or replaced
 * invitation still counts. Answers the seconds until one of the last `limit` invitations of the
 * rolling hour leaves it, or undefined while fewer than `limit` were sent.
 */
export async function secondsUntilInvitationAllowed(
  db: Db,
  sender: { accountId: AccountId } | { inviterId: string },
  limit: number,
): Promise<number | undefined> {
  let query = db
    .selectFrom('audit_events')
    .select(sql<number>`ceil(extract(epoch from occurred_at + interval '1 hour' - now()))::int`.as('seconds'))
    .where('event', '=', 'member.invited')
    .where('occurred_at', '>', sql<Date>`now() - interval '1 hour'`);
  query = 'accountId' in sender ? query.where('account_id', '=', sender.accountId) : query.where('user_id', '=', sender.inviterId);
  const row = await query
    .orderBy('occurred_at', 'desc')
    .offset(limit - 1)
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : Math.max(1, row.seconds);
}
