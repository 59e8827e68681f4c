import type { BackupCheckCode } from '../../shared/schemas/operations.ts';
import { evaluateAlerts } from '../alerts/evaluate-alerts.ts';
import type { LevelledLog } from '../alerts/levelled-log.ts';
import { expireDumps } from '../dumps/expire-dumps.ts';
import { takeDump } from '../dumps/take-dump.ts';
import type { OpsContext } from '../ops-context.ts';
import { checkArchiving, refreshRepositoryState, takeBackup, verifyRepository } from '../physical-backups.ts';
import { runRestoreDrill } from '../restore-drill.ts';
import { queueNextFirstRun } from './first-backups.ts';

export const scheduledJobNames = ['backup-full', 'backup-diff', 'backup-dump', 'backup-check', 'backup-verify', 'backup-drill', 'backup-alerts'] as const;
export type ScheduledJobName = (typeof scheduledJobNames)[number];

/** What a job may use besides the context; the scheduler provides it. */
export interface JobRuntime {
  log: LevelledLog;
  now(): Date;
  /** The checks failing at the newest alert evaluation (any instance), or undefined. */
  readAlertState(): Promise<readonly BackupCheckCode[] | undefined>;
  /**
   * Called by the alert job with its result; returns the time recorded with it, which goes into
   * the job's output so the newest state wins whichever instance wrote it.
   */
  rememberAlertState(failing: readonly BackupCheckCode[]): string;
  /** Logged once per distinct failure of the repository refresh, not every five minutes. */
  reportRefreshFailure(message: string | undefined): void;
  /** Queues a run for whichever instance's worker takes it first; null when one is already queued. */
  enqueueJob(name: ScheduledJobName): Promise<string | null>;
}

/** Stored by pg-boss as the job's output; the alert job's `failing` is the shared alert state. */
export type JobOutput = Record<string, unknown>;

export interface ScheduledJob {
  name: ScheduledJobName;
  /** Cron expression in UTC (minute hour day month weekday). */
  cron: string;
  /** Runs pgBackRest against the managed cluster; not scheduled with DATABASE_URL (the provider's job). */
  needsManagedCluster: boolean;
  /**
   * pg-boss gives up on (fails) a run after this long; the limit is under pg-boss's 24 h and
   * leaves a 1 GB backup or restore plenty of room on slow storage.
   */
  expireInSeconds: number;
  /** A failed run is tried again once after retryDelaySeconds, then waits for its next slot. */
  retryLimit: number;
  retryDelaySeconds: number;
  run(context: OpsContext, runtime: JobRuntime): Promise<JobOutput>;
}

const hour = 3600;

/**
 * The backup schedule (docs/product/operations-promise.md § Durability), all times UTC. The daily
 * jobs are spread so they do not compete: full backup, then the dump, then verification, then the
 * restore drill of the fresh backup. Differentials keep the daily restore short; `check` proves
 * archiving hourly. On a new installation the first of each runs right after the first start
 * (first-backups.ts).
 */
export const scheduledJobs: readonly ScheduledJob[] = [
  {
    name: 'backup-full',
    cron: '0 2 * * *',
    needsManagedCluster: true,
    expireInSeconds: 2 * hour,
    retryLimit: 1,
    retryDelaySeconds: 600,
    run: async (context, runtime) => {
      const backup = await takeBackup(context, 'full', 'schedule');
      await queueNextFirstRun(context, runtime, 'full');
      return summary(backup);
    },
  },
  {
    name: 'backup-diff',
    cron: '0 8,14,20 * * *',
    needsManagedCluster: true,
    expireInSeconds: 2 * hour,
    retryLimit: 1,
    retryDelaySeconds: 600,
    run: async (context) => summary(await takeBackup(context, 'diff', 'schedule')),
  },
  {
    name: 'backup-dump',
    cron: '0 3 * * *',
    needsManagedCluster: false,
    expireInSeconds: 2 * hour,
    retryLimit: 1,
    retryDelaySeconds: 600,
    // Expiry only after a good dump: while dumps fail, the older good ones are all kept.
    run: async (context, runtime) => {
      const dump = await takeDump(context, 'schedule');
      const expired = await expireDumps(context, 'schedule', runtime.now());
      return { key: dump.key, sizeBytes: dump.sizeBytes, deleted: expired.deleted.length };
    },
  },
  {
    name: 'backup-check',
    cron: '15 * * * *',
    needsManagedCluster: true,
    expireInSeconds: 900,
    retryLimit: 0,
    retryDelaySeconds: 0,
    run: async (context) => summary(await checkArchiving(context, 'schedule')),
  },
  {
    name: 'backup-verify',
    cron: '0 4 * * *',
    needsManagedCluster: true,
    expireInSeconds: 2 * hour,
    retryLimit: 1,
    retryDelaySeconds: 600,
    run: async (context, runtime) => {
      try {
        return summary(await verifyRepository(context, 'schedule'));
      } finally {
        // Whatever the verification found, the drill shows whether the backup restores.
        await queueNextFirstRun(context, runtime, 'verify');
      }
    },
  },
  {
    name: 'backup-drill',
    cron: '0 5 * * *',
    needsManagedCluster: true,
    expireInSeconds: 2 * hour,
    retryLimit: 1,
    retryDelaySeconds: 600,
    run: async (context) => summary(await runRestoreDrill(context, 'schedule')),
  },
  {
    name: 'backup-alerts',
    cron: '*/5 * * * *',
    needsManagedCluster: false,
    // Shorter than the interval, and not retried: the next evaluation is five minutes away.
    expireInSeconds: 240,
    retryLimit: 0,
    retryDelaySeconds: 0,
    run: async (context, runtime) => {
      // The recovery window the checks judge is what pgBackRest reported last; keep it current.
      if (context.cluster) {
        await refreshRepositoryState(context).then(
          () => runtime.reportRefreshFailure(undefined),
          (error: unknown) => runtime.reportRefreshFailure(error instanceof Error ? error.message : String(error)),
        );
      }
      const evaluation = await evaluateAlerts(context, {
        previouslyFailing: await runtime.readAlertState(),
        log: runtime.log,
        now: runtime.now(),
      });
      const recordedAt = runtime.rememberAlertState(evaluation.failing);
      return { failing: evaluation.failing, recordedAt, newlyFailing: evaluation.newlyFailing, emailed: evaluation.delivery.sent.length };
    },
  },
];

function summary(outcome: { message?: string }): JobOutput {
  return { message: outcome.message ?? null };
}

/** The jobs this installation runs, with the cron expressions overridden where asked. */
export function planSchedule(options: { isManagedCluster: boolean; cron?: Partial<Record<ScheduledJobName, string>> }): ScheduledJob[] {
  return scheduledJobs
    .filter((job) => options.isManagedCluster || !job.needsManagedCluster)
    .map((job) => ({ ...job, cron: options.cron?.[job.name] ?? job.cron }));
}
