import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Email } from './outbox-mailer.ts';

export async function insertOutboxEmail(db: Db, email: Email): Promise<string> {
  const row = await db
    .insertInto('outbox_emails')
    .values({ recipient: email.to, subject: email.subject, body: email.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markOutboxEmailSent(db: Db, id: string): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({ sent_at: sql<Date>`now()`, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records why sending failed; the e-mail stays unsent in the outbox. */
export async function markOutboxEmailFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable('outbox_emails').set({ last_error: error }).where('id', '=', id).execute();
}
