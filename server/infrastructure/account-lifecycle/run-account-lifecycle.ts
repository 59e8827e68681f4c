import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import { recordAuditEvent } from '../audit-events.queries.ts';
import type { Email } from '../outbox/outbox-mailer.ts';
import {
  deleteAccount,
  listAdminEmails,
  listCustomersNearDeletion,
  lockInactiveCustomer,
  recordDeletionWarning,
  type InactiveCustomer,
} from './account-lifecycle.queries.ts';
import { deletionWarningEmail } from './deletion-warning-email.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Days before the deletion date that the manager's admins are warned, farthest first. */
export const warningDaysBefore = [30, 7] as const;

/** The server's mailer (features/mail) and ops's outbox both fit: record inside the transaction, deliver after it. */
export interface LifecycleMailer {
  enqueue(db: Db, email: Email): Promise<string>;
  deliver(id: string, email: Email): Promise<void>;
}

export interface DeletionWarning {
  customerId: AccountId;
  customerName: string;
  managerId: AccountId;
  deletesAt: Date;
  daysBefore: (typeof warningDaysBefore)[number];
  recipients: string[];
}

export interface CustomerDeletion {
  customerId: AccountId;
  customerName: string;
  managerId: AccountId;
}

export interface AccountLifecycleReport {
  warnings: DeletionWarning[];
  deletions: CustomerDeletion[];
  /** Customers whose step failed; the others were still done, and the next run tries these again. */
  failures: Array<{ customerId: AccountId; error: unknown }>;
}

/**
 * The account-lifecycle job (docs/decisions/0042-account-lifecycle.md): a customer account inactive
 * for `retentionDays` at `now` is deleted with everything it holds, one transaction per account,
 * with an audit event on its manager account; before that, the manager's admins get one warning 30
 * and one 7 days before the date (a late run sends only the nearest warning due, never one for a
 * date already passed). Idempotent, and safe when several instances run it at once: each account
 * is locked while it is handled, and what was done is recorded in the same transaction.
 */
export async function runAccountLifecycle(db: Db, mailer: LifecycleMailer, settings: { retentionDays: number; now: Date }): Promise<AccountLifecycleReport> {
  const { retentionDays, now } = settings;
  const report: AccountLifecycleReport = { warnings: [], deletions: [], failures: [] };
  for (const customerId of await listCustomersNearDeletion(db, retentionDays, now, warningDaysBefore[0])) {
    try {
      const outcome = await db.transaction().execute(async (transaction) => {
        const customer = await lockInactiveCustomer(transaction, customerId, retentionDays, now);
        if (!customer) return undefined;
        const { name: customerName, managerId, deletesAt } = customer;
        if (deletesAt <= now) {
          await deleteAccount(transaction, customerId);
          await recordAuditEvent(transaction, { event: 'customer.deleted', accountId: managerId, details: { customerId, customerName, deletesAt } });
          return { deletion: { customerId, customerName, managerId } };
        }
        const daysBefore = dueWarning(deletesAt, now);
        if (daysBefore === undefined || wasWarned(customer, daysBefore)) return undefined;
        const recipients = await listAdminEmails(transaction, managerId);
        const daysLeft = Math.ceil((deletesAt.getTime() - now.getTime()) / dayMs);
        const emails = recipients.map((to) => deletionWarningEmail({ to, customerName, deletesAt, daysLeft }));
        const outbox = [];
        for (const email of emails) outbox.push({ id: await mailer.enqueue(transaction, email), email });
        await recordDeletionWarning(transaction, customerId, deletesAt, daysBefore);
        return { warning: { customerId, customerName, managerId, deletesAt, daysBefore, recipients }, outbox };
      });
      if (outcome?.deletion) report.deletions.push(outcome.deletion);
      if (outcome?.warning) {
        report.warnings.push(outcome.warning);
        for (const { id, email } of outcome.outbox) await mailer.deliver(id, email);
      }
    } catch (error) {
      report.failures.push({ customerId, error });
    }
  }
  return report;
}

/** The nearest warning due `deletesAt - now` before the deletion, if any. */
function dueWarning(deletesAt: Date, now: Date): DeletionWarning['daysBefore'] | undefined {
  const left = deletesAt.getTime() - now.getTime();
  return [...warningDaysBefore].reverse().find((days) => left <= days * dayMs);
}

/** A warning counts only for the date it announced: a new date (reactivated, trial extended, retention changed) is warned again. */
function wasWarned(customer: InactiveCustomer, daysBefore: number): boolean {
  return customer.warnedFor?.getTime() === customer.deletesAt.getTime() && (customer.warnedDaysBefore ?? Infinity) <= daysBefore;
}
