import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../shared/schemas/operations.ts';
import type { Db } from '../../db/database.ts';
import type { BackupRunKind } from '../../db/schema.ts';
import { grantOperator } from '../../infrastructure/operators/grant-operator.ts';
import { listOperatorEmails } from '../../infrastructure/operators/operators.queries.ts';
import { setInstalledAt } from '../../test-support/installed-at.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

const statusUrl = '/api/ops/status';
const hour = 3_600_000;
const day = 24 * hour;
const ago = (ms: number) => new Date(Date.now() - ms);

let testApp: TestApp;
let operator: Awaited<ReturnType<typeof signUpUser>>;
let member: Awaited<ReturnType<typeof signUpUser>>;

beforeAll(async () => {
  testApp = await createTestApp();
  // The first sign-up on this fresh database; the second is an ordinary user.
  operator = await signUpUser(testApp.app, { email: 'first@example.se' });
  member = await signUpUser(testApp.app, { email: 'second@example.se' });
});
afterAll(async () => {
  await testApp.close();
});

interface RunRow {
  kind: BackupRunKind;
  outcome: 'running' | 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt?: Date | null;
  sizeBytes?: number | null;
  message?: string | null;
}

async function insertRuns(db: Db, runs: RunRow[]): Promise<void> {
  await db
    .insertInto('backup_runs')
    .values(
      runs.map((run) => ({
        kind: run.kind,
        trigger: 'schedule' as const,
        outcome: run.outcome,
        started_at: run.startedAt,
        finished_at: run.finishedAt === undefined ? (run.outcome === 'running' ? null : new Date(run.startedAt.getTime() + 60_000)) : run.finishedAt,
        size_bytes: run.sizeBytes ?? null,
        message: run.message ?? null,
      })),
    )
    .execute();
}

async function setRepositoryState(db: Db, state: { observedAt: Date; oldest: Date | null; newest: Date | null; type?: 'posix' | 's3' }): Promise<void> {
  await db
    .insertInto('backup_repository_state')
    .values({
      observed_at: state.observedAt,
      repository_type: state.type ?? 'posix',
      oldest_recovery_point: state.oldest,
      newest_recovery_point: state.newest,
      backups: '[]',
    })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({
        observed_at: state.observedAt,
        repository_type: state.type ?? 'posix',
        oldest_recovery_point: state.oldest,
        newest_recovery_point: state.newest,
      }),
    )
    .execute();
}

async function clearBackupTables(db: Db): Promise<void> {
  await db.deleteFrom('backup_runs').execute();
  await db.deleteFrom('backup_repository_state').execute();
}

/** A healthy month-old installation: daily runs of everything, a recovery window of 8 days. */
async function insertHealthyHistory(
  db: Db,
): Promise<{ fullStartedAt: Date; dumpStartedAt: Date; drillStartedAt: Date; verifyStartedAt: Date; observedAt: Date }> {
  const fullStartedAt = ago(3 * hour);
  const dumpStartedAt = ago(4 * hour);
  const drillStartedAt = ago(5 * hour);
  const verifyStartedAt = ago(6 * hour);
  const observedAt = ago(2 * hour);
  await insertRuns(db, [
    { kind: 'check', outcome: 'succeeded', startedAt: ago(30 * day) },
    { kind: 'full', outcome: 'succeeded', startedAt: ago(2 * day) },
    { kind: 'full', outcome: 'succeeded', startedAt: fullStartedAt, sizeBytes: 123_456_789, message: 'backup 20260310-020000F' },
    { kind: 'dump', outcome: 'succeeded', startedAt: dumpStartedAt, sizeBytes: 4_567 },
    { kind: 'drill', outcome: 'succeeded', startedAt: drillStartedAt },
    { kind: 'verify', outcome: 'succeeded', startedAt: verifyStartedAt },
  ]);
  await setRepositoryState(db, { observedAt, oldest: ago(8 * day), newest: ago(60_000), type: 's3' });
  return { fullStartedAt, dumpStartedAt, drillStartedAt, verifyStartedAt, observedAt };
}

const finishedOf = (startedAt: Date) => new Date(startedAt.getTime() + 60_000).toISOString();

/** The archiver as PostgreSQL reports it, read here independently of the code under test. */
async function readArchiver(db: Db) {
  const result = await sql<{ last_archived_time: Date | null; last_failed_time: Date | null; failed_count: number }>`
    select last_archived_time, last_failed_time, failed_count from pg_stat_archiver`.execute(db);
  return result.rows[0]!;
}

