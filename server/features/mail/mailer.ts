import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.ts';
import { createOutboxMailer, type Email } from '../../infrastructure/outbox/outbox-mailer.ts';

export interface Mailer {
  /** Records the e-mail in the outbox (inside the caller's transaction) and returns its id. */
  enqueue(db: Db, email: Email): Promise<string>;
  /** Delivers an enqueued e-mail after the transaction committed; never throws. */
  deliver(id: string, email: Email): Promise<void>;
}

/**
 * The server's e-mail: the shared outbox, and the server log. Without SMTP_URL the outbox table and
 * the log line are the delivery: an operator hands the link over (a fresh install has no mail server).
 */
export function createMailer(db: Db, smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer {
  const outbox = createOutboxMailer(db, smtpUrl, from);
  return {
    enqueue: (transaction, email) => outbox.record(transaction, email),
    async deliver(id, email) {
      const delivery = await outbox.send(id, email);
      if (delivery.outcome === 'not-configured') {
        log.info({ outboxEmailId: id, to: email.to, subject: email.subject, text: email.text }, 'e-mail kept in outbox (SMTP not configured)');
      } else if (delivery.outcome === 'failed') {
        log.error({ outboxEmailId: id, err: delivery.error }, 'e-mail delivery failed; it stays in the outbox');
      }
    },
  };
}
