import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { parseConnectionOptions } from '../server/db/connection-options.ts';
import {
  clusterUrl,
  ensureSocketDir,
  findFreePort,
  installServerCertificate,
  isRunning,
  pgCtl,
  startCluster,
  type LocalClusterLayout,
} from './local-cluster.ts';
import { writeLocalClusterConfig } from './local-cluster-config.ts';
import { ensureSecret } from './local-secrets.ts';
import { OpsError, type OpsContext } from './ops-context.ts';
import { pgBackRestPaths } from './pgbackrest-config.ts';
import { readRepositoryInfo, runPgBackRest } from './pgbackrest.ts';
import { currentPgBackRestConfig } from './current-pgbackrest-config.ts';

export interface RestoredCluster {
  dataDir: string;
  port: number;
  /** App role, TLS verify-full against caFile: ready for DATABASE_URL of a second app instance. */
  databaseUrl: string;
  caFile: string;
}

export interface RestoreOptions {
  /** A moment inside the recovery window, or 'latest' for everything archived. */
  to: Date | 'latest';
  into: string;
  port?: number;
}

/**
 * Restores the managed cluster as it was at `to` into a NEW data directory and starts it there;
 * the live cluster and its repository are only read. pgBackRest picks the newest backup before
 * the target and replays WAL up to it; the restored cluster never archives (it would write into
 * the live cluster's repository).
 */
export async function restoreToPointInTime(context: OpsContext, options: RestoreOptions): Promise<RestoredCluster> {
  const live = requireManagedCluster(context);
  const into = path.resolve(options.into);
  await prepareEmptyDirectory(context, into, live);
  const configFile = await currentPgBackRestConfig(context);
  const target = options.to;
  // Checked before the commit below, whose time must lie after the target.
  if (target !== 'latest' && target.getTime() > Date.now()) throw new OpsError(`${target.toISOString()} is in the future.`);

  // An HA cluster is up when Patroni reports a leader, which finding configFile just did.
  if (live.ha || (await isRunning(context.owner, live.pgDataDir))) {
    // Recovery to a time stops at the first commit after it; on an idle database there may be
    // none yet, and PostgreSQL then refuses to finish recovery. One empty commit provides it.
    await markCommitAfterTarget(live).catch((error: Error) => context.log(`Could not write a commit after the target (${error.message}).`));
    // Forces a WAL switch and waits until it is archived, so "now" and the last seconds are restorable.
    await runPgBackRest(context.owner, configFile, 'check').catch((error: Error) =>
      context.log(`WAL archiving check failed (${error.message}); restoring what is archived.`),
    );
  }
  const info = await readRepositoryInfo(context.owner, configFile);
  const oldest = info.backups[0]?.stoppedAt;
  if (!oldest) throw new OpsError('There is no backup to restore from yet: take one with `npm run ops -- backup`.');
  if (target !== 'latest' && target.getTime() < Date.parse(oldest)) {
    throw new OpsError(`${target.toISOString()} is before the oldest recovery point (${oldest}); the recovery window is ${oldest} until now.`);
  }

  context.log(`Restoring ${target === 'latest' ? 'the newest state' : target.toISOString()} into ${into}…`);
  const workDir = await prepareRestoreWorkDir(context, into);
  await runPgBackRest(context.owner, configFile, 'restore', [
    `--pg1-path=${into}`,
    // pgBackRest's restore empties the spool path's archive queue, and the copy's archive-get
    // takes the stanza's archive lock: with the live cluster's paths, every restore deleted the
    // status files of its asynchronous archive-push (a 60 s stall and a failure counted by
    // pg_stat_archiver) and could lock it out. Both options also go into the restore_command.
    `--spool-path=${workDir.spoolPath}`,
    `--lock-path=${workDir.lockPath}`,
    // Not --archive-mode=off: it writes archive_mode = off into postgresql.auto.conf, which would
    // outlive a switch-over and leave the new live cluster unarchived. The copy's own
    // kvarter-archiving.conf (below) turns archiving off, and npm start rewrites it.
    ...(target === 'latest' ? ['--type=default'] : ['--type=time', `--target=${postgresTimestamp(target)}`, '--target-action=promote']),
  ]);

  const port = options.port ?? (await findFreePort());
  const socketDir = await ensureSocketDir(into, into, port, context.owner);
  await writeLocalClusterConfig({ pgDataDir: into, port, socketDir, ownerName: context.owner.name, ownerIsPostgres: context.owner.isSeparateUser });
  // No archiving from a restored copy, whatever the backed-up configuration said.
  await writeFile(path.join(into, 'kvarter-archiving.conf'), '# A restored copy never archives.\narchive_mode = off\n', { mode: 0o600 });
  // The managed cluster's backups carry its certificate in the data directory; HA nodes read theirs from ha/certs.
  if (live.ha) await installServerCertificate(live.ha.layout.certs.certFile, live.ha.layout.certs.keyFile, into);
  await context.owner.adopt(into);
  const logFile = path.join(into, 'restore-server.log');
  // pg_ctl -w returns as soon as the copy accepts read-only connections, usually long before
  // recovery reaches the target; a recovery that fails after that stops the server, so both the
  // start and the wait for the promotion read the log to explain a failure.
  const explainFailure = async (error: unknown): Promise<never> => {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    if (log.includes('recovery ended before configured recovery target was reached')) {
      throw new OpsError(
        `The WAL needed to reach ${target === 'latest' ? 'the newest state' : target.toISOString()} is not in the repository (archiving may be behind). ` +
          `Try an earlier time (delete ${into} first).`,
      );
    }
    throw error;
  };
  await startCluster(context.owner, into, port, context.log, logFile).catch(explainFailure);
  await waitUntilPromoted(context, live.caFile, port, into, logFile).catch(explainFailure);
  const appPassword = await ensureSecret(context.config.dataDir, 'database-password');
  const restored = { dataDir: into, port, databaseUrl: clusterUrl(port, 'kvarter', appPassword, 'kvarter'), caFile: live.caFile };
  context.log(`Restored cluster running on port ${port}.`);
  return restored;
}

