import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { parseConnectionOptions } from '../../server/db/connection-options.ts';
import { startS3TestServer, type S3TestServer } from '../../server/test-support/s3-test-server.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test-support/test-database.ts';
import { storageFor, type ObjectStorage } from '../object-storage.ts';
import { createOpsContext, OpsError, type OpsContext } from '../ops-context.ts';
import { removeRestoredCluster } from '../point-in-time-restore.ts';
import { DECRYPT_FAILED_MESSAGE, decryptToFile } from './dump-encryption.ts';
import { dumpKey, dumpTimeFromKey } from './dump-names.ts';
import { expireDumps } from './expire-dumps.ts';
import { listDumps } from './list-dumps.ts';
import { libpqEnvironment } from './postgres-client.ts';
import { restoreDump } from './restore-dump.ts';
import { takeDump, type DumpOutcome } from './take-dump.ts';

const PASSPHRASE = 'a test passphrase of decent length';
const MARKER_EMAIL = 'dump-marker-alice@example.com';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows in several tables, one of them with an address to look for in the dump. */
async function seed(testDatabase: TestDatabase): Promise<void> {
  const statements = [
    sql`insert into users (email, name, password_hash)
          select 'user' || n || '@example.com', 'User ' || n, '$2b$12$' || md5(n::text) from generate_series(1, 150) n`,
    sql`insert into users (email, name, password_hash) values (${MARKER_EMAIL}, 'Alice Marker', 'x')`,
    sql`insert into accounts (name) select 'Förening ' || n from generate_series(1, 20) n`,
    sql`insert into memberships (account_id, user_id, role)
          select a.id, u.id, 'editor' from (select id from accounts limit 5) a, (select id from users limit 10) u`,
    sql`insert into audit_events (event, details) select 'sign-in', jsonb_build_object('n', n) from generate_series(1, 300) n`,
  ];
  for (const statement of statements) await statement.execute(testDatabase.db);
}

async function withClient<T>(url: string, caFile: string, action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(parseConnectionOptions(url, caFile).pool);
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** `select count(*)` of every table in `public`. */
function rowCounts(url: string, caFile: string): Promise<Record<string, number>> {
  return withClient(url, caFile, async (client) => {
    const tables = await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by tablename");
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const result = await client.query<{ count: string }>(`select count(*) as count from ${client.escapeIdentifier(name)}`);
      counts[name] = Number(result.rows[0]?.count);
    }
    return counts;
  });
}

async function download(storage: ObjectStorage, key: string): Promise<Buffer> {
  return Buffer.concat(await (await storage.get(key)).toArray());
}

async function lastRun(testDatabase: TestDatabase, kind: 'dump' | 'expire-dumps' | 'restore-dump') {
  return testDatabase.db.selectFrom('backup_runs').selectAll().where('kind', '=', kind).orderBy('started_at', 'desc').limit(1).executeTakeFirstOrThrow();
}

/**
 * One installation: a fresh test database with data, a data directory, and an OpsContext whose
 * dumps go to a local directory or (with `s3Environment`) to the S3 test server.
 */
