import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { BackupRunKind } from '../../server/db/schema.ts';
import { decodedBody, smtpUrl, TestSmtpServer } from '../../server/test-support/smtp-test-server.ts';
import { setInstalledAt } from '../../server/test-support/installed-at.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test-support/test-database.ts';
import type { BackupCheckCode } from '../../shared/schemas/operations.ts';
import type { LocalClusterLayout } from '../local-cluster.ts';
import { createOpsContext, type OpsContext } from '../ops-context.ts';
import { evaluateAlerts, type AlertEvaluation } from './evaluate-alerts.ts';
import type { LevelledLog } from './levelled-log.ts';

const HOUR_MS = 3_600_000;

interface LogLine {
  level: 'info' | 'error';
  message: string;
}

function captureLog(): { lines: LogLine[]; log: LevelledLog; take(): LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    log: { info: (message) => void lines.push({ level: 'info', message }), error: (message) => void lines.push({ level: 'error', message }) },
    take: () => lines.splice(0),
  };
}

/** Alert lines about checks, by code (archiving checks excluded: they read the test cluster's live archiver). */
function alertedCodes(lines: LogLine[], options: { includeArchiving?: boolean } = {}): string[] {
  return lines
    .filter((line) => line.level === 'error')
    .map((line) => /^alert: ([a-z_]+) — /.exec(line.message)?.[1])
    .filter((code): code is string => code !== undefined && (options.includeArchiving === true || !code.startsWith('archiving_')));
}

interface Setup {
  database: TestDatabase;
  dataDir: string;
  context(environment?: Record<string, string>, options?: { managed?: boolean }): Promise<OpsContext>;
  addRun(kind: BackupRunKind, outcome: 'succeeded' | 'failed', finishedAt: Date): Promise<void>;
  close(): Promise<void>;
}

