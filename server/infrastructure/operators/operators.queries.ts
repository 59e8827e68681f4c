import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Installation operators (users.is_operator) see the backup status and receive backup alerts. The
 * first user to sign up on an installation becomes one; `ops grant-operator <email>` makes more.
 * The server (sign-up, the operations page) and ops (alerts, grant-operator) both use these.
 */

async function hasAnyUser(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * True when the installation has no user yet, so the user about to be inserted is its first.
 * Call it inside the sign-up transaction, BEFORE inserting the user: when the table is empty it
 * takes a SHARE ROW EXCLUSIVE lock on users, which conflicts with itself and with inserts, and
 * looks again. Of two simultaneous first sign-ups the second waits for the first to commit and
 * then sees its user. (Taking the lock after the insert would deadlock: each transaction would
 * wait for the other's insert lock.) Once any user exists this is one indexed read, no lock.
 *
 * "No user yet" rather than "no operator yet": on a database that had users before operators
 * existed, the next stranger to sign up must not become operator; `ops grant-operator` names one.
 */
export async function lockIfFirstUser(db: Db): Promise<boolean> {
  if (await hasAnyUser(db)) return false;
  await sql`lock table users in share row exclusive mode`.execute(db);
  return !(await hasAnyUser(db));
}

export async function markUserAsOperator(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ is_operator: true }).where('id', '=', userId).execute();
}

export async function isOperator(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('is_operator').where('id', '=', userId).executeTakeFirst();
  return row?.is_operator === true;
}

/**
 * The user with this (trimmed, lower-cased) address and whether it is an operator, locked until
 * the transaction ends so that two grants cannot both see "not yet an operator".
 */
export async function findUserByEmailForUpdate(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'is_operator']).where('email', '=', email).forUpdate().executeTakeFirst();
}

/** Where backup alerts go. */
export async function listOperatorEmails(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('users').select('email').where('is_operator', '=', true).orderBy('email').execute();
  return rows.map((row) => row.email);
}
