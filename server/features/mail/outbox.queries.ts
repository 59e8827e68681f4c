import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Email } from './mailer.ts';

export async function insertOutboxEmail(db: Db, email: Email): Promise<string> {
  const row = await db
    .insertInto('outbox_emails')
    .values({ recipient: email.to, subject: email.subject, body: email.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks an e-mail sent (error null) or records why sending failed. */
export async function markOutboxEmail(db: Db, id: string, error: string | null): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set(error === null ? { sent_at: sql<Date>`now()`, last_error: null } : { last_error: error })
    .where('id', '=', id)
    .execute();
}