function dumpFlow(name: string, s3Environment: () => Record<string, string> | undefined) {
  describe(name, () => {
    let testDatabase: TestDatabase;
    let dataDir: string;
    let context: OpsContext;
    let storage: ObjectStorage;
    let dump: DumpOutcome;
    let sourceCounts: Record<string, number>;
    const restoredInto: string[] = [];
    const messages: string[] = [];

    beforeAll(async () => {
      testDatabase = await createTestDatabase();
      await seed(testDatabase);
      dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-dumps-test-'));
      const config = loadConfig({
        KVARTER_DATA_DIR: dataDir,
        DATABASE_URL: testDatabase.url,
        DATABASE_CA_FILE: testDatabase.caFile,
        BACKUP_ENCRYPTION_PASSPHRASE: PASSPHRASE,
        ...s3Environment(),
      });
      context = await createOpsContext(config, (message) => messages.push(message));
      storage = storageFor(context);
    });

    afterAll(async () => {
      for (const into of restoredInto) await removeRestoredCluster(context, into).catch(() => {});
      await context?.close();
      await testDatabase?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }, 120_000);

    it('takes an encrypted dump and records the run', async () => {
      const before = Date.now();
      dump = await takeDump(context, 'manual');
      sourceCounts = await rowCounts(testDatabase.url, testDatabase.caFile);

      expect(dump.key).toMatch(/^kvarter-\d{8}T\d{6}Z\.dump\.enc$/);
      expect(dumpTimeFromKey(dump.key)!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(storage.kind).toBe(s3Environment() ? 's3' : 'local');
      const stored = await download(storage, dump.key);
      expect(stored.length).toBe(dump.sizeBytes);
      expect(dump.sizeBytes).toBeGreaterThan(5000);
      expect(stored.subarray(0, 8).toString('ascii')).toBe('KVDUMP1\n');
      expect(stored.includes(Buffer.from('PGDMP'))).toBe(false);
      expect(stored.includes(Buffer.from(MARKER_EMAIL))).toBe(false);
      expect(stored.includes(Buffer.from('audit_events'))).toBe(false);

      const run = await lastRun(testDatabase, 'dump');
      expect(run).toMatchObject({ trigger: 'manual', outcome: 'succeeded', size_bytes: dump.sizeBytes });
      expect(run.details).toMatchObject({ key: dump.key, location: storage.where(dump.key) });
      expect(sourceCounts.users).toBe(151);
      expect(sourceCounts.backup_runs).toBeGreaterThanOrEqual(1);
    });

    it('lists dumps newest first', async () => {
      const older = dumpKey(new Date(Date.now() - 3 * DAY_MS));
      await storage.put(older, Readable.from([await download(storage, dump.key)]), dump.sizeBytes);
      const dumps = await listDumps(context);
      expect(dumps.map((entry) => entry.key)).toEqual([dump.key, older]);
      expect(dumps[0]).toMatchObject({ key: dump.key, sizeBytes: dump.sizeBytes, takenAt: dumpTimeFromKey(dump.key) });
      await storage.delete(older);
    });

    it('decrypts only with the right passphrase', async () => {
      const directory = await mkdtemp(path.join(dataDir, 'decrypt-'));
      const plain = path.join(directory, 'plain.dump');
      await decryptToFile(await storage.get(dump.key), PASSPHRASE, plain);
      expect((await readFile(plain)).subarray(0, 5).toString('ascii')).toBe('PGDMP');

      const wrong = path.join(directory, 'wrong.dump');
      const error = await decryptToFile(await storage.get(dump.key), 'not the passphrase that was used', wrong).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpsError);
      expect((error as Error).message).toBe(DECRYPT_FAILED_MESSAGE);
      expect(await readdir(directory)).toEqual(['plain.dump']);
      await rm(directory, { recursive: true });
    });

    it('restores into a new cluster with the same rows in every table, over TLS', async () => {
      const into = path.join(dataDir, 'restored', 'pgdata');
      restoredInto.push(into);
      // Local dumps are also restorable by file path; S3 ones by key.
      const from = storage.kind === 'local' ? storage.where(dump.key) : dump.key;
      const restored = await restoreDump(context, { from, into });

      expect(restored).toMatchObject({ dataDir: into, caFile: path.join(dataDir, 'tls', 'ca.crt') });
      expect(restored.databaseUrl).toBe(
        `postgres://kvarter:${encodeURIComponent(await readFile(path.join(dataDir, 'secrets', 'database-password'), 'utf8'))}@localhost:${restored.port}/kvarter?sslmode=verify-full`,
      );
      // The dump's own audit-log entry is written after pg_dump's snapshot, so it is not in the dump.
      expect(await rowCounts(restored.databaseUrl, restored.caFile)).toEqual({ ...sourceCounts, audit_events: sourceCounts.audit_events! - 1 });
      const facts = await withClient(restored.databaseUrl, restored.caFile, async (client) => {
        const tls = await client.query('select ssl, version from pg_stat_ssl where pid = pg_backend_pid()');
        const owners = await client.query("select distinct tableowner from pg_tables where schemaname = 'public'");
        const database = await client.query('select pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()');
        const marker = await client.query('select name from users where email = $1', [MARKER_EMAIL]);
        return { tls: tls.rows[0], owners: owners.rows.map((row) => row.tableowner), owner: database.rows[0].owner, marker: marker.rows[0]?.name };
      });
      expect(facts).toEqual({ tls: { ssl: true, version: 'TLSv1.3' }, owners: ['kvarter'], owner: 'kvarter', marker: 'Alice Marker' });
      await expect(
        withClient(restored.databaseUrl.replace('sslmode=verify-full', 'sslmode=require'), restored.caFile, async () => {}),
      ).resolves.toBeUndefined();
      expect((await stat(into)).mode & 0o777).toBe(0o700);
      expect(await readdir(path.join(dataDir, 'backups', 'tmp'))).toEqual([]);

      const run = await lastRun(testDatabase, 'restore-dump');
      expect(run).toMatchObject({ outcome: 'succeeded', size_bytes: dump.sizeBytes });
      expect(run.details).toMatchObject({ into, port: restored.port });
    }, 120_000);

    it('expires dumps after the retention period, never the newest', async () => {
      const content = await download(storage, dump.key);
      const now = new Date();
      const keyDaysAgo = (days: number) => dumpKey(new Date(now.getTime() - days * DAY_MS));
      const old = [keyDaysAgo(31), keyDaysAgo(400), 'kvarter-20200101T000000Z.dump.enc'];
      const recent = [keyDaysAgo(29), keyDaysAgo(1)];
      for (const key of [...old, ...recent]) await storage.put(key, Readable.from([content]), content.length);
      // Not a dump: left alone whatever its age.
      await storage.put('notes.txt', Readable.from([Buffer.from('keep me')]), 7);

      const outcome = await expireDumps(context, 'schedule', now);
      expect(outcome.deleted.sort()).toEqual([...old].sort());
      expect((await listDumps(context)).map((entry) => entry.key).sort()).toEqual([dump.key, ...recent].sort());
      expect((await storage.list()).map((object) => object.key)).toContain('notes.txt');
      const run = await lastRun(testDatabase, 'expire-dumps');
      expect(run).toMatchObject({ trigger: 'schedule', outcome: 'succeeded' });
      expect((run.details as { deleted: string[] }).deleted.sort()).toEqual([...old].sort());

      // Long after the last dump everything has expired, but the newest one stays.
      const later = await expireDumps(context, 'manual', new Date(now.getTime() + 1000 * DAY_MS));
      expect(later.deleted.sort()).toEqual([...recent, dump.key].filter((key) => key !== newestOf([...recent, dump.key])).sort());
      expect((await listDumps(context)).map((entry) => entry.key)).toEqual([newestOf([...recent, dump.key])]);
    });
  });
}

