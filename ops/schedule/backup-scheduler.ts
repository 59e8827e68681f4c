import { PgBoss, type ConstructorOptions, type UpdateQueueOptions } from 'pg-boss';
import { parseConnectionOptions } from '../../server/db/connection-options.ts';
import { backupCheckCodeSchema, type BackupCheckCode } from '../../shared/schemas/operations.ts';
import { defaultLevelledLog, type LevelledLog } from '../alerts/levelled-log.ts';
import { OpsError, type OpsContext } from '../ops-context.ts';
import { dropUnmigratableSchedulerSchema } from './drop-unmigratable-scheduler-schema.ts';
import { planSchedule, scheduledJobNames, type JobOutput, type JobRuntime, type ScheduledJob, type ScheduledJobName } from './scheduled-jobs.ts';

/** pg-boss keeps its queues, schedules and jobs in this schema of the app database. */
export const schedulerSchema = 'pgboss';

export interface BackupSchedulerOptions {
  /** Cron expressions (UTC) replacing the defaults of scheduled-jobs.ts. */
  cron?: Partial<Record<ScheduledJobName, string>>;
  /** The clock the jobs judge by (alert evaluation, dump expiry); pg-boss's cron uses the database's. */
  now?: () => Date;
  /** Defaults to the context's log for info and stderr for errors. */
  log?: LevelledLog;
  /** How often an idle worker asks for a job (seconds); the jobs are hourly or daily, so 10 s is plenty. */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running jobs before pg-boss marks them failed (ms). */
  stopTimeoutMs?: number;
}

export interface BackupScheduler {
  /** The jobs this installation runs and their cron expressions (UTC). */
  readonly schedule: readonly { name: ScheduledJobName; cron: string }[];
  /** Runs a job's work now in this process, as its worker would (errors are logged and rethrown). */
  runScheduledJob(name: ScheduledJobName): Promise<JobOutput>;
  /** Queues a run for whichever instance's worker takes it first; null when one is already queued. */
  enqueueJob(name: ScheduledJobName): Promise<string | null>;
  /** Stops taking jobs, waits up to stopTimeoutMs for running ones, and closes the connections. */
  stop(): Promise<void>;
}

/**
 * Runs the backup schedule inside the application through pg-boss on the app database: each job is
 * a queue with a cron schedule and a worker in every instance. pg-boss's cron fires once per slot
 * across instances, and the `stately` queue policy allows one queued and one running job per queue,
 * so a slow backup never piles up runs and no two instances run the same job at once. Each job
 * records itself in backup_runs (recordRun); a failure is logged at error level and never crashes
 * the process. With DATABASE_URL only the dump and the alert evaluation are scheduled.
 */
