import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { BackupConfig, S3Config } from '../../server/config.ts';
import { parseConnectionOptions } from '../../server/db/connection-options.ts';
import { createDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { clusterOwner } from '../cluster-owner.ts';
import { ensureLocalCluster, isRunning, pgCtl, type LocalCluster } from '../local-cluster.ts';

/**
 * Fixtures of the durability tests (point-in-time restore, S3 repository, faults): a managed
 * cluster of their own with WAL archiving, the `ops` command line run as a child process, and a
 * table-by-table snapshot of the app database to compare a restored copy with.
 */

export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

/** A fresh data directory under the system temp directory (ensureLocalCluster makes it traversable). */
export function createTestDataDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `kvarter-${prefix}-`));
}

/**
 * The managed cluster of `dataDir` (created and started), archiving to a local repository or to
 * `s3`, with its `kvarter` database migrated.
 */
export async function startManagedCluster(dataDir: string, s3?: S3Config): Promise<LocalCluster> {
  const backup: BackupConfig = { s3, encryptionPassphrase: undefined, pitrWindowDays: 7, dumpRetentionDays: 30 };
  const cluster = await ensureLocalCluster({ dataDir, backup });
  const db = createDatabase(parseConnectionOptions(cluster.databaseUrl, cluster.caFile), () => undefined);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return cluster;
}

/**
 * A copy of the data directory's CA certificate that the postgres OS user can read (tls/ is
 * private to us), for pgBackRest's `repo1-storage-ca-file` when the S3 test server presents the
 * data directory's own server certificate.
 */
export async function readableCaCopy(dataDir: string): Promise<string> {
  const copy = path.join(dataDir, 's3-ca.crt');
  await copyFile(path.join(dataDir, 'tls', 'ca.crt'), copy);
  await chmod(copy, 0o644);
  return copy;
}

export interface OpsResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Configuration variables the child must not inherit from whoever runs the tests. */
const inheritedConfig = /^(KVARTER_|DATABASE_|BACKUP_|PITR_|DUMP_|PORT$|HTTP_PORT$|TLS_)/;

/** The environment of a Kvarter process (ops, npm start) on `dataDir`: ours, without the test runner's configuration. */
export function installationEnvironment(dataDir: string, environment: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !inheritedConfig.test(key)));
  return Object.assign(env, { KVARTER_DATA_DIR: dataDir }, environment);
}

