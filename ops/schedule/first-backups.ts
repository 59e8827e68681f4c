import { sql } from 'kysely';
import type { OpsContext } from '../ops-context.ts';
import type { BackupScheduler } from './backup-scheduler.ts';
import type { JobRuntime, ScheduledJobName } from './scheduled-jobs.ts';

type FirstRunKind = 'full' | 'verify' | 'drill' | 'dump';

/**
 * The verification and the drill check the newest backup, so on a new installation they follow
 * the first full backup one after the other instead of starting beside it.
 */
const physicalChain = ['full', 'verify', 'drill'] as const satisfies readonly FirstRunKind[];

const jobNames: Record<FirstRunKind, ScheduledJobName> = { full: 'backup-full', verify: 'backup-verify', drill: 'backup-drill', dump: 'backup-dump' };
const descriptions: Record<FirstRunKind, string> = { full: 'full backup', verify: 'verification', drill: 'restore drill', dump: 'dump' };

/**
 * A new installation should not wait for the night (and look broken until then): at start, the
 * first of the full backup, verification and restore drill that has never succeeded is queued
 * (the rest follow it, queueNextFirstRun), and so is the dump. The WAL archived meanwhile is only
 * restorable once a full backup exists. Returns what will run, for the start-up log.
 */
export async function queueFirstBackupsIfMissing(context: OpsContext, scheduler: Pick<BackupScheduler, 'enqueueJob'>): Promise<string[]> {
  const missing = await findNeverSucceeded(context);
  const queued: FirstRunKind[] = [];
  if (context.cluster) {
    const first = physicalChain.findIndex((kind) => missing.has(kind));
    if (first >= 0) {
      await scheduler.enqueueJob(jobNames[physicalChain[first]!]);
      queued.push(...physicalChain.slice(first).filter((kind) => missing.has(kind)));
    }
  }
  if (missing.has('dump')) {
    await scheduler.enqueueJob(jobNames.dump);
    queued.push('dump');
  }
  return queued.map((kind) => descriptions[kind]);
}

/**
 * Called by the full backup and verification jobs when they have finished: queues the next of the
 * chain that has never succeeded, so the first drill runs minutes after the first backup, not at
 * 05:00. Never throws: a job's own outcome must not depend on queueing another.
 */
export async function queueNextFirstRun(context: OpsContext, runtime: JobRuntime, finished: 'full' | 'verify'): Promise<void> {
  try {
    const missing = await findNeverSucceeded(context);
    const next = physicalChain.slice(physicalChain.indexOf(finished) + 1).find((kind) => missing.has(kind));
    if (next && (await runtime.enqueueJob(jobNames[next])) !== null) runtime.log.info(`queued the first ${descriptions[next]}`);
  } catch (error) {
    runtime.log.error(`could not queue the first run after the ${descriptions[finished]}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function findNeverSucceeded(context: OpsContext): Promise<Set<FirstRunKind>> {
  const result = await sql<{ kind: FirstRunKind }>`
    select distinct kind from backup_runs where outcome = 'succeeded' and kind in ('full', 'verify', 'drill', 'dump')
  `.execute(context.db());
  const succeeded = new Set(result.rows.map((row) => row.kind));
  return new Set((Object.keys(jobNames) as FirstRunKind[]).filter((kind) => !succeeded.has(kind)));
}
