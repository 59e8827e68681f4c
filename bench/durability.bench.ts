/**
 * Durability (docs/product/performance-targets.md § Durability: RPO and RTO): how much committed data is lost when the database host is lost (RPO), and
 * how long a point-in-time restore of a ~1 GB database takes until it accepts connections (RTO).
 *
 * RPO, repeated DURABILITY_RPO_RUNS times (default 3), each in a fresh managed cluster
 * (ensureLocalCluster, default local encrypted repository) under var/bench-durability/rpo-N:
 *   table rpo_probe in database kvarter (as superuser) → full backup (takeBackup) → one INSERT
 *   every 100 ms, each acknowledged commit recorded → after at least two archive_timeout cycles
 *   of writes (archive_timeout read from the generated kvarter-archiving.conf and checked against
 *   the server), the "host dies" at an early, middle or late moment of the actual cycle (run 1, 2,
 *   3: cycle/6, cycle/2 and cycle − 3 s after pg_stat_archiver's last archived segment): SIGKILL
 *   to the postmaster, its children and any pgBackRest process of this cluster, then `rm -rf` of
 *   the data directory. The repository and pgBackRest's spool survive (another disk) → restore
 *   `latest` into a new directory (restoreToPointInTime) → count acknowledged rows that are missing.
 *   RPO = newest acknowledged commit − newest restored commit (committed_at, the server's clock).
 *   The first run also runs `ops restore --to latest` from the command line after the loss, as an
 *   operator would (docs/operations.md, Disaster recovery), and records what it answers.
 *
 * RTO, twice, in var/bench-durability/rto-<data>: ≈1 GB loaded into database `bench` over TLS
 * verify-full, first as `pgbench -i -s 70` (whose rows are mostly blank padding: zstd shrinks it to
 * ~5 %, flattering backup and restore), then as incompressible data (`pgbench -i -s 1` plus 1 M rows
 * of 1 KB from gen_random_bytes) → wait until WAL archiving has caught up → full backup (timed;
 * repository size vs database size) → pgbench writes 15 s → counts + T → pgbench writes 15 s →
 * differential backup (timed) → restoreToPointInTime(to: T) into a new directory, timed from the
 * call until the copy is promoted and accepts connections → counts must equal those at T.
 * DURABILITY_RTO_DATA=pgbench|random runs only one of them.
 *
 * Everything it starts (clusters, pgbench, the ops CLI, pgBackRest) is stopped on every way out,
 * and var/bench-durability is deleted (DURABILITY_KEEP=1 keeps it). Hard limit: 20 minutes.
 *
 *   npx tsx bench/durability.bench.ts
 *   DURABILITY_SCALE=0 npx tsx bench/durability.bench.ts   # RPO only (≈4.5 min)
 *   DURABILITY_RPO_RUNS=1 DURABILITY_WRITE_SECONDS=10 DURABILITY_SCALE=5 npx tsx bench/durability.bench.ts  # quick try
 *
 * DURABILITY_WRITE_SECONDS is the least time of writes before the loss is timed into the cycle
 * (default two archive_timeout cycles).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { clusterOwner, type ClusterOwner } from '../ops/cluster-owner.ts';
import { ensureLocalCluster, isRunning, pgCtl, type LocalCluster } from '../ops/local-cluster.ts';
import { createOpsContext, type OpsContext } from '../ops/ops-context.ts';
import { pgBackRestPaths } from '../ops/pgbackrest-config.ts';
import { runPgBackRest } from '../ops/pgbackrest.ts';
import { takeBackup } from '../ops/physical-backups.ts';
import { removeRestoredCluster, restoreToPointInTime } from '../ops/point-in-time-restore.ts';
import { loadConfig } from '../server/config.ts';
import { parseConnectionOptions } from '../server/db/connection-options.ts';
import { markdownTable, onInterrupt, repoRoot, sleep } from './support.ts';
import { loseDatabaseHost } from '../ops/test-support/durability.ts';

const root = path.join(repoRoot, 'var', 'bench-durability');
const pgbench = '/usr/lib/postgresql/15/bin/pgbench';
const rpoRuns = Math.min(3, Math.max(0, Number(process.env.DURABILITY_RPO_RUNS ?? 3)));
/** Least time each RPO run writes before the loss is timed into the archive_timeout cycle; default two cycles. */
const minWriteSeconds = process.env.DURABILITY_WRITE_SECONDS ? Number(process.env.DURABILITY_WRITE_SECONDS) : undefined;
/** Where in the archive_timeout cycle each run loses the host: seconds after the last archived segment. */
const lossPhases = [
  { name: 'early', secondsAfterArchived: (cycle: number) => cycle / 6 },
  { name: 'middle', secondsAfterArchived: (cycle: number) => cycle / 2 },
  // Not closer to the end: the checkpointer may switch up to ≈1 s early (whole-second clock).
  { name: 'late', secondsAfterArchived: (cycle: number) => cycle - 3 },
] as const;
type LossPhase = (typeof lossPhases)[number];
const insertIntervalMs = 100;
const scale = Number(process.env.DURABILITY_SCALE ?? 70);
type RtoData = 'pgbench' | 'random';
const rtoData: RtoData[] =
  process.env.DURABILITY_RTO_DATA === 'pgbench' || process.env.DURABILITY_RTO_DATA === 'random' ? [process.env.DURABILITY_RTO_DATA] : ['pgbench', 'random'];
