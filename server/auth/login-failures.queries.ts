import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface LoginFailure {
  failureCount: number;
  lockedUntil: Date | null;
}

/** The `client_ip` of an address's account-wide row: its failures from every client together. */
export const everyClient = '';

/** Failures of one (address, client) pair in the current window; an older window counts as none. */
export async function findLoginFailure(db: Db, email: string, clientIp: string, windowMs: number): Promise<LoginFailure | undefined> {
  const row = await db
    .selectFrom('login_failures')
    .select(['failure_count', 'locked_until'])
    .where('email', '=', email)
    .where('client_ip', '=', clientIp)
    .where((eb) => eb.or([eb('first_failure_at', '>', sql<Date>`now() - ${windowMs} * interval '1 millisecond'`), eb('locked_until', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
  return row ? { failureCount: row.failure_count, lockedUntil: row.locked_until } : undefined;
}

/**
 * Counts one failure of an (address, client) pair atomically (concurrent attempts cannot lose
 * counts) and locks the pair at `lockAfterFailures` (never, when null).
 */
export async function recordLoginFailure(
  db: Db,
  email: string,
  clientIp: string,
  settings: { windowMs: number; lockAfterFailures: number | null; lockMs: number },
): Promise<LoginFailure> {
  const lockAfter = settings.lockAfterFailures;
  const result = await sql<{ failure_count: number; locked_until: Date | null }>`
    insert into login_failures as f (email, client_ip, failure_count, first_failure_at, locked_until)
    values (${email}, ${clientIp}, 1, now(), case when 1 >= ${lockAfter}::integer then now() + ${settings.lockMs} * interval '1 millisecond' end)
    on conflict (email, client_ip) do update set
      failure_count = case when f.first_failure_at <= now() - ${settings.windowMs} * interval '1 millisecond'
                           then 1 else f.failure_count + 1 end,
      first_failure_at = case when f.first_failure_at <= now() - ${settings.windowMs} * interval '1 millisecond'
                              then now() else f.first_failure_at end,
      locked_until = case
        when f.first_failure_at > now() - ${settings.windowMs} * interval '1 millisecond'
             and f.failure_count + 1 >= ${lockAfter}::integer
        then now() + ${settings.lockMs} * interval '1 millisecond'
        else f.locked_until end
    returning failure_count, locked_until
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('recordLoginFailure returned no row');
  return { failureCount: row.failure_count, lockedUntil: row.locked_until };
}

/** Forgets the failures of one (address, client) pair; the account-wide count runs out with its window. */
export async function clearLoginFailures(db: Db, email: string, clientIp: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).where('client_ip', '=', clientIp).execute();
}

/**
 * Deletes the rows that no longer count: the window has passed and no lock is in force. They are
 * exactly the rows findLoginFailure treats as absent, so sweeping changes no answer.
 */
export async function deleteStaleLoginFailures(db: Db, windowMs: number): Promise<number> {
  const result = await db
    .deleteFrom('login_failures')
    .where('first_failure_at', '<=', sql<Date>`now() - ${windowMs} * interval '1 millisecond'`)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