/** `npm run ops -- <args>`, exactly as an operator runs it, against the data directory `dataDir`. */
export function runOps(dataDir: string, args: string[], environment: Record<string, string> = {}): Promise<OpsResult> {
  const env = installationEnvironment(dataDir, environment);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'ops/cli.ts', ...args],
      { cwd: repositoryRoot, env, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

export interface RestoredCopy {
  dataDir: string;
  port: number;
  databaseUrl: string;
  caFile: string;
}

/** `ops restore --to <to> --into <into>`; fails the test with the command's stderr when it fails. */
export async function restoreWithOps(dataDir: string, to: Date, into: string, environment: Record<string, string> = {}): Promise<RestoredCopy> {
  const result = await runOps(dataDir, ['restore', '--to', to.toISOString(), '--into', into], environment);
  if (result.exitCode !== 0) throw new Error(`ops restore exited ${result.exitCode}:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  if (lines.length !== 1) throw new Error(`ops restore printed ${lines.length} lines on stdout, expected one JSON line:\n${result.stdout}`);
  return JSON.parse(lines[0] ?? '') as RestoredCopy;
}

/** Runs one statement on a fresh connection (verify-full against `caFile`) and returns its rows. */
export async function query<T extends object = Record<string, unknown>>(url: string, caFile: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ ...parseConnectionOptions(url, caFile).pool, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export type TableSnapshot = Record<string, unknown[]>;

/**
 * Every table of the public schema (except Kysely's migration bookkeeping), its rows ordered by
 * primary key, as JSON: two snapshots are equal when the databases hold the same data.
 */
export async function snapshotTables(databaseUrl: string, caFile: string): Promise<TableSnapshot> {
  const client = new pg.Client({ ...parseConnectionOptions(databaseUrl, caFile).pool, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    // One snapshot of the whole database, not one per statement.
    await client.query('begin isolation level repeatable read read only');
    const tables = await client.query<{ name: string; key: string[] | null }>(`
      select c.relname as name,
             (select array_agg(a.attname::text order by k.position)
                from pg_index i
                cross join unnest(i.indkey) with ordinality as k(attnum, position)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
               where i.indrelid = c.oid and i.indisprimary) as key
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'kysely_migration%'
       order by c.relname`);
    const snapshot: TableSnapshot = {};
    for (const table of tables.rows) {
      // A table without a primary key is ordered by its whole row, so the order is still stable.
      const order = table.key?.length ? table.key.map((column) => `t.${client.escapeIdentifier(column)}`).join(', ') : 'to_jsonb(t)::text';
      const result = await client.query<{ rows: unknown[] }>(
        `select coalesce(jsonb_agg(to_jsonb(t) order by ${order}), '[]'::jsonb) as rows from public.${client.escapeIdentifier(table.name)} t`,
      );
      snapshot[table.name] = result.rows[0]?.rows ?? [];
    }
    await client.query('commit');
    return snapshot;
  } finally {
    await client.end();
  }
}

/** Stops the PostgreSQL running in `pgDataDir`, if any: fast, and immediate when that hangs. */
export async function stopPostgres(pgDataDir: string): Promise<void> {
  const owner = await clusterOwner();
  if (!(await isRunning(owner, pgDataDir).catch(() => false))) return;
  await pgCtl(owner, pgDataDir, ['-m', 'fast', '-w', '-t', '30', 'stop']).catch(() => pgCtl(owner, pgDataDir, ['-m', 'immediate', '-w', '-t', '30', 'stop']));
}

export async function isPostgresRunning(pgDataDir: string): Promise<boolean> {
  return isRunning(await clusterOwner(), pgDataDir);
}

/** Polls `probe` until it returns a value other than undefined; fails with `description` after `timeoutMs`. */
export async function waitFor<T>(description: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${description}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * The current moment, with a pause on each side: commits before it and after it are then at
 * least `pauseMs` away, whatever the clock resolution of pgBackRest's backup times and of commits.
 */
export async function quietMoment(pauseMs = 1_500): Promise<Date> {
  await sleep(pauseMs);
  const moment = new Date();
  await sleep(pauseMs);
  return moment;
}

/**
 * Simulates losing the database host: SIGKILL the postmaster, its children and the cluster's
 * pgBackRest processes (the async archiver), delete the data directory, and remove the shared
 * memory segment that outlives a SIGKILL, as a reboot would. The repository survives, as it would
 * on another disk. Returns the processes still alive after 5 s (none, normally).
 */
export async function loseDatabaseHost(pgDataDir: string, pgBackRestConfigFile: string): Promise<number[]> {
  const lines = (await readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8')).split('\n');
  const postmaster = Number.parseInt(lines[0] ?? '', 10);
  if (!(postmaster > 1)) throw new Error(`no postmaster pid in ${pgDataDir}/postmaster.pid`);
  const sharedMemoryId = lines[6]?.trim().split(/\s+/)[1];
  const victims = [postmaster];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(status.slice(status.lastIndexOf(')') + 2).split(' ')[1]);
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (parent === postmaster || (commandLine.includes('pgbackrest') && commandLine.includes(pgBackRestConfigFile))) victims.push(Number(entry));
  }
  for (const pid of victims) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
  }
  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let waited = 0; victims.some(isAlive) && waited < 5_000; waited += 50) await sleep(50);
  await rm(pgDataDir, { recursive: true, force: true });
  if (sharedMemoryId && /^\d+$/.test(sharedMemoryId)) {
    await new Promise<void>((resolve) => execFile('ipcrm', ['-m', sharedMemoryId], () => resolve()));
  }
  return victims.filter(isAlive);
}
