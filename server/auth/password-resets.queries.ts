import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

const since = (windowMs: number) => sql<Date>`now() - ${windowMs} * interval '1 millisecond'`;

/** Records one reset request and returns how many the address and the client have made in the window, this one included. */
export async function recordResetRequest(db: Db, email: string, clientIp: string, windowMs: number): Promise<{ byEmail: number; byClient: number }> {
  await db.insertInto('password_reset_requests').values({ email, client_ip: clientIp }).execute();
  const row = await db
    .selectFrom('password_reset_requests')
    .select([
      sql<number>`count(*) filter (where email = ${email})::integer`.as('byEmail'),
      sql<number>`count(*) filter (where client_ip = ${clientIp})::integer`.as('byClient'),
    ])
    .where('requested_at', '>', since(windowMs))
    .where((eb) => eb.or([eb('email', '=', email), eb('client_ip', '=', clientIp)]))
    .executeTakeFirstOrThrow();
  return row;
}

export async function insertResetToken(db: Db, userId: string, tokenHash: string, lifetimeMs: number): Promise<void> {
  await db
    .insertInto('password_reset_tokens')
    .values({ user_id: userId, token_hash: tokenHash, expires_at: sql<Date>`now() + ${lifetimeMs} * interval '1 millisecond'` })
    .execute();
}

/** An unused, unexpired token's user; `forUpdate` holds the row, so a concurrent second use waits and then finds it used. */
export async function findUsableResetToken(db: Db, tokenHash: string, forUpdate = false): Promise<{ id: string; userId: string } | undefined> {
  let query = db
    .selectFrom('password_reset_tokens')
    .select(['id', 'user_id as userId'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Uses up the token and voids every other link of the user: a new password makes older e-mails worthless. */
export async function useResetTokens(db: Db, tokenId: string, userId: string): Promise<void> {
  await db
    .updateTable('password_reset_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', tokenId)
    .execute();
  await db.deleteFrom('password_reset_tokens').where('user_id', '=', userId).where('id', '<>', tokenId).execute();
}

/** Tokens past their expiry (used ones too, once expired) and requests older than the throttle window. */
export async function deleteStalePasswordResets(db: Db, requestWindowMs: number): Promise<number> {
  const tokens = await db
    .deleteFrom('password_reset_tokens')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  const requests = await db.deleteFrom('password_reset_requests').where('requested_at', '<=', since(requestWindowMs)).executeTakeFirst();
  return Number(tokens.numDeletedRows) + Number(requests.numDeletedRows);
}
