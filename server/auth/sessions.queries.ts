import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export async function saveSession(db: Db, id: string, userId: string | null, data: string, expiresAt: Date): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id, user_id: userId, data, expires_at: expiresAt })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ user_id: userId, data, expires_at: expiresAt }))
    .execute();
}

/** Expired rows are treated as absent (the idle timeout), even before the sweeper removes them. */
export async function findSessionData(db: Db, id: string): Promise<unknown> {
  const row = await db
    .selectFrom('sessions')
    .select('data')
    .where('id', '=', id)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.data;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Revokes every session of a user, optionally keeping the one making the request. */
export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