/** Rows of 1 KB of random bytes for the incompressible variant: scale 70 is ≈1 GB, so is this. */
const randomRowsPerScale = 1_000_000 / 70;
const pgbenchWriteSeconds = 15;
const keep = process.env.DURABILITY_KEEP === '1';
const overallTimeoutMs = 20 * 60_000;

const benchStartedAt = performance.now();
const stamp = () => `${((performance.now() - benchStartedAt) / 1000).toFixed(1).padStart(6)} s`;
const say = (message: string) => process.stderr.write(`[durability ${stamp()}] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Everything started here, so that cleanup can stop it whatever happened.

let owner: ClusterOwner;
const clusterDirs = new Set<string>();
const children = new Set<ChildProcess>();
const contexts = new Set<OpsContext>();
let cleanedUp = false;

async function stopCluster(pgDataDir: string): Promise<void> {
  if (!(await isRunning(owner, pgDataDir).catch(() => false))) return;
  await pgCtl(owner, pgDataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']).catch((error: Error) => say(`could not stop ${pgDataDir}: ${error.message}`));
}

/** PIDs of processes whose command line mentions our directory (postmasters, pgBackRest, ops CLI). */
async function ourProcesses(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(root)) pids.push(Number(entry));
  }
  return pids;
}

async function cleanup(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const child of children) killGroup(child);
  for (const context of contexts) await context.close().catch(() => undefined);
  for (const dir of clusterDirs) await stopCluster(dir);
  // Whatever is left (a backup that was running, a cluster whose directory is gone): by PID.
  for (const pid of await ourProcesses()) {
    say(`still running after cleanup, SIGKILL: ${pid}`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  if (keep) say(`kept ${root}`);
  else await rm(root, { recursive: true, force: true });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/** Runs a program in its own process group with a time limit; resolves with its output whatever the exit code. */
function runTool(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const startedAt = performance.now();
  const child = spawn(file, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${path.basename(file)} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr, ms: performance.now() - startedAt });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

async function withClient<T>(url: string, caFile: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(parseConnectionOptions(url, caFile).pool);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The superuser URL of a cluster, on another port and/or database. */
function adminUrlFor(adminUrl: string, port: number, database: string): string {
  const url = new URL(adminUrl);
  url.port = String(port);
  url.pathname = `/${database}`;
  return url.toString();
}

async function startCluster(
  dataDir: string,
): Promise<{ cluster: LocalCluster; context: OpsContext; configFile: string; logLines: { atMs: number; text: string }[] }> {
  const logLines: { atMs: number; text: string }[] = [];
  const log = (text: string) => {
    logLines.push({ atMs: performance.now(), text });
    // takeBackup records its run in backup_runs, which is absent here (nothing is migrated).
    if (!/Could not record/.test(text)) say(`  ${text}`);
  };
  clusterDirs.add(path.join(dataDir, 'postgres', 'data'));
  const cluster = await ensureLocalCluster({ dataDir, log });
  const context = await createOpsContext(loadConfig({ KVARTER_DATA_DIR: dataDir }), log);
  contexts.add(context);
  return { cluster, context, configFile: pgBackRestPaths(dataDir).configFile, logLines };
}

async function duBytes(target: string): Promise<number> {
  const { stdout } = await promisify(execFile)('du', ['-sb', target]);
  return Number.parseInt(stdout, 10);
}

/** Files below a directory: count, bytes and a few names. */
async function listTree(directory: string): Promise<{ files: number; bytes: number; names: string[] }> {
  const result = { files: 0, bytes: 0, names: [] as string[] };
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    result.files++;
    result.bytes += (await stat(full).catch(() => ({ size: 0 }))).size;
    result.names.push(path.relative(directory, full));
  }
  result.names.sort();
  return result;
}

/** Segment number of a WAL file name (16 MB segments): comparable across names of one timeline. */
function segmentNumber(walFile: string): number {
  return Number.parseInt(walFile.slice(8, 16), 16) * 0x100 + Number.parseInt(walFile.slice(16, 24), 16);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

// ---------------------------------------------------------------------------------------------
// RPO

interface RpoResult {
  run: number;
  phase: LossPhase['name'];
  archiveTimeoutSeconds: number;
  targetSinceArchivedSeconds: number;
  writeSeconds: number;
  acknowledged: number;
  restored: number;
  missing: number;
  holes: number;
  rpoSeconds: number;
  sinceLastArchiveAtLossSeconds: number | null;
  restoreSeconds: number;
  spool: { files: number; bytes: number; names: string[] };
  cliAfterLoss?: { exitCode: number | null; message: string };
}

/** archive_timeout as written into kvarter-archiving.conf, checked against what the server uses. */
async function archiveTimeoutSeconds(cluster: LocalCluster): Promise<number> {
  const config = await readFile(path.join(cluster.pgDataDir, 'kvarter-archiving.conf'), 'utf8');
  const configured = Number(/^\s*archive_timeout\s*=\s*'?(\d+)\s*s?'?\s*$/m.exec(config)?.[1]);
  const running = await withClient(cluster.adminUrl, cluster.caFile, async (client) => {
    const result = await client.query<{ setting: string; unit: string }>("select setting, unit from pg_settings where name = 'archive_timeout'");
    return result.rows[0]!;
  });
  if (!(configured > 0) || running.unit !== 's' || Number(running.setting) !== configured) {
    throw new Error(`archive_timeout: kvarter-archiving.conf says ${configured}, the server uses ${running.setting} ${running.unit}`);
  }
  return configured;
}

/** When pg_stat_archiver last archived a WAL segment (undefined before the first). */
async function lastArchivedAt(cluster: LocalCluster): Promise<number | undefined> {
  return withClient(cluster.adminUrl, cluster.caFile, async (client) => {
    const result = await client.query<{ last_archived_time: Date | null }>('select last_archived_time from pg_stat_archiver');
    return result.rows[0]?.last_archived_time?.getTime();
  });
}

/**
 * The moment `secondsAfter` past the most recent archived segment, or past the next one when that
 * moment has gone by already; waits at most two cycles for the next segment.
 */
async function momentInCycle(cluster: LocalCluster, cycleSeconds: number, secondsAfter: number): Promise<number> {
  const deadline = Date.now() + 2 * cycleSeconds * 1000 + 10_000;
  let last = await lastArchivedAt(cluster);
  for (;;) {
    if (last !== undefined && last + secondsAfter * 1000 > Date.now() + 250) return last + secondsAfter * 1000;
    if (Date.now() > deadline) throw new Error(`no WAL segment archived within ${(2 * cycleSeconds + 10).toFixed(0)} s of writes`);
    await sleep(200);
    last = (await lastArchivedAt(cluster)) ?? last;
  }
}

async function rpoRun(run: number, phase: LossPhase): Promise<RpoResult> {
  const dataDir = path.join(root, `rpo-${run}`);
  const { cluster, context, configFile } = await startCluster(dataDir);
  const cycle = await archiveTimeoutSeconds(cluster);
  const targetSinceArchived = phase.secondsAfterArchived(cycle);
  const durationSeconds = minWriteSeconds ?? 2 * cycle;
  say(
    `RPO run ${run}: cluster in ${dataDir}, archive_timeout ${cycle} s; at least ${durationSeconds} s of writes, then the host is lost ${targetSinceArchived.toFixed(1)} s after a segment was archived (${phase.name} in the cycle)`,
  );
  const kvarterAdmin = adminUrlFor(cluster.adminUrl, cluster.port, 'kvarter');
  await withClient(kvarterAdmin, cluster.caFile, (client) =>
    client.query('create table rpo_probe(id bigserial primary key, committed_at timestamptz not null default clock_timestamp())'),
  );
  const backup = await takeBackup(context, 'full', 'manual');
  say(`  ${backup.message}`);

  // One autocommit INSERT every 100 ms; an acknowledged row is one whose INSERT returned.
  const acknowledged: { id: number; committedAt: Date; ackedAt: number }[] = [];
  const writer = new pg.Client(parseConnectionOptions(kvarterAdmin, cluster.caFile).pool);
  writer.on('error', () => undefined);
  await writer.connect();
  let writing = true;
  const writeLoop = (async () => {
    const startedAt = performance.now();
    for (let index = 0; writing; index++) {
      try {
        const result = await writer.query<{ id: number; committed_at: Date }>('insert into rpo_probe default values returning id, committed_at');
        const row = result.rows[0]!;
        acknowledged.push({ id: Number(row.id), committedAt: row.committed_at, ackedAt: Date.now() });
      } catch {
        return; // the server is gone
      }
      const next = startedAt + (index + 1) * insertIntervalMs;
      await sleep(Math.max(0, next - performance.now()));
    }
  })();
  await sleep(durationSeconds * 1000);
  // A moment of the cycle that has not passed yet, then wait for it.
  const lossTarget = await momentInCycle(cluster, cycle, targetSinceArchived);
  await sleep(Math.max(0, lossTarget - Date.now()));

  // Just before the loss: how long ago did the archiver last ship a segment?
  const archiver = await withClient(cluster.adminUrl, cluster.caFile, async (client) => {
    const result = await client.query<{ last_archived_time: Date | null; last_archived_wal: string | null; current: string }>(
      'select last_archived_time, last_archived_wal, pg_walfile_name(pg_current_wal_lsn()) as current from pg_stat_archiver',
    );
    return result.rows[0]!;
  });
  const lossAt = Date.now();
  await loseHost(cluster.pgDataDir, configFile);
  writing = false;
  await writeLoop;
  await writer.end().catch(() => undefined);
  const spool = await listTree(path.join(dataDir, 'pgbackrest', 'spool'));
  say(
    `  host lost ${seconds(lossAt - acknowledged[0]!.ackedAt)} s after the first write; last archived ${archiver.last_archived_wal} at ${archiver.last_archived_time?.toISOString()}, current ${archiver.current}; spool holds ${spool.files} files, ${spool.bytes} bytes`,
  );

  let cliAfterLoss: RpoResult['cliAfterLoss'];
  if (run === 1) {
    // What an operator gets from the command line once the data directory is gone (docs/operations.md, Disaster recovery).
    const into = path.join(dataDir, 'cli-restore');
    clusterDirs.add(into);
    const result = await runTool(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['ops/cli.ts', 'restore', '--to', 'latest', '--into', into],
      { PATH: process.env.PATH, HOME: process.env.HOME, KVARTER_DATA_DIR: dataDir },
      120_000,
    );
    cliAfterLoss = { exitCode: result.code, message: (result.stderr.trim().split('\n').at(-1) ?? '') || result.stdout.trim() };
    say(`  ops restore after the loss: exit ${result.code}: ${cliAfterLoss.message}`);
    await stopCluster(into);
  }

  const into = path.join(dataDir, 'restored');
  clusterDirs.add(into);
  const restoreStartedAt = performance.now();
  const restored = await restoreToPointInTime(context, { to: 'latest', into });
  const restoreSeconds = (performance.now() - restoreStartedAt) / 1000;
  const rows = await withClient(adminUrlFor(cluster.adminUrl, restored.port, 'kvarter'), cluster.caFile, async (client) => {
    const result = await client.query<{ id: number; committed_at: Date }>('select id, committed_at from rpo_probe order by id');
    return result.rows.map((row) => ({ id: Number(row.id), committedAt: row.committed_at }));
  });
  await removeRestoredCluster(context, into);
  await context.close();
  contexts.delete(context);

  const restoredIds = new Set(rows.map((row) => row.id));
  const newestRestored = rows.at(-1);
  const newestRestoredId = newestRestored?.id ?? 0;
  const missing = acknowledged.filter((row) => !restoredIds.has(row.id));
  const lastAcknowledged = acknowledged.at(-1)!;
  // Nothing restored at all: everything since the first write is lost.
  const rpoSeconds = (lastAcknowledged.committedAt.getTime() - (newestRestored ?? acknowledged[0]!).committedAt.getTime()) / 1000;
  const result: RpoResult = {
    run,
    phase: phase.name,
    archiveTimeoutSeconds: cycle,
    targetSinceArchivedSeconds: targetSinceArchived,
    writeSeconds: (lossAt - acknowledged[0]!.ackedAt) / 1000,
    acknowledged: acknowledged.length,
    restored: rows.length,
    missing: missing.length,
    // Lost rows other than the newest ones would mean the restore skipped committed data.
    holes: missing.filter((row) => row.id < newestRestoredId).length,
    rpoSeconds: Math.max(0, rpoSeconds),
    sinceLastArchiveAtLossSeconds: archiver.last_archived_time ? (lossAt - archiver.last_archived_time.getTime()) / 1000 : null,
    restoreSeconds,
    spool,
    cliAfterLoss,
  };
  say(
    `  RPO run ${run}: ${result.missing} of ${result.acknowledged} acknowledged rows lost, RPO ${result.rpoSeconds.toFixed(1)} s, restore ${restoreSeconds.toFixed(1)} s`,
  );
  clusterDirs.delete(into);
  await rm(dataDir, { recursive: true, force: true });
  return result;
}

/**
 * The host dies: SIGKILL (no shutdown, no last WAL flush or archiving) to the postmaster, every
 * process it started and any pgBackRest process working for this cluster; then its data directory
 * is deleted. What survives is what was already in the repository (and the spool).
 */
async function loseHost(pgDataDir: string, configFile: string): Promise<void> {
  const survivors = await loseDatabaseHost(pgDataDir, configFile);
  if (survivors.length > 0) say(`  processes still alive after SIGKILL: ${survivors.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// RTO

interface RtoResult {
  data: RtoData;
  scale: number;
  initSeconds: number;
  archiveCatchUpSeconds: number;
  benchDatabaseBytes: number;
  clusterBytes: number;
  fullBackupSeconds: number;
  fullBackupSizeBytes: number;
  fullBackupRepositoryBytes: number;
  repoBackupDirBytes: number;
  repoArchiveDirBytes: number;
  repoTotalBytes: number;
  walSinceBackupBytes: number;
  diffBackupSeconds: number;
  diffBackupRepositoryBytes: number;
  rtoSeconds: number;
  phases: { label: string; seconds: number }[];
  expected: { history: number; balance: number };
  got: { history: number; balance: number };
}

interface InfoBackup {
  label: string;
  type: string;
  info: { size: number; repository: { size: number; delta: number } };
}

async function rtoRun(data: RtoData): Promise<RtoResult> {
  const dataDir = path.join(root, `rto-${data}`);
  say(
    `RTO (${data}): cluster in ${dataDir}, ${data === 'pgbench' ? `pgbench scale ${scale}` : `${Math.round(scale * randomRowsPerScale)} rows of 1 KB random bytes + pgbench scale 1`}`,
  );
  const { cluster, context, configFile, logLines } = await startCluster(dataDir);
  const benchUrl = adminUrlFor(cluster.adminUrl, cluster.port, 'bench');
  await withClient(cluster.adminUrl, cluster.caFile, (client) => client.query('create database bench'));
  const env = {
    PATH: process.env.PATH,
    PGHOST: 'localhost',
    PGPORT: String(cluster.port),
    PGUSER: 'postgres',
    PGPASSWORD: decodeURIComponent(new URL(cluster.adminUrl).password),
    PGSSLMODE: 'verify-full',
    PGSSLROOTCERT: cluster.caFile,
    PGDATABASE: 'bench',
  };
  const pgbenchChecked = async (args: string[], timeoutMs: number) => {
    const result = await runTool(pgbench, args, env, timeoutMs);
    if (result.code !== 0) throw new Error(`pgbench ${args.join(' ')} exited ${result.code}: ${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
    return result;
  };

  const initStartedAt = performance.now();
  await pgbenchChecked(['-i', '-s', data === 'pgbench' ? String(scale) : '1', '--quiet'], 8 * 60_000);
  if (data === 'random') {
    // 1 KB rows stay below the TOAST threshold, so PostgreSQL stores them as they are: incompressible.
    await withClient(benchUrl, cluster.caFile, async (client) => {
      await client.query('create extension pgcrypto');
      await client.query('create table random_payload(id int primary key, payload bytea not null)');
      const rows = Math.round(scale * randomRowsPerScale);
      for (let from = 1; from <= rows; from += 100_000) {
        await client.query('insert into random_payload select g, gen_random_bytes(1024) from generate_series($1::int, $2::int) g', [
          from,
          Math.min(rows, from + 99_999),
        ]);
      }
    });
  }
  const init = { ms: performance.now() - initStartedAt };
  say(`  load: ${seconds(init.ms)} s`);

  // Let the archiver ship the WAL of the load first, so the backup is timed on its own.
  const catchUpStartedAt = performance.now();
  for (;;) {
    const state = await withClient(cluster.adminUrl, cluster.caFile, async (client) => {
      const result = await client.query<{ last: string | null; current: string }>(
        'select last_archived_wal as last, pg_walfile_name(pg_current_wal_lsn()) as current from pg_stat_archiver',
      );
      return result.rows[0]!;
    });
    if (state.last && segmentNumber(state.last) >= segmentNumber(state.current) - 1) break;
    if (performance.now() - catchUpStartedAt > 300_000)
      throw new Error(`WAL archiving did not catch up within 5 minutes (last archived ${state.last}, current ${state.current})`);
    await sleep(500);
  }
  const archiveCatchUpSeconds = (performance.now() - catchUpStartedAt) / 1000;
  say(`  archiving caught up ${archiveCatchUpSeconds.toFixed(1)} s after the load`);

  const sizes = await withClient(cluster.adminUrl, cluster.caFile, async (client) => {
    const result = await client.query<{ bench: string; cluster: string }>(
      "select pg_database_size('bench') as bench, (select sum(pg_database_size(oid)) from pg_database) as cluster",
    );
    return { bench: Number(result.rows[0]!.bench), cluster: Number(result.rows[0]!.cluster) };
  });

  const fullStartedAt = performance.now();
  await takeBackup(context, 'full', 'manual');
  const fullBackupSeconds = (performance.now() - fullStartedAt) / 1000;
  const lsnAfterFull = await withClient(
    cluster.adminUrl,
    cluster.caFile,
    async (client) => (await client.query<{ lsn: string }>('select pg_current_wal_lsn() as lsn')).rows[0]!.lsn,
  );
  const repository = pgBackRestPaths(dataDir).repositoryDir;
  const [repoBackupDirBytes, repoArchiveDirBytes, repoTotalBytes] = await Promise.all([
    duBytes(path.join(repository, 'backup')),
    duBytes(path.join(repository, 'archive')),
    duBytes(repository),
  ]);

  await pgbenchChecked(['-n', '-c', '2', '-j', '2', '-T', String(pgbenchWriteSeconds)], 120_000);
  const atTarget = await withClient(benchUrl, cluster.caFile, async (client) => {
    const result = await client.query<{ history: string; balance: string; target: Date; lsn: string; bytes: string }>(
      'select (select count(*) from pgbench_history) as history, (select sum(abalance) from pgbench_accounts) as balance, clock_timestamp() as target, pg_current_wal_lsn() as lsn, pg_wal_lsn_diff(pg_current_wal_lsn(), $1) as bytes',
      [lsnAfterFull],
    );
    return result.rows[0]!;
  });
  const expected = { history: Number(atTarget.history), balance: Number(atTarget.balance) };
  const target = atTarget.target;
  say(`  T = ${target.toISOString()}: ${expected.history} history rows, balance sum ${expected.balance}`);
  await sleep(1_500);
  await pgbenchChecked(['-n', '-c', '2', '-j', '2', '-T', String(pgbenchWriteSeconds)], 120_000);

  const diffStartedAt = performance.now();
  await takeBackup(context, 'diff', 'manual');
  const diffBackupSeconds = (performance.now() - diffStartedAt) / 1000;
  const info = JSON.parse((await runPgBackRest(owner, configFile, 'info', ['--output=json'])).stdout) as [{ backup: InfoBackup[] }];
  const full = info[0].backup.find((backup) => backup.type === 'full')!;
  const diff = info[0].backup.find((backup) => backup.type === 'diff')!;

  const into = path.join(dataDir, 'restored');
  clusterDirs.add(into);
  const logFrom = logLines.length;
  const restoreStartedAt = performance.now();
  const restored = await restoreToPointInTime(context, { to: target, into });
  const restoredAt = performance.now();
  const mark = (pattern: RegExp) => logLines.slice(logFrom).find((line) => pattern.test(line.text))?.atMs;
  const restoringAt = mark(/^Restoring /);
  const startedAt = mark(/^Started PostgreSQL on port/);
  const phases = [
    { label: 'pgbackrest check + info', seconds: ((restoringAt ?? restoreStartedAt) - restoreStartedAt) / 1000 },
    { label: 'pgbackrest restore (files)', seconds: ((startedAt ?? restoredAt) - (restoringAt ?? restoreStartedAt)) / 1000 },
    { label: 'start, WAL replay to T, promotion', seconds: (restoredAt - (startedAt ?? restoredAt)) / 1000 },
  ];
  const got = await withClient(adminUrlFor(cluster.adminUrl, restored.port, 'bench'), cluster.caFile, async (client) => {
    const result = await client.query<{ history: string; balance: string }>(
      'select (select count(*) from pgbench_history) as history, (select sum(abalance) from pgbench_accounts) as balance',
    );
    return { history: Number(result.rows[0]!.history), balance: Number(result.rows[0]!.balance) };
  });
  await removeRestoredCluster(context, into);
  clusterDirs.delete(into);
  await context.close();
  contexts.delete(context);
  await stopCluster(cluster.pgDataDir);

  return {
    data,
    scale,
    initSeconds: init.ms / 1000,
    archiveCatchUpSeconds,
    benchDatabaseBytes: sizes.bench,
    clusterBytes: sizes.cluster,
    fullBackupSeconds,
    fullBackupSizeBytes: full.info.size,
    fullBackupRepositoryBytes: full.info.repository.size,
    repoBackupDirBytes,
    repoArchiveDirBytes,
    repoTotalBytes,
    walSinceBackupBytes: Number(atTarget.bytes),
    diffBackupSeconds,
    diffBackupRepositoryBytes: diff.info.repository.delta,
    rtoSeconds: (restoredAt - restoreStartedAt) / 1000,
    phases,
    expected,
    got,
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  owner = await clusterOwner();
  const removeInterruptHandler = onInterrupt(cleanup);
  const deadline = setTimeout(() => {
    say(`over the ${overallTimeoutMs / 60_000}-minute limit: aborting`);
    void cleanup().finally(() => process.exit(1));
  }, overallTimeoutMs);
  const loadBefore = loadavg();
  const rpo: RpoResult[] = [];
  const rtos: RtoResult[] = [];
  try {
    for (const pid of await ourProcesses()) throw new Error(`process ${pid} of an earlier run still uses ${root}; stop it first`);
    await rm(root, { recursive: true, force: true });
    for (let run = 1; run <= rpoRuns; run++) rpo.push(await rpoRun(run, lossPhases[(run - 1) % lossPhases.length]!));
    if (scale > 0) for (const data of rtoData) rtos.push(await rtoRun(data));
  } finally {
    clearTimeout(deadline);
    await cleanup();
    removeInterruptHandler();
  }

  const git = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).then(
    (result) => result.stdout.trim(),
    () => '?',
  );
  const dirty = await promisify(execFile)('git', ['status', '--porcelain'], { cwd: repoRoot }).then(
    (result) => (result.stdout.trim() ? ' (uncommitted changes)' : ''),
    () => '',
  );
  console.log(`\n### Durability benchmark, ${new Date().toISOString()}, commit ${git}${dirty}\n`);
  console.log(
    `${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average (1/5/15 min) before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`,
  );

  if (rpo.length > 0) {
    console.log(
      `RPO: host lost (SIGKILL + data directory deleted) while committing every 100 ms, archive_timeout ${rpo[0]!.archiveTimeoutSeconds} s; restore \`latest\` from the repository.\n`,
    );
    console.log(
      markdownTable(
        [
          'run',
          'moment in the cycle (target s after the last archived segment)',
          'writes before loss (s)',
          'acknowledged rows',
          'restored',
          'lost',
          'RPO (s)',
          'since last archived segment at loss (s)',
          'restore (s)',
        ],
        rpo.map((result) => [
          String(result.run),
          `${result.phase} (${result.targetSinceArchivedSeconds.toFixed(1)})`,
          result.writeSeconds.toFixed(1),
          String(result.acknowledged),
          String(result.restored),
          `${result.missing}${result.holes > 0 ? ` (${result.holes} not at the end!)` : ''}`,
          result.rpoSeconds.toFixed(1),
          result.sinceLastArchiveAtLossSeconds?.toFixed(1) ?? '–',
          result.restoreSeconds.toFixed(1),
        ]),
      ),
    );
    const spool = rpo.map(
      (result) =>
        `${result.spool.files} files / ${result.spool.bytes} bytes (${result.spool.names.slice(0, 3).join(', ')}${result.spool.names.length > 3 ? ', …' : ''})`,
    );
    console.log(`\nSpool at the moment of loss: ${spool.join('; ')}`);
    const cli = rpo.find((result) => result.cliAfterLoss)?.cliAfterLoss;
    if (cli) console.log(`\n\`ops restore\` after the loss (data directory gone): exit ${cli.exitCode}: ${cli.message}`);
  }
  if (rtos.length > 0) {
    const label = (result: RtoResult) => (result.data === 'pgbench' ? `pgbench -s ${result.scale} (compressible)` : 'random bytes (incompressible)');
    const ratio = (result: RtoResult, bytes: number) => `${((bytes / result.clusterBytes) * 100).toFixed(0)} %`;
    console.log(
      `\nRTO: point-in-time restore to T, ${seconds(pgbenchWriteSeconds * 1000)} s of pgbench writes (2 clients) after the full backup; then ${seconds(pgbenchWriteSeconds * 1000)} s more and a differential backup.\n`,
    );
    const row = (name: string, value: (result: RtoResult) => string) => [name, ...rtos.map(value)];
    console.log(
      markdownTable(
        ['measure', ...rtos.map(label)],
        [
          row('load (pgbench -i, random rows)', (r) => `${r.initSeconds.toFixed(1)} s`),
          row('WAL archiving caught up after the load', (r) => `${r.archiveCatchUpSeconds.toFixed(1)} s later`),
          row('database `bench` / whole cluster', (r) => `${mib(r.benchDatabaseBytes)} / ${mib(r.clusterBytes)}`),
          row('full backup', (r) => `${r.fullBackupSeconds.toFixed(1)} s`),
          row(
            'full backup in the repository (pgbackrest info)',
            (r) => `${mib(r.fullBackupRepositoryBytes)} (${ratio(r, r.fullBackupRepositoryBytes)} of ${mib(r.fullBackupSizeBytes)})`,
          ),
          row(
            'repository on disk (du -sb): backup/ + archive/ = total',
            (r) => `${mib(r.repoBackupDirBytes)} + ${mib(r.repoArchiveDirBytes)} = ${mib(r.repoTotalBytes)}`,
          ),
          row('differential backup after the writes', (r) => `${r.diffBackupSeconds.toFixed(1)} s, ${mib(r.diffBackupRepositoryBytes)} in the repository`),
          row('WAL from the full backup to T', (r) => mib(r.walSinceBackupBytes)),
          row('**RTO: restoreToPointInTime(T) until promoted and accepting connections**', (r) => `**${r.rtoSeconds.toFixed(1)} s**`),
          ...rtos[0]!.phases.map((phase, index) => row(`  of which ${phase.label}`, (r) => `${r.phases[index]!.seconds.toFixed(1)} s`)),
          row('restored data at T', (r) =>
            r.got.history === r.expected.history && r.got.balance === r.expected.balance
              ? `matches (${r.got.history} history rows, balance sum ${r.got.balance})`
              : `**MISMATCH**: ${r.got.history}/${r.got.balance}, expected ${r.expected.history}/${r.expected.balance}`,
          ),
        ],
      ),
    );
  }
  console.log(`\nRaw: ${JSON.stringify({ rpo: rpo.map(({ spool, ...rest }) => ({ ...rest, spoolFiles: spool.files, spoolBytes: spool.bytes })), rto: rtos })}`);

  const failures = [
    ...rpo.filter((result) => result.holes > 0).map((result) => `RPO run ${result.run}: committed rows missing before the newest restored one`),
    ...rtos
      .filter((r) => r.got.history !== r.expected.history || r.got.balance !== r.expected.balance)
      .map((r) => `RTO (${r.data}): restored data differs from the data at T`),
  ];
  if (failures.length > 0) {
    console.log(`\n**Failed:** ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  await cleanup();
  process.exit(1);
});
