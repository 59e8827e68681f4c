import { createOutboxMailer } from '../../server/infrastructure/outbox/outbox-mailer.ts';
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
 * addresses), each recorded in `outbox_emails` by the outbox the server's e-mail goes through too.
 * Without SMTP_URL the outbox row and the error-level log line are the alert. Never throws for a
 * delivery failure: an alert must not fail the evaluation that raised it.
 */
export async function sendAlertEmail(context: OpsContext, recipients: readonly string[], email: AlertEmail, log: LevelledLog): Promise<AlertDelivery> {
  const delivery: AlertDelivery = { sent: [], unsent: [] };
  if (recipients.length === 0) return delivery;
  const db = context.db();
  const outbox = createOutboxMailer(db, context.config.smtpUrl, context.config.mailFrom);
  try {
    for (const recipient of recipients) {
      const message = { to: recipient, subject: email.subject, text: email.text };
      const id = await outbox.record(db, message);
      const result = await outbox.send(id, message);
      if (result.outcome === 'sent') {
        delivery.sent.push(recipient);
        continue;
      }
      if (result.outcome === 'failed') log.error(`alert e-mail to ${recipient} failed (${result.message}); it stays in the outbox (id ${id})`);
      delivery.unsent.push(recipient);
    }
  } finally {
    outbox.close();
  }
  if (!outbox.canSend) log.info(`alert e-mail to ${recipients.length} operator(s) kept in the outbox (SMTP_URL not set)`);
  return delivery;
}