describe('operators', () => {
  it('makes the first user who signs up the operator, and nobody after', async () => {
    expect((await operator.client.get('/api/auth/me')).json().isOperator).toBe(true);
    expect((await member.client.get('/api/auth/me')).json().isOperator).toBe(false);
    const third = await signUpUser(testApp.app);
    expect((await third.client.get('/api/auth/me')).json().isOperator).toBe(false);
    expect(await listOperatorEmails(testApp.database.db)).toEqual(['first@example.se']);
  });

  it('makes exactly one operator when several first sign-ups arrive at once', async () => {
    const fresh = await createTestApp();
    try {
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_unused, index) =>
          new TestClient(fresh.app, `10.7.0.${index + 1}`).post('/api/auth/signup', {
            email: `race${index}@example.se`,
            password: 'correct horse battery staple',
            name: `Race ${index}`,
            accountName: `Brf Race ${index}`,
          }),
        ),
      );
      expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
      const operators = await fresh.database.db.selectFrom('users').select('email').where('is_operator', '=', true).execute();
      expect(operators).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('grants operator rights by e-mail address (ops grant-operator), once in the audit log', async () => {
    const db = testApp.database.db;
    expect(await grantOperator(db, 'nobody@example.se')).toBe(false);
    expect((await member.client.get(statusUrl)).statusCode).toBe(403);

    expect(await grantOperator(db, '  SECOND@Example.SE ')).toBe(true);
    expect((await member.client.get('/api/auth/me')).json().isOperator).toBe(true);
    expect((await member.client.get(statusUrl)).statusCode).toBe(200);
    // Granting again changes nothing and is not logged twice.
    expect(await grantOperator(db, 'second@example.se')).toBe(true);
    const events = await db.selectFrom('audit_events').select(['event', 'user_id', 'details']).where('event', '=', 'operator.granted').execute();
    expect(events).toEqual([{ event: 'operator.granted', user_id: member.userId, details: { via: 'ops grant-operator' } }]);
    expect(await listOperatorEmails(db)).toEqual(['first@example.se', 'second@example.se']);

    await db.updateTable('users').set({ is_operator: false }).where('id', '=', member.userId).execute();
    expect((await member.client.get(statusUrl)).statusCode).toBe(403);
  });
});

