import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { setInstalledAt } from '../../server/test-support/installed-at.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test-support/test-database.ts';
import type { LevelledLog } from '../alerts/levelled-log.ts';
import type { LocalClusterLayout } from '../local-cluster.ts';
import { createOpsContext, OpsError, type OpsContext } from '../ops-context.ts';
import { describeSchedule, startBackupScheduler, type BackupScheduler, type BackupSchedulerOptions } from './backup-scheduler.ts';
import { queueFirstBackupsIfMissing } from './first-backups.ts';
import { planSchedule, scheduledJobNames, type ScheduledJobName } from './scheduled-jobs.ts';

/** Cron expressions that do not fire while the tests run (Jan 1st, 00:00 UTC), so only the tests start jobs. */
const quietCron = Object.fromEntries(scheduledJobNames.map((name) => [name, '0 0 1 1 *'])) as Record<ScheduledJobName, string>;

interface LogLine {
  level: 'info' | 'error';
  message: string;
}

function captureLog(): { lines: LogLine[]; log: LevelledLog } {
  const lines: LogLine[] = [];
  return {
    lines,
    log: { info: (message) => void lines.push({ level: 'info', message }), error: (message) => void lines.push({ level: 'error', message }) },
  };
}

interface Installation {
  database: TestDatabase;
  dataDir: string;
  contexts: OpsContext[];
  schedulers: BackupScheduler[];
  /** An OpsContext as a (further) app instance would make it from the same environment. */
  newContext(environment?: Record<string, string>): Promise<OpsContext>;
  start(context: OpsContext, options?: BackupSchedulerOptions): Promise<BackupScheduler>;
  close(): Promise<void>;
}

/**
 * A fresh database and data directory: one installation with DATABASE_URL, as the tests run it,
 * set up `installedMsAgo` (a month by default: its first runs are long due).
 */