/** An installation set up a month ago (its first runs long due), with two operators. */
async function setUp(): Promise<Setup> {
  const database = await createTestDatabase();
  await setInstalledAt(database.db, new Date(Date.now() - 30 * 24 * HOUR_MS));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-alerts-'));
  const contexts: OpsContext[] = [];
  await database.db
    .insertInto('users')
    .values([
      { email: 'drift.ett@example.se', name: 'Drift Ett', password_hash: 'not-a-hash', is_operator: true },
      { email: 'drift.tva@example.se', name: 'Drift Två', password_hash: 'not-a-hash', is_operator: true },
      { email: 'vanlig@example.se', name: 'Vanlig', password_hash: 'not-a-hash', is_operator: false },
    ])
    .execute();
  return {
    database,
    dataDir,
    async context(environment = {}, options = {}) {
      const config = loadConfig({
        KVARTER_DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        DATABASE_CA_FILE: database.caFile,
        BACKUP_ENCRYPTION_PASSPHRASE: 'x'.repeat(24),
        ...environment,
      });
      const context = await createOpsContext(config, () => undefined);
      contexts.push(context);
      // Whether physical backups are judged depends only on a managed cluster being present.
      return options.managed ? { ...context, cluster: { dataDir } as unknown as LocalClusterLayout } : context;
    },
    async addRun(kind, outcome, finishedAt) {
      await database.db
        .insertInto('backup_runs')
        .values({ kind, trigger: 'schedule', outcome, started_at: new Date(finishedAt.getTime() - 60_000), finished_at: finishedAt })
        .execute();
    },
    async close() {
      for (const context of contexts) await context.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('evaluateAlerts with SMTP', () => {
  const smtp = new TestSmtpServer();
  let setup: Setup;
  let context: OpsContext;
  const captured = captureLog();
  const now = new Date();
  let previous: readonly BackupCheckCode[] | undefined;
  const evaluate = async (): Promise<AlertEvaluation> => {
    const evaluation = await evaluateAlerts(context, { previouslyFailing: previous, log: captured.log, now });
    previous = evaluation.failing;
    return evaluation;
  };

  beforeAll(async () => {
    await smtp.start();
    setup = await setUp();
    context = await setup.context({ SMTP_URL: smtpUrl(smtp.port), MAIL_FROM: 'Kvarter <drift@example.se>' }, { managed: true });
  });
  afterAll(async () => {
    await setup?.close();
    await smtp.stop();
  });
  beforeEach(() => {
    captured.take();
    smtp.messages.splice(0);
  });

  it('logs one error line per newly failing check and e-mails each operator once', async () => {
    await setup.addRun('full', 'succeeded', new Date(now.getTime() - HOUR_MS));
    await setup.addRun('dump', 'succeeded', new Date(now.getTime() - HOUR_MS));
    await setup.addRun('verify', 'succeeded', new Date(now.getTime() - HOUR_MS));
    await setup.addRun('drill', 'failed', new Date(now.getTime() - HOUR_MS));

    const evaluation = await evaluate();
    expect(evaluation.overall).toBe('failing');
    // No repository state recorded yet, and the drill failed.
    expect(alertedCodes(captured.lines).sort()).toEqual(['drill_passed', 'recovery_window_covered']);
    expect(alertedCodes(captured.lines, { includeArchiving: true }).sort()).toEqual([...evaluation.newlyFailing].sort());
    expect(captured.lines.find((line) => line.message.startsWith('alert: drill_passed'))!.message).toContain('npm run ops -- drill');

    expect(smtp.messages.map((message) => message.to)).toEqual([['drift.ett@example.se'], ['drift.tva@example.se']]);
    for (const message of smtp.messages) {
      expect(message.secure).toBe(true);
      expect(message.raw).toMatch(/^From: Kvarter <drift@example\.se>\r$/m);
      const body = decodedBody(message.raw);
      expect(body).toContain('säkerhetskopieringen behöver åtgärdas');
      expect(body).toContain('backups need attention');
      expect(body).toContain('[drill_passed]');
      expect(body).toContain('docs/operations.md');
    }
    expect(evaluation.delivery).toEqual({ sent: ['drift.ett@example.se', 'drift.tva@example.se'], unsent: [] });
    const outbox = await setup.database.db.selectFrom('outbox_emails').select(['recipient', 'sent_at', 'last_error']).orderBy('recipient').execute();
    expect(outbox.map((row) => row.recipient)).toEqual(['drift.ett@example.se', 'drift.tva@example.se']);
    for (const row of outbox) {
      expect(row.sent_at).toBeInstanceOf(Date);
      expect(row.last_error).toBeNull();
    }
  });

  it('repeats nothing while the same checks keep failing', async () => {
    const evaluation = await evaluate();
    expect(evaluation.failing).toContain('drill_passed');
    expect(alertedCodes(captured.lines)).toEqual([]);
    expect(smtp.messages).toHaveLength(0);
  });

  it('alerts only about the check that newly fails, and again about one that recovered and failed again', async () => {
    await setup.addRun('verify', 'failed', new Date(now.getTime() - HOUR_MS / 2));
    await evaluate();
    expect(alertedCodes(captured.take())).toEqual(['verify_passed']);
    expect(smtp.messages).toHaveLength(2);
    const body = decodedBody(smtp.messages[0]!.raw);
    expect(body).toContain('[verify_passed]');
    expect(body).not.toContain('[drill_passed]');

    await setup.addRun('drill', 'succeeded', new Date(now.getTime() - HOUR_MS / 3));
    const recovered = await evaluate();
    expect(recovered.recovered).toEqual(['drill_passed']);
    expect(captured.take()).toContainEqual({ level: 'info', message: 'alert resolved: drill_passed' });

    await setup.addRun('drill', 'failed', new Date(now.getTime() - HOUR_MS / 4));
    await evaluate();
    expect(alertedCodes(captured.take())).toEqual(['drill_passed']);
  });
});

describe('evaluateAlerts without a working mail server', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp();
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('without SMTP_URL keeps the e-mails in the outbox; the log line is the alert', async () => {
    const captured = captureLog();
    const context = await setup.context();
    // With DATABASE_URL only the dump is judged; there is none.
    const evaluation = await evaluateAlerts(context, { previouslyFailing: undefined, log: captured.log });
    expect(evaluation).toMatchObject({ overall: 'failing', failing: ['dump_fresh'], newlyFailing: ['dump_fresh'] });
    expect(alertedCodes(captured.lines)).toEqual(['dump_fresh']);
    expect(evaluation.delivery).toEqual({ sent: [], unsent: ['drift.ett@example.se', 'drift.tva@example.se'] });
    const outbox = await setup.database.db.selectFrom('outbox_emails').select(['recipient', 'body', 'sent_at', 'last_error']).execute();
    expect(outbox).toHaveLength(2);
    for (const row of outbox) {
      expect(row.sent_at).toBeNull();
      expect(row.body).toContain('[dump_fresh]');
    }
    await setup.database.db.deleteFrom('outbox_emails').execute();
  });

  it('records a failed delivery in the outbox and still completes the evaluation', async () => {
    const captured = captureLog();
    // A port nothing listens on: the connection is refused.
    const closed = new TestSmtpServer();
    await closed.start();
    await closed.stop();
    const context = await setup.context({ SMTP_URL: smtpUrl(closed.port) });
    const evaluation = await evaluateAlerts(context, { previouslyFailing: [], log: captured.log });
    expect(evaluation.newlyFailing).toEqual(['dump_fresh']);
    expect(evaluation.delivery.unsent).toHaveLength(2);
    const outbox = await setup.database.db.selectFrom('outbox_emails').select(['sent_at', 'last_error']).execute();
    expect(outbox).toHaveLength(2);
    for (const row of outbox) {
      expect(row.sent_at).toBeNull();
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
    expect(captured.lines.filter((line) => line.level === 'error' && line.message.startsWith('alert e-mail to'))).toHaveLength(2);
  });
});

describe('evaluateAlerts on a new installation', () => {
  let setup: Setup;
  let context: OpsContext;
  beforeAll(async () => {
    setup = await setUp();
    await setInstalledAt(setup.database.db, new Date(Date.now() - 60_000));
    context = await setup.context({}, { managed: true });
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('raises nothing for checks whose first run is still due, and alerts at once when a first run fails', async () => {
    const captured = captureLog();
    const pending = await evaluateAlerts(context, { previouslyFailing: undefined, log: captured.log });
    expect(pending.failing.filter((code) => !code.startsWith('archiving_'))).toEqual([]);
    expect(alertedCodes(captured.take())).toEqual([]);
    // No e-mail names them either (the archiving checks judge the test cluster's live archiver).
    for (const { body } of await setup.database.db.selectFrom('outbox_emails').select('body').execute()) {
      expect(body).not.toMatch(/\[(full_backup_fresh|dump_fresh|drill_passed|verify_passed|recovery_window_covered)\]/);
    }

    await setup.addRun('drill', 'failed', new Date());
    const failed = await evaluateAlerts(context, { previouslyFailing: pending.failing, log: captured.log });
    expect(failed.overall).toBe('failing');
    expect(failed.newlyFailing).toEqual(['drill_passed']);
    expect(alertedCodes(captured.take())).toEqual(['drill_passed']);

    // Once the first runs are overdue, what never ran alerts as well.
    await setInstalledAt(setup.database.db, new Date(Date.now() - 2 * HOUR_MS));
    const overdue = await evaluateAlerts(context, { previouslyFailing: failed.failing, log: captured.log });
    expect(overdue.newlyFailing.filter((code) => !code.startsWith('archiving_'))).toEqual([
      'full_backup_fresh',
      'dump_fresh',
      'verify_passed',
      'recovery_window_covered',
    ]);
    expect(alertedCodes(captured.take()).sort()).toEqual(['dump_fresh', 'full_backup_fresh', 'recovery_window_covered', 'verify_passed']);
  });
});

describe('evaluateAlerts against a replicated cluster (KVARTER_HA_EXPECTED_REPLICAS)', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp();
    // A fresh dump, so that only the cluster is wrong.
    await setup.addRun('dump', 'succeeded', new Date(Date.now() - HOUR_MS));
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('alerts once, at error level and by e-mail about the cluster, when the expected replicas are missing', async () => {
    const captured = captureLog();
    // The test cluster is one PostgreSQL: a leader whose two expected replicas are both missing.
    const context = await setup.context({ KVARTER_HA_EXPECTED_REPLICAS: '2' });
    const evaluation = await evaluateAlerts(context, { previouslyFailing: undefined, log: captured.log });
    expect(evaluation).toMatchObject({
      overall: 'failing',
      failing: ['replicas_present', 'synchronous_replica'],
      newlyFailing: ['replicas_present', 'synchronous_replica'],
    });
    expect(captured.lines.filter((line) => line.level === 'error').map((line) => line.message.split(' — ')[0])).toEqual([
      'alert: replicas_present',
      'alert: synchronous_replica',
    ]);
    const outbox = await setup.database.db.selectFrom('outbox_emails').select(['subject', 'body']).execute();
    expect(outbox.map((row) => row.subject)).toEqual([
      'Kvarter: databasklustret behöver åtgärdas / the database cluster needs attention',
      'Kvarter: databasklustret behöver åtgärdas / the database cluster needs attention',
    ]);
    expect(outbox[0]!.body).toContain('A database replica is missing');

    const again = await evaluateAlerts(context, { previouslyFailing: evaluation.failing, log: captured.log });
    expect(again.newlyFailing).toEqual([]);
  });

  it('raises nothing about a cluster without KVARTER_HA_EXPECTED_REPLICAS (npm start)', async () => {
    const captured = captureLog();
    const evaluation = await evaluateAlerts(await setup.context(), { previouslyFailing: undefined, log: captured.log });
    expect(evaluation).toMatchObject({ overall: 'ok', failing: [], newlyFailing: [] });
    expect(captured.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