describe('GET /api/ops/status access', () => {
  it('answers 401 to anonymous visitors', async () => {
    const response = await new TestClient(testApp.app).get(statusUrl);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('answers 403 forbidden to signed-in users who are not operators, admins of their account included', async () => {
    const response = await member.client.get(statusUrl);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('answers operators with an uncached status', async () => {
    const response = await operator.client.get(statusUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('the status of the managed cluster', () => {
  const db = () => testApp.database.db;
  beforeEach(async () => {
    await clearBackupTables(db());
    // An established installation unless a test says otherwise: its first runs are long due.
    await setInstalledAt(db(), ago(30 * day));
  });

  async function fetchStatus(): Promise<BackupStatus> {
    const response = await operator.client.get(statusUrl);
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  /** The archiver checks judge the test cluster's real archiver: compare with PostgreSQL's own view. */
  async function expectArchiverFromPostgres(status: BackupStatus): Promise<void> {
    const archiver = await readArchiver(db());
    expect(status.archiver).toMatchObject({
      lastArchivedAt: archiver.last_archived_time?.toISOString() ?? null,
      lastFailedAt: archiver.last_failed_time?.toISOString() ?? null,
      failedCount: archiver.failed_count,
    });
    const isFailing = archiver.last_failed_time !== null && (archiver.last_archived_time === null || archiver.last_failed_time > archiver.last_archived_time);
    expect(status.archiver?.isFailing).toBe(isFailing);
    expect(status.checks.find((item) => item.code === 'archiving_working')?.ok).toBe(!isFailing);
    const states = status.checks.map((item) => item.state);
    expect(status.overall).toBe(states.includes('failing') ? 'failing' : states.includes('pending') ? 'pending' : 'ok');
    for (const check of status.checks) expect(check.ok).toBe(check.state === 'ok');
  }

  it('reports a new installation whose first runs are under way as pending, not failing', async () => {
    await setInstalledAt(db(), ago(60_000));
    const status = await fetchStatus();
    // The archiving checks judge the test cluster's live archiver; expectArchiverFromPostgres checks `overall` against them.
    expect(status.checks.filter((item) => !item.code.startsWith('archiving_'))).toEqual([
      { code: 'full_backup_fresh', state: 'pending', ok: false, observedAt: null },
      { code: 'dump_fresh', state: 'pending', ok: false, observedAt: null },
      { code: 'drill_passed', state: 'pending', ok: false, observedAt: null },
      { code: 'verify_passed', state: 'pending', ok: false, observedAt: null },
      { code: 'recovery_window_covered', state: 'pending', ok: false, observedAt: null },
    ]);
    await expectArchiverFromPostgres(status);

    // The first full backup and dump are done, the verification failed: that alone is red at once.
    const finishedAt = ago(10_000);
    await insertRuns(db(), [
      { kind: 'full', outcome: 'succeeded', startedAt: ago(50_000), finishedAt },
      { kind: 'dump', outcome: 'succeeded', startedAt: ago(50_000), finishedAt },
      { kind: 'verify', outcome: 'failed', startedAt: ago(20_000), finishedAt, message: 'checksum mismatch' },
    ]);
    await setRepositoryState(db(), { observedAt: finishedAt, oldest: finishedAt, newest: finishedAt });
    const after = await fetchStatus();
    expect(after.overall).toBe('failing');
    expect(after.checks.filter((item) => !item.code.startsWith('archiving_')).map((item) => [item.code, item.state])).toEqual([
      ['full_backup_fresh', 'ok'],
      ['dump_fresh', 'ok'],
      ['drill_passed', 'pending'],
      ['verify_passed', 'failing'],
      ['recovery_window_covered', 'ok'],
    ]);
  });

  it('reports nothing run yet on an established installation with every backup check red', async () => {
    const status = await fetchStatus();
    expect(status).toMatchObject({
      overall: 'failing',
      physicalBackups: 'managed',
      repositoryType: null,
      recoveryWindow: { oldest: null, newest: null, targetDays: 7 },
      lastRuns: { full: null, diff: null, dump: null, check: null, verify: null, drill: null },
    });
    expect(status.checks.filter((item) => !item.code.startsWith('archiving_'))).toEqual([
      { code: 'full_backup_fresh', state: 'failing', ok: false, observedAt: null },
      { code: 'dump_fresh', state: 'failing', ok: false, observedAt: null },
      { code: 'drill_passed', state: 'failing', ok: false, observedAt: null },
      { code: 'verify_passed', state: 'failing', ok: false, observedAt: null },
      { code: 'recovery_window_covered', state: 'failing', ok: false, observedAt: null },
    ]);
    expect(status.checks.map((item) => item.code)).toEqual([
      'full_backup_fresh',
      'dump_fresh',
      'archiving_working',
      'archiving_not_lagging',
      'drill_passed',
      'verify_passed',
      'recovery_window_covered',
    ]);
    await expectArchiverFromPostgres(status);
  });

  it('shows the newest runs and the recovery window, with the backup checks green', async () => {
    const history = await insertHealthyHistory(db());
    const before = Date.now();
    const status = await fetchStatus();
    expect(Date.parse(status.generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(status.repositoryType).toBe('s3');
    expect(status.recoveryWindow).toEqual({ oldest: expect.any(String), newest: expect.any(String), targetDays: 7 });
    expect(status.lastRuns).toEqual({
      full: {
        startedAt: history.fullStartedAt.toISOString(),
        finishedAt: finishedOf(history.fullStartedAt),
        outcome: 'succeeded',
        sizeBytes: 123_456_789,
        message: 'backup 20260310-020000F',
      },
      diff: null,
      dump: {
        startedAt: history.dumpStartedAt.toISOString(),
        finishedAt: finishedOf(history.dumpStartedAt),
        outcome: 'succeeded',
        sizeBytes: 4_567,
        message: null,
      },
      check: expect.objectContaining({ outcome: 'succeeded' }),
      verify: expect.objectContaining({ startedAt: history.verifyStartedAt.toISOString(), outcome: 'succeeded' }),
      drill: expect.objectContaining({ startedAt: history.drillStartedAt.toISOString(), outcome: 'succeeded' }),
    });
    expect(status.checks.filter((item) => !item.code.startsWith('archiving_'))).toEqual([
      { code: 'full_backup_fresh', state: 'ok', ok: true, observedAt: finishedOf(history.fullStartedAt) },
      { code: 'dump_fresh', state: 'ok', ok: true, observedAt: finishedOf(history.dumpStartedAt) },
      { code: 'drill_passed', state: 'ok', ok: true, observedAt: finishedOf(history.drillStartedAt) },
      { code: 'verify_passed', state: 'ok', ok: true, observedAt: finishedOf(history.verifyStartedAt) },
      { code: 'recovery_window_covered', state: 'ok', ok: true, observedAt: history.observedAt.toISOString() },
    ]);
    await expectArchiverFromPostgres(status);
  });

  it('shows a running backup as the newest run but judges the last successful one', async () => {
    const history = await insertHealthyHistory(db());
    const runningStartedAt = ago(10 * 60_000);
    await insertRuns(db(), [{ kind: 'full', outcome: 'running', startedAt: runningStartedAt }]);
    const status = await fetchStatus();
    expect(status.lastRuns.full).toEqual({ startedAt: runningStartedAt.toISOString(), finishedAt: null, outcome: 'running', sizeBytes: null, message: null });
    expect(status.checks.find((item) => item.code === 'full_backup_fresh')).toEqual({
      code: 'full_backup_fresh',
      state: 'ok',
      ok: true,
      observedAt: finishedOf(history.fullStartedAt),
    });
  });

  it('turns red for a stale backup and dump, a failed drill and verify, and a short window', async () => {
    await insertRuns(db(), [
      { kind: 'full', outcome: 'succeeded', startedAt: ago(27 * hour) },
      { kind: 'full', outcome: 'failed', startedAt: ago(2 * hour), message: 'repository full' },
      { kind: 'diff', outcome: 'failed', startedAt: ago(3 * hour), message: 'no space left on device' },
      { kind: 'dump', outcome: 'succeeded', startedAt: ago(30 * hour) },
      { kind: 'drill', outcome: 'succeeded', startedAt: ago(4 * hour) },
      { kind: 'drill', outcome: 'failed', startedAt: ago(hour), message: 'sanity query failed' },
      { kind: 'verify', outcome: 'succeeded', startedAt: ago(28 * hour) },
      { kind: 'check', outcome: 'succeeded', startedAt: ago(20 * day) },
    ]);
    await setRepositoryState(db(), { observedAt: ago(hour), oldest: ago(5 * day), newest: ago(60_000) });
    const status = await fetchStatus();
    expect(status.overall).toBe('failing');
    expect(status.lastRuns.full).toMatchObject({ outcome: 'failed', message: 'repository full' });
    expect(status.lastRuns.diff).toMatchObject({ outcome: 'failed', message: 'no space left on device' });
    expect(status.checks.filter((item) => !item.code.startsWith('archiving_')).map((item) => [item.code, item.ok])).toEqual([
      ['full_backup_fresh', false],
      ['dump_fresh', false],
      ['drill_passed', false],
      ['verify_passed', false],
      ['recovery_window_covered', false],
    ]);
    await expectArchiverFromPostgres(status);
  });

  it('follows PITR_WINDOW_DAYS', async () => {
    const shortWindow = await createTestApp({ environment: { PITR_WINDOW_DAYS: '4' } });
    try {
      const first = await signUpUser(shortWindow.app);
      await insertRuns(shortWindow.database.db, [{ kind: 'full', outcome: 'succeeded', startedAt: ago(20 * day) }]);
      await setRepositoryState(shortWindow.database.db, { observedAt: ago(hour), oldest: ago(5 * day), newest: ago(60_000) });
      const status: BackupStatus = (await first.client.get(statusUrl)).json();
      expect(status.recoveryWindow.targetDays).toBe(4);
      expect(status.checks.find((item) => item.code === 'recovery_window_covered')?.ok).toBe(true);
    } finally {
      await shortWindow.close();
    }
  });
});

describe('the status with an external database (DATABASE_URL)', () => {
  let external: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    external = await createTestApp({ environment: { DATABASE_URL: 'postgres://provider.example/kvarter?sslmode=verify-full' } });
    client = (await signUpUser(external.app)).client;
    await setInstalledAt(external.database.db, ago(30 * day));
  });
  afterAll(async () => {
    await external.close();
  });

  it('judges only the dump; the provider does PITR', async () => {
    const dumpStartedAt = ago(5 * hour);
    await insertRuns(external.database.db, [{ kind: 'dump', outcome: 'succeeded', startedAt: dumpStartedAt, sizeBytes: 1_000 }]);
    const response = await client.get(statusUrl);
    expect(response.statusCode).toBe(200);
    const status: BackupStatus = response.json();
    expect(status).toEqual({
      generatedAt: expect.any(String),
      overall: 'ok',
      physicalBackups: 'external',
      repositoryType: null,
      recoveryWindow: { oldest: null, newest: null, targetDays: 7 },
      lastRuns: {
        full: null,
        diff: null,
        dump: { startedAt: dumpStartedAt.toISOString(), finishedAt: finishedOf(dumpStartedAt), outcome: 'succeeded', sizeBytes: 1_000, message: null },
        check: null,
        verify: null,
        drill: null,
      },
      archiver: null,
      cluster: null,
      checks: [{ code: 'dump_fresh', state: 'ok', ok: true, observedAt: finishedOf(dumpStartedAt) }],
    });
  });

  it('is pending, not failing, until the first dump of a new installation has run', async () => {
    await clearBackupTables(external.database.db);
    await setInstalledAt(external.database.db, ago(60_000));
    const status: BackupStatus = (await client.get(statusUrl)).json();
    expect(status.overall).toBe('pending');
    expect(status.checks).toEqual([{ code: 'dump_fresh', state: 'pending', ok: false, observedAt: null }]);
    await setInstalledAt(external.database.db, ago(30 * day));
  });

  it('is failing when the newest successful dump is older than 26 hours', async () => {
    await clearBackupTables(external.database.db);
    const staleStartedAt = ago(27 * hour);
    await insertRuns(external.database.db, [
      { kind: 'dump', outcome: 'succeeded', startedAt: staleStartedAt },
      { kind: 'dump', outcome: 'failed', startedAt: ago(2 * hour), message: 'S3 unreachable' },
    ]);
    const status: BackupStatus = (await client.get(statusUrl)).json();
    expect(status.overall).toBe('failing');
    expect(status.checks).toEqual([{ code: 'dump_fresh', state: 'failing', ok: false, observedAt: finishedOf(staleStartedAt) }]);
    expect(status.lastRuns.dump).toMatchObject({ outcome: 'failed', message: 'S3 unreachable' });
  });
});

describe('the status against a replicated cluster (KVARTER_HA_EXPECTED_REPLICAS)', () => {
  let clustered: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    // The test cluster is one PostgreSQL: a leader whose replicas are all missing.
    clustered = await createTestApp({ environment: { KVARTER_HA_EXPECTED_REPLICAS: '2' } });
    client = (await signUpUser(clustered.app)).client;
    await setInstalledAt(clustered.database.db, ago(30 * day));
  });
  afterAll(async () => {
    await clustered.close();
  });

  it('shows the leader without replicas and fails replicas_present and synchronous_replica after the backup checks', async () => {
    const before = Date.now();
    const response = await client.get(statusUrl);
    expect(response.statusCode).toBe(200);
    const status: BackupStatus = response.json();
    // Not a Patroni node (no kvarter.node_name): named by the address and port it serves on, which
    // for the test cluster is 127.0.0.1 whatever host name the URL gives.
    const port = new URL(clustered.database.url).port;
    expect(status.cluster).toEqual({ leader: { name: `127.0.0.1:${port}` }, expectedReplicas: 2, replicas: [] });
    expect(status.overall).toBe('failing');
    const clusterChecks = status.checks.slice(-3);
    expect(clusterChecks).toEqual([
      { code: 'replicas_present', state: 'failing', ok: false, observedAt: status.generatedAt },
      { code: 'replicas_not_lagging', state: 'ok', ok: true, observedAt: status.generatedAt },
      { code: 'synchronous_replica', state: 'failing', ok: false, observedAt: status.generatedAt },
    ]);
    expect(Date.parse(status.generatedAt)).toBeGreaterThanOrEqual(before);
    expect(status.checks.slice(0, -3).map((check) => check.code)).toEqual([
      'full_backup_fresh',
      'dump_fresh',
      'archiving_working',
      'archiving_not_lagging',
      'drill_passed',
      'verify_passed',
      'recovery_window_covered',
    ]);
  });

  it('shows no cluster and no replica checks under npm start (no KVARTER_HA_EXPECTED_REPLICAS)', async () => {
    const status: BackupStatus = (await operator.client.get(statusUrl)).json();
    expect(status.cluster).toBeNull();
    expect(status.checks.map((check) => check.code)).not.toContain('replicas_present');
    expect(status.checks).toHaveLength(7);
  });
});

describe('GET /healthz', () => {
  it('says only that the process answers: no backup state, no session', async () => {
    await clearBackupTables(testApp.database.db);
    for (const client of [new TestClient(testApp.app), operator.client]) {
      const response = await client.get('/healthz');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });
});
