import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { BackupRunKind } from '../../server/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test-support/test-database.ts';
import type { LocalClusterLayout } from '../local-cluster.ts';
import { createOpsContext, type OpsContext } from '../ops-context.ts';
import { queueFirstBackupsIfMissing, queueNextFirstRun } from './first-backups.ts';
import type { JobRuntime, ScheduledJobName } from './scheduled-jobs.ts';

let database: TestDatabase;
let external: OpsContext;
let managed: OpsContext;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, DATABASE_CA_FILE: database.caFile, BACKUP_ENCRYPTION_PASSPHRASE: 'x'.repeat(24) });
  external = await createOpsContext(config, () => undefined);
  // Only whether a managed cluster exists decides what is queued; nothing here runs pgBackRest.
  managed = { ...external, cluster: { dataDir: config.dataDir } as unknown as LocalClusterLayout };
});
afterAll(async () => {
  await external?.close();
  await database?.drop();
});
beforeEach(async () => {
  await database.db.deleteFrom('backup_runs').execute();
});

async function addRuns(runs: [BackupRunKind, 'succeeded' | 'failed'][]): Promise<void> {
  await database.db
    .insertInto('backup_runs')
    .values(runs.map(([kind, outcome]) => ({ kind, trigger: 'schedule' as const, outcome, finished_at: new Date() })))
    .execute();
}

/** A scheduler or job runtime that records what is queued; `queueAnswer` null: one already waits. */
function recordingQueue(queueAnswer: string | null = 'job-id') {
  const queued: ScheduledJobName[] = [];
  const lines: { level: 'info' | 'error'; message: string }[] = [];
  const runtime = {
    log: { info: (message: string) => void lines.push({ level: 'info', message }), error: (message: string) => void lines.push({ level: 'error', message }) },
    enqueueJob: async (name: ScheduledJobName) => {
      queued.push(name);
      return queueAnswer;
    },
  } as Pick<JobRuntime, 'log' | 'enqueueJob'> as JobRuntime;
  return { queued, lines, runtime };
}

describe('queueFirstBackupsIfMissing (at every start)', () => {
  it('queues the first full backup, followed by the verification and the drill, and the dump on a new managed installation', async () => {
    const { queued, runtime } = recordingQueue();
    expect(await queueFirstBackupsIfMissing(managed, runtime)).toEqual(['full backup', 'verification', 'restore drill', 'dump']);
    expect(queued).toEqual(['backup-full', 'backup-dump']);
  });

  it('carries on where an interrupted first start stopped', async () => {
    await addRuns([
      ['full', 'succeeded'],
      ['dump', 'succeeded'],
      ['verify', 'failed'],
    ]);
    const { queued, runtime } = recordingQueue();
    expect(await queueFirstBackupsIfMissing(managed, runtime)).toEqual(['verification', 'restore drill']);
    expect(queued).toEqual(['backup-verify']);

    await addRuns([['verify', 'succeeded']]);
    const again = recordingQueue();
    expect(await queueFirstBackupsIfMissing(managed, again.runtime)).toEqual(['restore drill']);
    expect(again.queued).toEqual(['backup-drill']);
  });

  it('queues nothing once each has succeeded', async () => {
    await addRuns([
      ['full', 'succeeded'],
      ['dump', 'succeeded'],
      ['verify', 'succeeded'],
      ['drill', 'succeeded'],
    ]);
    const { queued, runtime } = recordingQueue();
    expect(await queueFirstBackupsIfMissing(managed, runtime)).toEqual([]);
    expect(queued).toEqual([]);
  });

  it('queues only the dump with DATABASE_URL (the provider does the physical backups)', async () => {
    const { queued, runtime } = recordingQueue();
    expect(await queueFirstBackupsIfMissing(external, runtime)).toEqual(['dump']);
    expect(queued).toEqual(['backup-dump']);
  });
});

describe('queueNextFirstRun (after a full backup or verification)', () => {
  it('queues the first verification after the first full backup, and the first drill after it', async () => {
    await addRuns([['full', 'succeeded']]);
    const afterFull = recordingQueue();
    await queueNextFirstRun(managed, afterFull.runtime, 'full');
    expect(afterFull.queued).toEqual(['backup-verify']);
    expect(afterFull.lines).toEqual([{ level: 'info', message: 'queued the first verification' }]);

    // A failed verification is followed by the drill all the same.
    await addRuns([['verify', 'failed']]);
    const afterVerify = recordingQueue();
    await queueNextFirstRun(managed, afterVerify.runtime, 'verify');
    expect(afterVerify.queued).toEqual(['backup-drill']);
  });

  it('skips what has succeeded before and queues nothing once the drill has', async () => {
    await addRuns([
      ['full', 'succeeded'],
      ['verify', 'succeeded'],
    ]);
    const skipping = recordingQueue();
    await queueNextFirstRun(managed, skipping.runtime, 'full');
    expect(skipping.queued).toEqual(['backup-drill']);

    await addRuns([['drill', 'succeeded']]);
    const done = recordingQueue();
    await queueNextFirstRun(managed, done.runtime, 'full');
    await queueNextFirstRun(managed, done.runtime, 'verify');
    expect(done.queued).toEqual([]);
    expect(done.lines).toEqual([]);
  });

  it('logs nothing when the run is already queued, and an error instead of throwing when queueing fails', async () => {
    const alreadyQueued = recordingQueue(null);
    await queueNextFirstRun(managed, alreadyQueued.runtime, 'full');
    expect(alreadyQueued.queued).toEqual(['backup-verify']);
    expect(alreadyQueued.lines).toEqual([]);

    const { lines, runtime } = recordingQueue();
    runtime.enqueueJob = async () => {
      throw new Error('connection refused');
    };
    await expect(queueNextFirstRun(managed, runtime, 'full')).resolves.toBeUndefined();
    expect(lines).toEqual([{ level: 'error', message: 'could not queue the first run after the full backup: connection refused' }]);
  });
});
