import { readBackupStatus } from '../../server/infrastructure/backup-status/backup-status.ts';
import { listOperatorEmails } from '../../server/infrastructure/operators/operators.queries.ts';
import type { BackupCheckCode, BackupCheckState } from '../../shared/schemas/operations.ts';
import type { OpsContext } from '../ops-context.ts';
import { sendAlertEmail, type AlertDelivery } from './alert-mailer.ts';
import { formatAlertEmail, formatAlertLine } from './alert-messages.ts';
import type { LevelledLog } from './levelled-log.ts';

export interface AlertEvaluationOptions {
  /**
   * The checks that failed at the previous evaluation; undefined when there was none, so every
   * failing check alerts. The caller keeps this state (the scheduler keeps it in pg-boss: ops/schedule/backup-scheduler.ts).
   */
  previouslyFailing: readonly BackupCheckCode[] | undefined;
  log: LevelledLog;
  now?: Date;
}

export interface AlertEvaluation {
  overall: BackupCheckState;
  /** Every failing check now: the state to pass as `previouslyFailing` next time. */
  failing: BackupCheckCode[];
  /** Failing now, fine (or not judged) last time: these alerted. */
  newlyFailing: BackupCheckCode[];
  /** Failing last time, fine now. */
  recovered: BackupCheckCode[];
  /** Operators e-mailed about newlyFailing (empty when nothing newly failed). */
  delivery: AlertDelivery;
}

/**
 * Alerting of docs/product/operations-promise.md § Durability: reads the backup status the
 * operations page shows, and for each check that has just started failing logs one error-level line
 * and e-mails every operator once; a pending check (a new installation's first runs under way) is
 * not failing and raises nothing. A check that keeps failing does not alert again until it has
 * been fine in between, so a broken backup gives one message, not one every five minutes.
 */
export async function evaluateAlerts(context: OpsContext, options: AlertEvaluationOptions): Promise<AlertEvaluation> {
  const status = await readBackupStatus(context.db(), {
    isManagedCluster: context.cluster !== undefined,
    pitrWindowDays: context.config.backup.pitrWindowDays,
    haExpectedReplicas: context.config.haExpectedReplicas,
    now: options.now,
  });
  const previous = new Set(options.previouslyFailing ?? []);
  // A pending check has not had its first chance to run: nothing to alert about yet.
  const failingChecks = status.checks.filter((check) => check.state === 'failing');
  const failing = failingChecks.map((check) => check.code);
  const newlyFailing = failingChecks.filter((check) => !previous.has(check.code));
  const recovered = [...previous].filter((code) => !failing.includes(code));

  for (const check of newlyFailing) options.log.error(formatAlertLine(check.code, check.observedAt));
  for (const code of recovered) options.log.info(`alert resolved: ${code}`);

  let delivery: AlertDelivery = { sent: [], unsent: [] };
  if (newlyFailing.length > 0) {
    const operators = await listOperatorEmails(context.db());
    if (operators.length === 0) options.log.error('no operator to e-mail the alert to: name one with `npm run ops -- grant-operator <email>`');
    const email = formatAlertEmail(
      newlyFailing.map((check) => check.code),
      context.config.publicUrl,
    );
    delivery = await sendAlertEmail(context, operators, email, options.log);
  }
  return { overall: status.overall, failing, newlyFailing: newlyFailing.map((check) => check.code), recovered, delivery };
}
