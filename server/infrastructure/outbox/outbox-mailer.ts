import nodemailer from 'nodemailer';
import type { Db } from '../../db/database.ts';
import { insertOutboxEmail, markOutboxEmailFailed, markOutboxEmailSent } from './outbox-emails.queries.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** What became of one recorded e-mail. */
export type OutboxDelivery =
  | { outcome: 'sent' }
  /** No SMTP_URL: the outbox row is the delivery (an operator reads it, or the caller's log line). */
  | { outcome: 'not-configured' }
  /** The row keeps `message` as its last_error. */
  | { outcome: 'failed'; error: unknown; message: string };

export interface OutboxMailer {
  /** False without SMTP_URL. */
  readonly canSend: boolean;
  /** Records the e-mail in `outbox_emails` (inside the caller's transaction, when it has one) and returns its id. */
  record(db: Db, email: Email): Promise<string>;
  /** Sends a recorded e-mail and marks its row sent, or keeps the error on the row. Never throws. */
  send(id: string, email: Email): Promise<OutboxDelivery>;
  /** Closes the SMTP transport (a short-lived ops run); the server keeps its mailer for its lifetime. */
  close(): void;
}

/**
 * Every e-mail, the server's invitations and ops's backup alerts alike, is first a row in
 * `outbox_emails`, then goes through SMTP (nodemailer, which verifies the server's certificate)
 * when SMTP_URL is set. The row says whether it was sent and, if not, why: nothing is lost to a mail
 * server that is down, and a fresh installation without one still works. `db` marks rows after
 * sending, outside the transaction that recorded them.
 */
export function createOutboxMailer(db: Db, smtpUrl: string | undefined, from: string): OutboxMailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  return {
    canSend: transport !== undefined,
    record: insertOutboxEmail,
    async send(id, email) {
      if (!transport) return { outcome: 'not-configured' };
      try {
        await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
        await markOutboxEmailSent(db, id);
        return { outcome: 'sent' };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await markOutboxEmailFailed(db, id, message).catch(() => undefined);
        return { outcome: 'failed', error, message };
      }
    },
    close() {
      transport?.close();
    },
  };
}
