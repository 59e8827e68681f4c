import { sql } from 'kysely';
import type { UpdateDisplayPreferencesRequest } from '../../../shared/schemas/auth.ts';
import type { Db } from '../../db/database.ts';

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

export async function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('accounts', 'accounts.id', 'memberships.account_id')
    .select(['accounts.id as accountId', 'accounts.name as accountName', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('accounts.name')
    .orderBy('accounts.id')
    .execute();
}