export async function startBackupScheduler(context: OpsContext, options: BackupSchedulerOptions = {}): Promise<BackupScheduler> {
  const log = options.log ?? defaultLevelledLog(context.log);
  const now = options.now ?? (() => new Date());
  const plan = planSchedule({ isManagedCluster: context.cluster !== undefined, cron: options.cron });
  const connection = parseConnectionOptions(context.databaseUrl, context.databaseCaFile).pool;
  const bossOptions: ConstructorOptions = {
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: typeof connection.password === 'string' ? connection.password : undefined,
    database: connection.database,
    ssl: connection.ssl,
    schema: schedulerSchema,
    application_name: 'kvarter-scheduler',
    max: 4,
    connectionTimeoutMillis: 10_000,
  };
  if (await dropUnmigratableSchedulerSchema(context.db(), schedulerSchema)) {
    log.info(
      `backup scheduler: replaced the job schema "${schedulerSchema}" of pg-boss 10, which pg-boss 12 cannot migrate; the schedules are registered anew`,
    );
  }
  const boss = new PgBoss(bossOptions);
  // Without a listener an 'error' event (a dropped connection, a failed poll) would crash the process.
  boss.on('error', (error) => log.error(`backup scheduler: ${error.message}`));

  const findJob = (name: ScheduledJobName): ScheduledJob => {
    const job = plan.find((candidate) => candidate.name === name);
    if (!job) throw new OpsError(`${name} is not scheduled on this installation (it needs the managed cluster; DATABASE_URL is set).`);
    return job;
  };
  const enqueueJob = async (name: ScheduledJobName) => boss.send(findJob(name).name, {});
  const runtime = createJobRuntime(boss, log, now, enqueueJob);
  const runJob = async (job: ScheduledJob, retry?: { count: number; limit: number }): Promise<JobOutput> => {
    const startedAt = Date.now();
    try {
      const output = await job.run(context, runtime);
      // The alert evaluation runs every five minutes; its news is its own log lines.
      if (job.name !== 'backup-alerts') log.info(`scheduled ${job.name} finished in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      return output;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const next = retry && retry.count < retry.limit ? `; retrying in ${Math.round(job.retryDelaySeconds / 60)} min` : '';
      log.error(`scheduled ${job.name} failed: ${message}${next}`);
      throw error;
    }
  };

  await boss.start();
  try {
    for (const job of plan) {
      const settings = { retryLimit: job.retryLimit, retryDelay: job.retryDelaySeconds, expireInSeconds: job.expireInSeconds } satisfies UpdateQueueOptions;
      // createQueue keeps an existing queue as it is; updateQueue applies changed settings (a
      // queue's policy is fixed at creation).
      await boss.createQueue(job.name, { policy: 'stately', ...settings });
      await boss.updateQueue(job.name, settings);
      await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
    // An installation that moved to DATABASE_URL must stop scheduling pgBackRest jobs.
    for (const name of scheduledJobNames) {
      if (!plan.some((job) => job.name === name)) await boss.unschedule(name);
    }
    for (const job of plan) {
      await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10, includeMetadata: true }, async ([queued]) =>
        runJob(job, queued && { count: queued.retryCount, limit: queued.retryLimit }),
      );
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }

  return {
    schedule: plan.map(({ name, cron }) => ({ name, cron })),
    runScheduledJob: async (name) => runJob(findJob(name)),
    enqueueJob,
    stop: () => boss.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 20_000 }),
  };
}

/** `backup-full 0 2 * * *, backup-diff 0 8,14,20 * * *, …` for the start-up line. */
export function describeSchedule(schedule: BackupScheduler['schedule']): string {
  return `${schedule.map(({ name, cron }) => `${name} ${cron}`).join(', ')} (UTC)`;
}

/**
 * The runtime the jobs share. The alert state (which checks failed at the newest evaluation) is
 * the output of the newest completed `backup-alerts` job in pg-boss, so it survives restarts and is
 * shared by every instance, whichever takes the job; a run made in this process directly
 * (runScheduledJob) is remembered in memory too, and the newer of the two wins.
 */
function createJobRuntime(boss: PgBoss, log: LevelledLog, now: () => Date, enqueueJob: JobRuntime['enqueueJob']): JobRuntime {
  let remembered: { failing: BackupCheckCode[]; recordedAt: string } | undefined;
  let lastRefreshFailure: string | undefined;
  return {
    log,
    now,
    enqueueJob,
    async readAlertState() {
      const persisted = await readStoredAlertState(boss);
      const newest = [remembered, persisted]
        .filter((state): state is NonNullable<typeof state> => state !== undefined)
        .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt))[0];
      return newest?.failing;
    },
    rememberAlertState(failing) {
      remembered = { failing: [...failing], recordedAt: new Date().toISOString() };
      return remembered.recordedAt;
    },
    reportRefreshFailure(message) {
      if (message !== undefined && message !== lastRefreshFailure) log.error(`could not read the pgBackRest repository state: ${message}`);
      if (message === undefined && lastRefreshFailure !== undefined) log.info('the pgBackRest repository state is readable again');
      lastRefreshFailure = message;
    },
  };
}

async function readStoredAlertState(boss: PgBoss): Promise<{ failing: BackupCheckCode[]; recordedAt: string } | undefined> {
  // An evaluation older than 12 hours is no state worth keeping quiet for: after such a downtime a
  // check that still fails alerts once more (pg-boss keeps completed jobs for 7 days).
  const result = await boss.getDb().executeSql(
    `select output from ${schedulerSchema}.job
       where name = $1 and state = 'completed' and output->>'recordedAt' is not null
         and completed_on > now() - interval '12 hours'
       order by completed_on desc limit 1`,
    ['backup-alerts'],
  );
  const output = result?.rows[0]?.output as { failing?: unknown; recordedAt?: unknown } | undefined;
  if (!output || !Array.isArray(output.failing) || typeof output.recordedAt !== 'string') return undefined;
  const failing = output.failing.flatMap((code) => {
    const parsed = backupCheckCodeSchema.safeParse(code);
    return parsed.success ? [parsed.data] : [];
  });
  return { failing, recordedAt: output.recordedAt };
}