function newestOf(keys: string[]): string {
  return [...keys].sort((a, b) => dumpTimeFromKey(b)!.getTime() - dumpTimeFromKey(a)!.getTime())[0]!;
}

describe('logical dumps', () => {
  let server: S3TestServer | undefined;

  beforeAll(async () => {
    server = await startS3TestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  dumpFlow('in a local directory', () => undefined);
  dumpFlow('in S3 over TLS', () => server?.backupEnvironment);

  describe('failures', () => {
    let testDatabase: TestDatabase;
    let dataDir: string;
    let context: OpsContext;

    beforeAll(async () => {
      testDatabase = await createTestDatabase();
      dataDir = await mkdtemp(path.join(tmpdir(), 'kvarter-dumps-fail-'));
      context = await createOpsContext(
        loadConfig({
          KVARTER_DATA_DIR: dataDir,
          DATABASE_URL: testDatabase.url,
          DATABASE_CA_FILE: testDatabase.caFile,
          BACKUP_ENCRYPTION_PASSPHRASE: PASSPHRASE,
        }),
        () => {},
      );
    });

    afterAll(async () => {
      await context?.close();
      await testDatabase?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('passes the connection to pg_dump in the environment, verified by the CA', () => {
      const environment = libpqEnvironment(testDatabase.url, testDatabase.caFile, 'test');
      const url = new URL(testDatabase.url);
      expect(environment).toMatchObject({
        PGHOST: 'localhost',
        PGPORT: url.port,
        PGUSER: 'kvarter',
        PGPASSWORD: decodeURIComponent(url.password),
        PGDATABASE: url.pathname.slice(1),
        PGSSLMODE: 'verify-full',
        PGSSLROOTCERT: testDatabase.caFile,
      });
      expect(() => libpqEnvironment(testDatabase.url.replace('verify-full', 'disable'), undefined, 'test')).toThrow(/only connects over TLS/);
    });

    it('fails clearly, and records the failure, when pg_dump cannot connect', async () => {
      const wrongPassword = new URL(testDatabase.url);
      wrongPassword.password = 'wrong-password';
      await expect(takeDump({ ...context, databaseUrl: wrongPassword.toString() }, 'manual')).rejects.toThrow(
        /pg_dump failed \(exit 1\).*password authentication failed/s,
      );
      expect(await lastRun(testDatabase, 'dump')).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/pg_dump failed/) });
      expect(await storageFor(context).list()).toEqual([]);
      expect(await readdir(path.join(dataDir, 'backups', 'tmp'))).toEqual([]);
    });

    it('refuses to restore a dump with the wrong passphrase and leaves nothing behind', async () => {
      await takeDump(context, 'manual');
      const other = await createOpsContext(
        loadConfig({
          KVARTER_DATA_DIR: dataDir,
          DATABASE_URL: testDatabase.url,
          DATABASE_CA_FILE: testDatabase.caFile,
          BACKUP_ENCRYPTION_PASSPHRASE: 'a different passphrase entirely',
        }),
        () => {},
      );
      const into = path.join(dataDir, 'never');
      try {
        await expect(restoreDump(other, { into })).rejects.toThrow(DECRYPT_FAILED_MESSAGE);
      } finally {
        await other.close();
      }
      await expect(stat(into)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await lastRun(testDatabase, 'restore-dump')).toMatchObject({ outcome: 'failed', message: DECRYPT_FAILED_MESSAGE });
    });

    it('refuses a target directory that is not empty, and unknown dumps', async () => {
      const full = path.join(dataDir, 'full');
      await mkdir(full);
      await writeFile(path.join(full, 'something'), 'x');
      await expect(restoreDump(context, { into: full })).rejects.toThrow(/is not empty/);
      expect(await readdir(full)).toEqual(['something']);
      await expect(restoreDump(context, { from: 'kvarter-20000101T000000Z.dump.enc', into: path.join(dataDir, 'x') })).rejects.toThrow(
        /There is no dump "kvarter-20000101T000000Z\.dump\.enc"/,
      );
      await expect(restoreDump(context, { from: `./missing-${randomBytes(4).toString('hex')}.dump.enc`, into: path.join(dataDir, 'x') })).rejects.toThrow(
        /There is no dump file/,
      );
    });
  });
});