async function createInstallation(installedMsAgo = 30 * 24 * 3_600_000): Promise<Installation> {
  const database = await createTestDatabase();
  await setInstalledAt(database.db, new Date(Date.now() - installedMsAgo));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-scheduler-'));
  const installation: Installation = {
    database,
    dataDir,
    contexts: [],
    schedulers: [],
    async newContext(environment = {}) {
      const config = loadConfig({
        KVARTER_DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        DATABASE_CA_FILE: database.caFile,
        BACKUP_ENCRYPTION_PASSPHRASE: 'x'.repeat(24),
        ...environment,
      });
      const context = await createOpsContext(config, () => undefined);
      installation.contexts.push(context);
      return context;
    },
    async start(context, options = {}) {
      const scheduler = await startBackupScheduler(context, { cron: quietCron, pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000, ...options });
      installation.schedulers.push(scheduler);
      return scheduler;
    },
    async close() {
      for (const scheduler of installation.schedulers.splice(0)) await scheduler.stop();
      for (const context of installation.contexts.splice(0)) await context.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return installation;
}

/** Waits until pg-boss has moved the job into one of the states. */
async function waitForJob(database: TestDatabase, id: string, states: string[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ state: string; retry_count: number; output: unknown }>`
      select state, retry_count, output from pgboss.job where id = ${id}
    `.execute(database.db);
    const row = rows[0];
    if (row && states.includes(row.state)) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${row?.state ?? 'missing'}, not ${states.join('/')}`);
    await sleep(100);
  }
}

async function countRuns(database: TestDatabase, kind: string, outcome?: string): Promise<number> {
  let query = database.db
    .selectFrom('backup_runs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('kind', '=', kind as never);
  if (outcome) query = query.where('outcome', '=', outcome as never);
  return (await query.executeTakeFirstOrThrow()).count;
}

describe('planSchedule', () => {
  it('runs every backup job on the managed cluster, at the documented times (UTC)', () => {
    expect(planSchedule({ isManagedCluster: true }).map(({ name, cron }) => [name, cron])).toEqual([
      ['backup-full', '0 2 * * *'],
      ['backup-diff', '0 8,14,20 * * *'],
      ['backup-dump', '0 3 * * *'],
      ['backup-check', '15 * * * *'],
      ['backup-verify', '0 4 * * *'],
      ['backup-drill', '0 5 * * *'],
      ['backup-alerts', '*/5 * * * *'],
    ]);
  });

  it('runs only the dump and the alerts with DATABASE_URL, and takes cron overrides', () => {
    const plan = planSchedule({ isManagedCluster: false, cron: { 'backup-dump': '30 1 * * *' } });
    expect(plan.map(({ name, cron }) => [name, cron])).toEqual([
      ['backup-dump', '30 1 * * *'],
      ['backup-alerts', '*/5 * * * *'],
    ]);
  });

  it('keeps every run shorter than a day and retries at most once', () => {
    for (const job of planSchedule({ isManagedCluster: true })) {
      expect(job.expireInSeconds).toBeLessThan(24 * 3600);
      expect(job.retryLimit).toBeLessThanOrEqual(1);
    }
    expect(planSchedule({ isManagedCluster: true }).find((job) => job.name === 'backup-full')!.expireInSeconds).toBeGreaterThanOrEqual(2 * 3600);
  });
});

describe('startBackupScheduler', () => {
  let installation: Installation;
  beforeAll(async () => {
    installation = await createInstallation();
  });
  afterAll(async () => {
    await installation?.close();
  });
  afterEach(async () => {
    for (const scheduler of installation.schedulers.splice(0)) await scheduler.stop();
  });

  async function registeredSchedules() {
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`select name, cron, timezone from pgboss.schedule order by name`.execute(
      installation.database.db,
    );
    return rows;
  }

  it('replaces a pg-boss 10 schema, which pg-boss 12 cannot migrate, and registers the schedules anew', async () => {
    // What pg-boss 10 leaves behind, as far as pg-boss reads it: schema version 24.
    const { db } = installation.database;
    await sql`create schema pgboss`.execute(db);
    await sql`create table pgboss.version (version int primary key, maintained_on timestamptz, cron_on timestamptz)`.execute(db);
    await sql`insert into pgboss.version (version) values (24)`.execute(db);
    const captured = captureLog();
    await installation.start(await installation.newContext(), { log: captured.log });
    expect(captured.lines).toContainEqual({
      level: 'info',
      message: expect.stringMatching(/^backup scheduler: replaced the job schema "pgboss" of pg-boss 10/),
    });
    const { rows } = await sql<{ version: number }>`select version from pgboss.version`.execute(db);
    expect(rows[0]!.version).toBeGreaterThan(24);
    expect((await registeredSchedules()).map((schedule) => schedule.name)).toEqual(['backup-alerts', 'backup-dump']);

    // A second start finds the new schema and leaves it alone.
    for (const scheduler of installation.schedulers.splice(0)) await scheduler.stop();
    const again = captureLog();
    await installation.start(await installation.newContext(), { log: again.log });
    expect(again.lines.filter((line) => line.message.includes('replaced the job schema'))).toEqual([]);
  });

  it('registers every job of the managed cluster as a stately queue with a UTC schedule', async () => {
    const context = await installation.newContext();
    // Only whether a managed cluster exists decides the plan; starting the scheduler runs no job.
    const managed: OpsContext = { ...context, cluster: { dataDir: installation.dataDir } as unknown as LocalClusterLayout };
    const cron = { ...quietCron, 'backup-full': '0 0 1 1 *', 'backup-alerts': '0 0 2 1 *' };
    const scheduler = await installation.start(managed, { cron });
    expect(scheduler.schedule.map((job) => job.name)).toEqual([...scheduledJobNames]);
    expect(await registeredSchedules()).toEqual([...scheduledJobNames].sort().map((name) => ({ name, cron: cron[name], timezone: 'UTC' })));
    const { rows: queues } = await sql<{ name: string; policy: string; retry_limit: number; expire_seconds: number }>`
      select name, policy, retry_limit, expire_seconds from pgboss.queue where name like 'backup-%' order by name
    `.execute(installation.database.db);
    expect(queues.map((queue) => queue.name)).toEqual([...scheduledJobNames].sort());
    for (const queue of queues) {
      expect(queue.policy).toBe('stately');
      expect(queue.retry_limit).toBeLessThanOrEqual(1);
    }
    expect(queues.find((queue) => queue.name === 'backup-full')!.expire_seconds).toBe(7200);
  });

  it('with DATABASE_URL registers exactly the dump and the alerts at their default times, dropping the pgBackRest schedules', async () => {
    const context = await installation.newContext();
    const scheduler = await startBackupScheduler(context, { log: captureLog().log, pollingIntervalSeconds: 0.5 });
    installation.schedulers.push(scheduler);
    expect(await registeredSchedules()).toEqual([
      { name: 'backup-alerts', cron: '*/5 * * * *', timezone: 'UTC' },
      { name: 'backup-dump', cron: '0 3 * * *', timezone: 'UTC' },
    ]);
    expect(describeSchedule(scheduler.schedule)).toBe('backup-dump 0 3 * * *, backup-alerts */5 * * * * (UTC)');
    await expect(scheduler.runScheduledJob('backup-full')).rejects.toThrow(OpsError);
  });
});

describe('scheduled jobs', () => {
  let installation: Installation;
  beforeAll(async () => {
    installation = await createInstallation();
  });
  afterAll(async () => {
    await installation?.close();
  });

  it('alerts once across instances: the state of the newest evaluation is shared through pg-boss', async () => {
    const first = captureLog();
    const second = captureLog();
    const instanceA = await installation.start(await installation.newContext(), { log: first.log });
    const instanceB = await installation.start(await installation.newContext(), { log: second.log });

    // No dump yet: the dump check fails. Whichever worker takes the queued evaluation alerts once.
    const id = await instanceA.enqueueJob('backup-alerts');
    expect(id).toBeTypeOf('string');
    const job = await waitForJob(installation.database, id!, ['completed']);
    expect(job.output).toMatchObject({ failing: ['dump_fresh'], newlyFailing: ['dump_fresh'] });
    const alertLines = [...first.lines, ...second.lines].filter((line) => line.message.startsWith('alert: dump_fresh'));
    expect(alertLines).toHaveLength(1);
    expect(alertLines[0]!.level).toBe('error');

    // Each instance evaluating again, whatever it saw itself, stays quiet about the same failure.
    for (const instance of [instanceA, instanceB]) {
      const output = await instance.runScheduledJob('backup-alerts');
      expect(output).toMatchObject({ failing: ['dump_fresh'], newlyFailing: [] });
    }
    expect([...first.lines, ...second.lines].filter((line) => line.message.startsWith('alert:'))).toHaveLength(1);
  });

  it('alerts again about a check still failing when the newest evaluation is over 12 hours old (a long downtime)', async () => {
    await sql`update pgboss.job set completed_on = completed_on - interval '13 hours' where name = 'backup-alerts'`.execute(installation.database.db);
    const captured = captureLog();
    const restarted = await installation.start(await installation.newContext(), { log: captured.log });
    expect(await restarted.runScheduledJob('backup-alerts')).toMatchObject({ failing: ['dump_fresh'], newlyFailing: ['dump_fresh'] });
    expect(captured.lines.filter((line) => line.message.startsWith('alert: dump_fresh'))).toHaveLength(1);
    await restarted.stop();
    installation.schedulers.pop();
  });

  it('runs the dump job (dump, then expiry) recorded as scheduled runs', async () => {
    const scheduler = installation.schedulers[0]!;
    const output = await scheduler.runScheduledJob('backup-dump');
    expect(output).toMatchObject({ key: expect.stringMatching(/\.dump\.enc$/), deleted: 0 });
    const runs = await installation.database.db.selectFrom('backup_runs').select(['kind', 'trigger', 'outcome']).orderBy('started_at').execute();
    expect(runs).toEqual([
      { kind: 'dump', trigger: 'schedule', outcome: 'succeeded' },
      { kind: 'expire-dumps', trigger: 'schedule', outcome: 'succeeded' },
    ]);
    // The dump check recovers.
    expect(await scheduler.runScheduledJob('backup-alerts')).toMatchObject({ failing: [], newlyFailing: [] });
  });

  it('runs one queued job exactly once with two instances polling', async () => {
    const [instanceA] = installation.schedulers;
    const before = await countRuns(installation.database, 'dump');
    const id = await instanceA!.enqueueJob('backup-dump');
    const job = await waitForJob(installation.database, id!, ['completed', 'failed', 'retry']);
    expect(job).toMatchObject({ state: 'completed', retry_count: 0 });
    // Give a second (wrong) execution time to show up.
    await sleep(1500);
    expect(await countRuns(installation.database, 'dump')).toBe(before + 1);
    expect(await countRuns(installation.database, 'expire-dumps')).toBe(before + 1);
  });

  it('logs a failed job at error level, records it as failed, retries it later, and keeps running', async () => {
    // A data directory that is a file: the dump cannot make its scratch directory.
    const notADirectory = path.join(installation.dataDir, 'not-a-directory');
    await writeFile(notADirectory, 'x');
    for (const scheduler of installation.schedulers.splice(0)) await scheduler.stop();
    const captured = captureLog();
    const scheduler = await installation.start(await installation.newContext({ KVARTER_DATA_DIR: notADirectory }), { log: captured.log });
    const failedBefore = await countRuns(installation.database, 'dump', 'failed');

    const id = await scheduler.enqueueJob('backup-dump');
    const job = await waitForJob(installation.database, id!, ['retry', 'failed', 'completed']);
    expect(job.state).toBe('retry');
    expect(await countRuns(installation.database, 'dump', 'failed')).toBe(failedBefore + 1);
    const errors = captured.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^scheduled backup-dump failed: .*ENOTDIR.*; retrying in 10 min$/);

    // Called directly the error reaches the caller; the scheduler still works afterwards.
    await expect(scheduler.runScheduledJob('backup-dump')).rejects.toThrow(/ENOTDIR/);
    expect(await scheduler.runScheduledJob('backup-alerts')).toMatchObject({ failing: [] });
  });
});

describe('a new installation', () => {
  let installation: Installation;
  beforeAll(async () => {
    installation = await createInstallation(60_000);
  });
  afterAll(async () => {
    await installation?.close();
  });

  it('raises no alert while its first dump is due, runs it at once, and is ok afterwards', async () => {
    const captured = captureLog();
    const context = await installation.newContext();
    const scheduler = await installation.start(context, { log: captured.log });
    expect(await scheduler.runScheduledJob('backup-alerts')).toMatchObject({ failing: [], newlyFailing: [] });
    expect(captured.lines.filter((line) => line.level === 'error')).toEqual([]);

    expect(await queueFirstBackupsIfMissing(context, scheduler)).toEqual(['dump']);
    const deadline = Date.now() + 30_000;
    while ((await countRuns(installation.database, 'dump', 'succeeded')) === 0) {
      if (Date.now() > deadline) throw new Error('the first dump did not run within 30 s');
      await sleep(200);
    }
    const evaluation = await scheduler.runScheduledJob('backup-alerts');
    expect(evaluation).toMatchObject({ failing: [], newlyFailing: [] });
    expect(captured.lines.filter((line) => line.level === 'error')).toEqual([]);
    // Nothing is queued again at the next start.
    expect(await queueFirstBackupsIfMissing(context, scheduler)).toEqual([]);
  });
});
