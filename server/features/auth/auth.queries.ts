import { sql } from 'kysely';
import type { UpdateDisplayPreferencesRequest } from '../../../shared/schemas/auth.ts';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../../shared/schemas/role.ts';

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'password_hash']).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'password_hash', 'display_vat', 'display_rounded']).where('id', '=', userId).executeTakeFirst();
}

/** Sets the given display choices of one user; undefined ones stay as they are. */
export async function updateDisplayPreferences(db: Db, userId: string, changes: UpdateDisplayPreferencesRequest) {
  return db
    .updateTable('users')
    .set({ display_vat: changes.vat, display_rounded: changes.isRounded })
    .where('id', '=', userId)
    .returning(['display_vat', 'display_rounded'])
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: { email: string; name: string; passwordHash: string }) {
  return db
    .insertInto('users')
    .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow();
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function insertAccount(db: Db, name: string) {
  return db.insertInto('accounts').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

/**
 * The accounts the user works in: those they are a member of, and the customers of those (as the
 * manager's member, with the role held there: docs/decisions/0040-customer-accounts.md), each once,
 * by name; the same choice as server/auth/membership.queries.ts (an unlimited membership before a
 * limited one, a direct one before the manager's). `propertyIds` null: every property of the
 * account; a member limited to some of the manager account's properties reaches no customer.
 */
export async function listMembershipsOfUser(db: Db, userId: string) {
  const { rows } = await sql<{ accountId: string; accountName: string; role: Role; propertyIds: string[] | null; via: 'member' | 'manager' }>`
    select * from (
      select distinct on (account_id) account_id as "accountId", account_name as "accountName", role, property_ids as "propertyIds", via
      from (
        select a.id as account_id, a.name as account_name, m.role, m.property_ids::text[], 'member' as via, 0 as rank
        from memberships m join accounts a on a.id = m.account_id
        where m.user_id = ${userId}
        union all
        select customer.id, customer.name, m.role, null, 'manager', 1
        from memberships m join accounts customer on customer.manager_account_id = m.account_id
        where m.user_id = ${userId} and m.property_ids is null
      ) access
      order by account_id, property_ids is not null, rank
    ) memberships
    order by "accountName", "accountId"`.execute(db);
  return rows;
}
