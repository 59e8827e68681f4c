import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import type { OpsContext } from '../ops-context.ts';
import type { LevelledLog } from './levelled-log.ts';

export interface AlertEmail {
  subject: string;
  text: string;
}

export interface AlertDelivery {
  /** Recipients whose e-mail the SMTP server accepted. */
  sent: string[];
  /** Recipients whose e-mail stays unsent in the outbox (no SMTP_URL, or delivery failed). */
  unsent: string[];
}

/**
 * Sends one alert e-mail to each recipient separately (operators do not see each other's
 * addresses) and records every one in `outbox_emails` with `sent_at` / `last_error`, as the
 * server's mailer does (server/features/mail/mailer.ts, which ops may not import). Without
 * SMTP_URL the outbox row and the error-level log line are the alert. Never throws for a
 * delivery failure: an alert must not fail the evaluation that raised it.
 */
export async function sendAlertEmail(context: OpsContext, recipients: readonly string[], email: AlertEmail, log: LevelledLog): Promise<AlertDelivery> {
  const delivery: AlertDelivery = { sent: [], unsent: [] };
  if (recipients.length === 0) return delivery;
  const db = context.db();
  const transport = context.config.smtpUrl ? nodemailer.createTransport(context.config.smtpUrl) : undefined;
  try {
    for (const recipient of recipients) {
      const { id } = await db
        .insertInto('outbox_emails')
        .values({ recipient, subject: email.subject, body: email.text })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!transport) {
        delivery.unsent.push(recipient);
        continue;
      }
      try {
        await transport.sendMail({ from: context.config.mailFrom, to: recipient, subject: email.subject, text: email.text });
        await db.updateTable('outbox_emails').set({ sent_at: sql<Date>`now()`, last_error: null }).where('id', '=', id).execute();
        delivery.sent.push(recipient);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error(`alert e-mail to ${recipient} failed (${message}); it stays in the outbox (id ${id})`);
        await db
          .updateTable('outbox_emails')
          .set({ last_error: message })
          .where('id', '=', id)
          .execute()
          .catch(() => undefined);
        delivery.unsent.push(recipient);
      }
    }
  } finally {
    transport?.close();
  }
  if (!transport) log.info(`alert e-mail to ${recipients.length} operator(s) kept in the outbox (SMTP_URL not set)`);
  return delivery;
}
