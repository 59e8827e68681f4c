import { sql } from 'kysely';
import type { BackupRunKind } from '../server/db/schema.ts';
import { recordAuditEvent, type AuditEventName } from '../server/infrastructure/audit-events.queries.ts';
import type { OpsContext } from './ops-context.ts';

export interface RunOutcome {
  sizeBytes?: number;
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * Runs one backup job and records it in `backup_runs` (start, end, outcome, size, message), which
 * the operations page and `ops status` read. The job's own error is rethrown after recording.
 * Recording is best effort: a restore must work even when the live database is down.
 */
export async function recordRun<T extends RunOutcome>(
  context: OpsContext,
  kind: BackupRunKind,
  trigger: 'schedule' | 'manual',
  job: () => Promise<T>,
): Promise<T> {
  const id = await context
    .db()
    .insertInto('backup_runs')
    .values({ kind, trigger })
    .returning('id')
    .executeTakeFirst()
    .then((row) => row?.id)
    .catch((error: Error) => {
      context.log(`Could not record the ${kind} run in the database (${error.message}); continuing.`);
      return undefined;
    });
  try {
    const outcome = await job();
    if (id) await finishRun(context, id, kind, 'succeeded', outcome);
    return outcome;
  } catch (error) {
    if (id) await finishRun(context, id, kind, 'failed', { message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Backups and restores also go to the security audit log (docs/product/operations-promise.md § Passwords and sessions: the audit log). */
const auditedKinds: Partial<Record<BackupRunKind, AuditEventName>> = {
  full: 'backup.full',
  diff: 'backup.diff',
  incr: 'backup.incr',
  dump: 'backup.dump',
  restore: 'restore.point_in_time',
  'restore-dump': 'restore.dump',
};

async function finishRun(context: OpsContext, id: string, kind: BackupRunKind, outcome: 'succeeded' | 'failed', result: RunOutcome): Promise<void> {
  const event = auditedKinds[kind];
  if (event) {
    await recordAuditEvent(context.db(), { event, details: { runId: id, outcome } }).catch((error: Error) =>
      context.log(`Could not write the audit event (${error.message}).`),
    );
  }
  await context
    .db()
    .updateTable('backup_runs')
    .set({
      finished_at: sql<Date>`now()`,
      outcome,
      size_bytes: result.sizeBytes ?? null,
      // Long tool output is cut: the table is for the status page, the full log is pgBackRest's.
      message: result.message?.slice(0, 4000) ?? null,
      details: JSON.stringify(result.details ?? {}),
    })
    .where('id', '=', id)
    .execute()
    .catch((error: Error) => context.log(`Could not record the end of the run (${error.message}).`));
}
