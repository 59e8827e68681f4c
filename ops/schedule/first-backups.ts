import { sql } from 'kysely';
import type { OpsContext } from '../ops-context.ts';
import type { BackupScheduler } from './backup-scheduler.ts';

/**
 * A new installation should not wait for the night (and raise every alert until then): when no
 * full backup or no dump has ever succeeded, one is queued right away. The WAL archived meanwhile
 * is only restorable once a full backup exists.
 */
export async function queueFirstBackupsIfMissing(context: OpsContext, scheduler: BackupScheduler): Promise<string[]> {
  const result = await sql<{ kind: string }>`
    select distinct kind from backup_runs where outcome = 'succeeded' and kind in ('full', 'dump')
  `.execute(context.db());
  const done = new Set(result.rows.map((row) => row.kind));
  const queued: string[] = [];
  if (context.cluster && !done.has('full')) {
    await scheduler.enqueueJob('backup-full');
    queued.push('full backup');
  }
  if (!done.has('dump')) {
    await scheduler.enqueueJob('backup-dump');
    queued.push('dump');
  }
  return queued;
}
