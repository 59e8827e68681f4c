import { z } from 'zod';
import { runAccountLifecycle, type AccountLifecycleReport } from '../../server/infrastructure/account-lifecycle/run-account-lifecycle.ts';
import { createOutboxMailer } from '../../server/infrastructure/outbox/outbox-mailer.ts';
import { OpsError, type OpsContext } from '../ops-context.ts';
import type { Command } from './command.ts';

/** The server's scheduled jobs that an operator may run at once, each returning the lines it prints and whether it all succeeded. */
const jobs: Record<string, (context: OpsContext, now: Date) => Promise<{ lines: string[]; failed: boolean }>> = {
  'account-lifecycle': runAccountLifecycleOnce,
};

const nowSchema = z.iso.datetime({ offset: true });

/**
 * `run-job <job> [--now <ISO-8601>]`: runs one of the server's scheduled jobs once, now, with
 * `--now` as its clock (to see what it would do on a later day, or to prove a timeline in tests).
 * What it did goes to stdout; exit 2 for an unknown job or a bad --now, 1 when a step failed.
 */
export const runJobCommand: Command = {
  options: { now: { type: 'string' } },
  async run(context, options, positionals) {
    const [name, ...extra] = positionals;
    const job = name === undefined ? undefined : jobs[name];
    if (!job || extra.length > 0) {
      throw new OpsError(`${name === undefined ? 'Name a job' : `Unknown job "${name}"`}: run-job <${Object.keys(jobs).join('|')}> [--now <ISO-8601>]`, 2);
    }
    const now = options.now === undefined ? new Date() : parseNow(options.now);
    const result = await job(context, now);
    process.stdout.write(result.lines.map((line) => `${line}\n`).join(''));
    return result.failed ? 1 : 0;
  },
};

function parseNow(value: string | boolean): Date {
  const parsed = nowSchema.safeParse(value);
  if (!parsed.success) throw new OpsError(`--now must be an ISO-8601 time with a time zone (e.g. 2027-06-01T12:00:00Z), not "${String(value)}"`, 2);
  return new Date(parsed.data);
}

async function runAccountLifecycleOnce(context: OpsContext, now: Date) {
  const db = context.db();
  const outbox = createOutboxMailer(db, context.config.smtpUrl, context.config.mailFrom);
  try {
    const mailer = {
      enqueue: outbox.record,
      async deliver(id: string, email: { to: string; subject: string; text: string }) {
        const delivery = await outbox.send(id, email);
        if (delivery.outcome === 'failed') context.log(`e-mail to ${email.to} failed (${delivery.message}); it stays in the outbox (id ${id})`);
      },
    };
    const report = await runAccountLifecycle(db, mailer, { retentionDays: context.config.inactiveAccountRetentionDays, now });
    if (!outbox.canSend && report.warnings.length > 0) context.log('the warnings are kept in the outbox (SMTP_URL not set)');
    return { lines: formatAccountLifecycleReport(report, now), failed: report.failures.length > 0 };
  } finally {
    outbox.close();
  }
}

/** One line per warning, deletion and failure, then the counts. */
export function formatAccountLifecycleReport(report: AccountLifecycleReport, now: Date): string[] {
  return [
    ...report.warnings.map(
      (warning) =>
        `warned ${warning.recipients.length === 0 ? 'no one (the manager account has no admin)' : warning.recipients.join(', ')}: customer ${JSON.stringify(warning.customerName)} (${warning.customerId}) of account ${warning.managerId} is deleted at ${warning.deletesAt.toISOString()} (${warning.daysBefore}-day warning)`,
    ),
    ...report.deletions.map(
      (deletion) => `deleted customer ${JSON.stringify(deletion.customerName)} (${deletion.customerId}) of account ${deletion.managerId}`,
    ),
    ...report.failures.map(
      (failure) => `FAILED for customer ${failure.customerId}: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`,
    ),
    `account-lifecycle at ${now.toISOString()}: ${report.warnings.length} warning(s), ${report.deletions.length} deletion(s), ${report.failures.length} failure(s)`,
  ];
}
