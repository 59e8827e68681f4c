import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** What the sessions list shows of a session, kept in columns beside its data. */
export interface SessionListing {
  userAgent: string | null;
  lastSeenAt: Date | null;
}

export async function saveSession(db: Db, id: string, userId: string | null, data: string, expiresAt: Date, listing: SessionListing): Promise<void> {
  const columns = { user_id: userId, data, expires_at: expiresAt, user_agent: listing.userAgent, last_seen_at: listing.lastSeenAt };
  await db
    .insertInto('sessions')
    .values({ id, ...columns })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(columns))
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

/**
 * The user's sessions that still work: not idle past their expiry and not past the absolute
 * lifetime (`createdAt` is the sign-in, a new row each time). Most recently active first.
 */
export async function listUserSessions(db: Db, userId: string, currentSessionId: string, absoluteMs: number) {
  return db
    .selectFrom('sessions')
    .select([
      'public_id as id',
      sql<boolean>`id = ${currentSessionId}`.as('current'),
      'created_at as createdAt',
      sql<Date>`coalesce(last_seen_at, created_at)`.as('lastSeenAt'),
      'user_agent as userAgent',
    ])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('created_at', '>', sql<Date>`now() - ${absoluteMs} * interval '1 millisecond'`)
    .orderBy(sql`coalesce(last_seen_at, created_at)`, 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** The secret id of one of the user's sessions, found by its public id; another user's is not found. */
export async function findUserSessionId(db: Db, userId: string, publicId: string): Promise<string | undefined> {
  const row = await db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('public_id', '=', publicId).executeTakeFirst();
  return row?.id;
}
