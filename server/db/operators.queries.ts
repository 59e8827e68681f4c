import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Installation operators (users.is_operator) see the backup status. The first user to sign up on
 * an installation becomes one; `ops grant-operator <email>` makes more. These queries live in
 * server/db so the ops CLI can use them too.
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
 * Makes the user with this e-mail address an operator (for `ops grant-operator <email>`). False
 * when no user has the address. A change is written to the audit log in the same statement.
 */
export async function grantOperator(db: Db, email: string): Promise<boolean> {
  // Addresses are stored trimmed and lower-cased (shared/schemas/common.ts).
  const address = email.trim().toLowerCase();
  const result = await sql<{ id: string }>`
    with target as (
      select id, is_operator as was_operator from users where email = ${address} for update
    ), granted as (
      update users set is_operator = true from target where users.id = target.id
      returning users.id, target.was_operator
    ), audited as (
      insert into audit_events (event, user_id, details)
      select 'operator.granted', id, ${JSON.stringify({ via: 'ops grant-operator' })}::jsonb from granted where not was_operator
    )
    select id from granted
  `.execute(db);
  return result.rows.length > 0;
}

/** Where backup alerts go. */
export async function listOperatorEmails(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('users').select('email').where('is_operator', '=', true).orderBy('email').execute();
  return rows.map((row) => row.email);
}