/** Stops a cluster that `restoreToPointInTime` started (the directory is kept). */
export async function stopRestoredCluster(context: OpsContext, into: string): Promise<void> {
  const dataDir = path.resolve(into);
  if (context.cluster && isInside(dataDir, context.cluster.pgDataDir)) throw new OpsError('That is the live cluster; stop it by stopping Kvarter.');
  if (!(await isRunning(context.owner, dataDir))) throw new OpsError(`No PostgreSQL is running in ${dataDir}.`);
  await pgCtl(context.owner, dataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']);
}

export function requireManagedCluster(context: OpsContext): LocalClusterLayout {
  if (!context.cluster) {
    throw new OpsError("Physical backups and point-in-time restore belong to the managed cluster; with DATABASE_URL they are your database provider's.");
  }
  return context.cluster;
}

async function prepareEmptyDirectory(context: OpsContext, into: string, live: LocalClusterLayout): Promise<void> {
  if (isInside(into, live.pgDataDir)) {
    throw new OpsError('The restore target must be a new directory, not the live data directory.');
  }
  const entries = await readdir(into).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (entries && entries.length > 0) throw new OpsError(`${into} is not empty; restore into a new directory.`);
  await mkdir(into, { recursive: true, mode: 0o700 });
  await context.owner.ensureTraversable(path.dirname(into), context.log);
  await context.owner.adopt(into);
}

function isInside(directory: string, parent: string): boolean {
  return directory === parent || directory.startsWith(`${parent}${path.sep}`);
}

/** pgBackRest wants `YYYY-MM-DD HH:MM:SS.ffffff+00`. */
function postgresTimestamp(moment: Date): string {
  return `${moment.toISOString().replace('T', ' ').replace('Z', '')}000+00`;
}

/** One committed transaction with a transaction id: a commit record stamped with the current time. */
async function markCommitAfterTarget(live: LocalClusterLayout): Promise<void> {
  const client = new pg.Client(parseConnectionOptions(live.adminUrl, live.caFile).pool);
  await client.connect();
  try {
    await client.query('select pg_current_xact_id()');
  } finally {
    await client.end();
  }
}

/** Recovery ends with a promotion; only then is the copy a normal, writable database (and its recovery settings are dropped). */
async function waitUntilPromoted(context: OpsContext, caFile: string, port: number, pgDataDir: string, logFile: string): Promise<void> {
  const superuserPassword = await ensureSecret(context.config.dataDir, 'postgres-superuser-password');
  const ca = await readFile(caFile, 'utf8');
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (!(await isRunning(context.owner, pgDataDir))) {
      const tail = (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-20).join('\n');
      throw new OpsError(`The restored cluster stopped during recovery. Last lines of ${logFile}:\n${tail}`);
    }
    const client = new pg.Client({
      host: 'localhost',
      port,
      user: 'postgres',
      password: superuserPassword,
      database: 'postgres',
      ssl: { ca, rejectUnauthorized: true },
    });
    try {
      await client.connect();
      const result = await client.query<{ recovering: boolean }>('select pg_is_in_recovery() as recovering');
      if (result.rows[0]?.recovering === false) return await forgetRecoverySettings(client);
    } catch {
      // Still starting up; try again below.
    } finally {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new OpsError(`The restored cluster on port ${port} did not finish recovery within 5 minutes.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * pgBackRest put the restore command and the target into postgresql.auto.conf, where they outlive
 * the recovery: a standby made from the copy (a new HA cluster seeded with it) would read them,
 * fetch from the old repository paths and stop at the old target. The promoted copy needs neither.
 */
async function forgetRecoverySettings(client: pg.Client): Promise<void> {
  for (const setting of ['restore_command', 'recovery_target_time', 'recovery_target_action']) await client.query(`alter system reset ${setting}`);
  await client.query('select pg_reload_conf()');
}

/** Removes a scratch restore (drills): stop if running, then delete the directory. */
export async function removeRestoredCluster(context: OpsContext, into: string): Promise<void> {
  const dataDir = path.resolve(into);
  if (await isRunning(context.owner, dataDir).catch(() => false)) await pgCtl(context.owner, dataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']);
  await rm(dataDir, { recursive: true, force: true });
  await rm(restoreWorkDir(context, dataDir), { recursive: true, force: true });
}

/**
 * pgBackRest's spool and lock directories of one restored copy, apart from the live cluster's (in
 * HA apart from every node's, whichever leads).
 */
function restoreWorkDir(context: OpsContext, into: string): string {
  const ha = context.cluster?.ha;
  const home = ha ? path.join(ha.layout.root, 'pgbackrest') : path.dirname(pgBackRestPaths(context.config.dataDir).configFile);
  return path.join(home, 'restores', createHash('sha256').update(into).digest('hex').slice(0, 16));
}

async function prepareRestoreWorkDir(context: OpsContext, into: string): Promise<{ spoolPath: string; lockPath: string }> {
  const base = restoreWorkDir(context, into);
  await rm(base, { recursive: true, force: true });
  const paths = { spoolPath: path.join(base, 'spool'), lockPath: path.join(base, 'lock') };
  for (const directory of Object.values(paths)) await mkdir(directory, { recursive: true, mode: 0o700 });
  // From pgBackRest's own directory down, which in HA this call may have just created.
  await context.owner.adopt(path.dirname(path.dirname(base)));
  return paths;
}
