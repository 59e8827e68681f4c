import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.ts';
import { insertOutboxEmail, markOutboxEmail } from './outbox.queries.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Records the e-mail in the outbox (inside the caller's transaction) and returns its id. */
  enqueue(db: Db, email: Email): Promise<string>;
  /** Delivers an enqueued e-mail after the transaction committed; never throws. */
  deliver(id: string, email: Email): Promise<void>;
}

/**
 * E-mail goes through SMTP when SMTP_URL is set. Without it, the outbox table and the server log
 * are the delivery: an operator hands the link over (a fresh install has no mail server).
 */
export function createMailer(db: Db, smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  return {
    enqueue: (transaction, email) => insertOutboxEmail(transaction, email),
    async deliver(id, email) {
      if (!transport) {
        log.info({ outboxEmailId: id, to: email.to, subject: email.subject, text: email.text }, 'e-mail kept in outbox (SMTP not configured)');
        return;
      }
      try {
        await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
        await markOutboxEmail(db, id, null);
      } catch (error) {
        log.error({ outboxEmailId: id, err: error }, 'e-mail delivery failed; it stays in the outbox');
        await markOutboxEmail(db, id, error instanceof Error ? error.message : String(error)).catch(() => undefined);
      }
    },
  };
}
