import { createHash } from 'node:crypto';
import { access, chmod, chown, lstat, mkdir, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { clusterOwner, type ClusterOwner } from './cluster-owner.ts';
import { writeLocalClusterConfig } from './local-cluster-config.ts';
import { ensureSecret } from './local-secrets.ts';
import { ensureLocalTls } from './local-tls.ts';
import { runCommand, type RunResult } from './run-command.ts';
import { withFileLock } from './with-file-lock.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
import type { BackupConfig } from '../server/config.ts';
import type { HaLayout, HaTopology } from './ha/ha-layout.ts';
import { writeArchivingConfig, writePgBackRestConfig } from './pgbackrest-config.ts';
import { createStanza, runPgBackRest } from './pgbackrest.ts';

export interface LocalCluster {
  /** App role `kvarter` (database owner, not superuser), TLS verify-full against `caFile`. */
  databaseUrl: string;
  /** Superuser `postgres` on database `postgres`, for administration and test databases. */
  adminUrl: string;
  caFile: string;
  port: number;
  pgDataDir: string;
  /** Stops the cluster (fast shutdown), but only if this call started it. */
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  dataDir: string;
  /** Where WAL and backups go; a local, encrypted repository with a 7-day window by default. */
  backup?: BackupConfig;
  log?: (message: string) => void;
}

const defaultBackupConfig: BackupConfig = { s3: undefined, encryptionPassphrase: undefined, pitrWindowDays: 7, dumpRetentionDays: 30 };

const FIRST_PORT = 55432;
const PORT_ATTEMPTS = 200;
/** How often a start may lose its port to another program before giving up. */
const PORT_RACE_ATTEMPTS = 3;
// sun_path holds 108 bytes on Linux; PostgreSQL also needs room for its ".lock" sibling.
const MAX_SOCKET_PATH = 100;
const APP_ROLE = 'kvarter';

/**
 * Creates (first time), starts (when not running) and bootstraps the PostgreSQL cluster under
 * `$dataDir/postgres`, which Kvarter manages when no DATABASE_URL is given.
 */
export async function ensureLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  const pgDataDir = path.join(clusterDir, 'data');
  const owner = await clusterOwner();

  // Two steps, so that only our own directory (not dataDir or its parents) gets mode 700.
  await mkdir(dataDir, { recursive: true });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const tls = await ensureLocalTls(dataDir);
  const superuserPassword = await ensureSecret(dataDir, 'postgres-superuser-password');
  const appPassword = await ensureSecret(dataDir, 'database-password');
  const backup = options.backup ?? defaultBackupConfig;
  const backupPassphrase = backup.encryptionPassphrase ?? (await ensureSecret(dataDir, 'backup-passphrase', 48));
  const ca = await readFile(tls.caFile, 'utf8');

  const { port, started } = await withFileLock(path.join(clusterDir, '.lock'), async () => {
    await owner.ensureTraversable(dataDir, log);
    if (!(await exists(path.join(pgDataDir, 'PG_VERSION')))) await initCluster(clusterDir, pgDataDir, superuserPassword, owner, log);

    const running = await isRunning(owner, pgDataDir);
    const certificateChanged = await installServerCertificate(tls.certFile, tls.keyFile, pgDataDir);
    const configure = async () => {
      const port = await ensurePort(clusterDir, !running, log);
      const socketDir = await ensureSocketDir(clusterDir, dataDir, port, owner);
      const pgBackRest = await writePgBackRestConfig({ dataDir, pgDataDir, port, socketDir, backup, passphrase: backupPassphrase, owner });
      return { port, socketDir, pgBackRest };
    };
    let { port, socketDir, pgBackRest } = await configure();

    if (running) {
      if (certificateChanged) {
        await owner.adopt(clusterDir);
        await pgCtl(owner, pgDataDir, ['reload']);
        log('Installed the renewed server certificate and reloaded PostgreSQL.');
      }
      log(`Using the PostgreSQL cluster already running on port ${port}.`);
    } else {
      for (let attempt = 1; ; attempt += 1) {
        await writeLocalClusterConfig({ pgDataDir, port, socketDir, ownerName: owner.name, ownerIsPostgres: owner.isSeparateUser });
        await writeArchivingConfig(pgDataDir, pgBackRest.configFile);
        await owner.adopt(clusterDir);
        try {
          await startCluster(owner, pgDataDir, port, log);
          break;
        } catch (error) {
          // Another program (another test run on a shared machine) can take the port between the
          // check that it is free and PostgreSQL binding it: move to another free port and retry.
          if (attempt >= PORT_RACE_ATTEMPTS || !isPortTakenError(error)) throw error;
          log(`Port ${port} was taken while PostgreSQL started; trying another.`);
          ({ port, socketDir, pgBackRest } = await configure());
        }
      }
    }
    await bootstrap({ port, ca, superuserPassword, appPassword, log });
    try {
      await createStanza(owner, pgBackRest.configFile);
      await archiveTimelineHistory(owner, pgBackRest.configFile, pgDataDir);
    } catch (error) {
      // Leave nothing running that this call started: the operator fixes the repository first.
      if (!running) await pgCtl(owner, pgDataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined);
      throw new Error(`pgBackRest could not set up the backup repository: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { port, started: !running };
  });

  return {
    databaseUrl: clusterUrl(port, APP_ROLE, appPassword, APP_ROLE),
    adminUrl: clusterUrl(port, 'postgres', superuserPassword, 'postgres'),
    caFile: tls.caFile,
    port,
    pgDataDir,
    stop: async () => {
      if (!started || !(await isRunning(owner, pgDataDir))) return;
      await pgCtl(owner, pgDataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']);
      log('Stopped PostgreSQL.');
    },
  };
}

/**
 * A cluster restored to a point in time and switched in as the live one (or seeding a new HA
 * cluster) was promoted while it did not archive, so its timeline history file never reached the repository; later restores
 * need it to follow the right timeline. Pushing history files again is harmless: pgBackRest
 * accepts a file it already holds with the same checksum.
 */
export async function archiveTimelineHistory(owner: ClusterOwner, configFile: string, pgDataDir: string): Promise<void> {
  const walDir = path.join(pgDataDir, 'pg_wal');
  const historyFiles = (await readdir(walDir)).filter((name) => /^[0-9A-F]{8}\.history$/.test(name));
  for (const name of historyFiles) {
    await runPgBackRest(owner, configFile, 'archive-push', ['--no-archive-async'], [path.join(walDir, name)]);
  }
}

export interface LocalClusterLayout {
  dataDir: string;
  pgDataDir: string;
  port: number;
  databaseUrl: string;
  adminUrl: string;
  caFile: string;
  /** Set for the HA cluster of `ops ha up` (ops/ha/ha-backups.ts), whose pgDataDir holds every node's data. */
  ha?: { layout: HaLayout; topology: HaTopology };
}

/**
 * Where the managed cluster lives and how to reach it, without creating or starting anything
 * (ops commands must work, and say so clearly, when it is down or its data directory is lost).
 * Undefined before the first start.
 */
export async function describeLocalCluster(dataDirectory: string): Promise<LocalClusterLayout | undefined> {
  const dataDir = path.resolve(dataDirectory);
  const clusterDir = path.join(dataDir, 'postgres');
  const pgDataDir = path.join(clusterDir, 'data');
  // The port file outlives a lost data directory, so a restore from the repository still works then.
  const portText = await readFile(path.join(clusterDir, 'port'), 'utf8').catch(() => undefined);
  if (portText === undefined) return undefined;
  const port = Number.parseInt(portText, 10);
  const superuserPassword = await ensureSecret(dataDir, 'postgres-superuser-password');
  const appPassword = await ensureSecret(dataDir, 'database-password');
  return {
    dataDir,
    pgDataDir,
    port,
    databaseUrl: clusterUrl(port, APP_ROLE, appPassword, APP_ROLE),
    adminUrl: clusterUrl(port, 'postgres', superuserPassword, 'postgres'),
    caFile: path.join(dataDir, 'tls', 'ca.crt'),
  };
}

export function clusterUrl(port: number, user: string, password: string, database: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@localhost:${port}/${database}?sslmode=verify-full`;
}

/**
 * The cluster keeps its port across starts. A stopped cluster whose port has since been taken
 * (another data directory's cluster, say a test run beside `npm start`) moves to a free one.
 */
async function ensurePort(clusterDir: string, mayMove: boolean, log: (message: string) => void): Promise<number> {
  const portFile = path.join(clusterDir, 'port');
  if (!(await exists(portFile))) {
    const free = await findFreePort();
    await writeFileAtomic(portFile, `${free}\n`, { mode: 0o644, replace: false });
  }
  const port = Number.parseInt(await readFile(portFile, 'utf8'), 10);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${portFile} does not contain a valid port; delete it to pick a new one.`);
  if (!mayMove || (await isFree(port))) return port;
  const free = await findFreePort();
  await writeFileAtomic(portFile, `${free}\n`, { mode: 0o644, replace: true });
  log(`Port ${port} is taken by another program; the PostgreSQL cluster moves to port ${free}.`);
  return free;
}

/** PostgreSQL's log says so when the port was taken by the time it tried to bind it. */
function isPortTakenError(error: unknown): boolean {
  return error instanceof Error && error.message.includes('Address already in use');
}

export async function findFreePort(): Promise<number> {
  for (let port = FIRST_PORT; port < FIRST_PORT + PORT_ATTEMPTS; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`No free TCP port on 127.0.0.1 between ${FIRST_PORT} and ${FIRST_PORT + PORT_ATTEMPTS - 1}.`);
}

export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Uses the newest PostgreSQL ≥ 15 for a new cluster, and the cluster's own major version after. */
export async function postgresBinDir(pgDataDir: string): Promise<string> {
  const root = '/usr/lib/postgresql';
  const existing = await readFile(path.join(pgDataDir, 'PG_VERSION'), 'utf8').catch(() => undefined);
  const candidates =
    existing === undefined ? (await readdir(root).catch(() => [])).filter((v) => Number(v) >= 15).sort((a, b) => Number(b) - Number(a)) : [existing.trim()];
  for (const version of candidates) {
    const bin = path.join(root, version, 'bin');
    if (await exists(path.join(bin, 'initdb'))) return bin;
  }
  const wanted = existing === undefined ? 'PostgreSQL 15 or newer' : `PostgreSQL ${existing.trim()} (the version of ${pgDataDir})`;
  throw new Error(`${wanted} is not installed under ${root}. Run: bash scripts/ensure-system-packages.sh`);
}

/**
 * Runs initdb into a scratch directory and renames it into place, so an interrupted initdb never
 * leaves a half-initialised data directory that looks usable.
 */
export async function initCluster(
  clusterDir: string,
  pgDataDir: string,
  superuserPassword: string,
  owner: ClusterOwner,
  log: (message: string) => void,
): Promise<void> {
  for (const entry of await readdir(clusterDir)) {
    if (entry.startsWith('data.init-')) await rm(path.join(clusterDir, entry), { recursive: true, force: true });
  }
  const scratch = `${pgDataDir}.init-${process.pid}`;
  // initdb runs as the owner, who cannot read our secrets directory; hand it a private copy.
  const passwordFile = path.join(clusterDir, 'initdb-password');
  await writeFileAtomic(passwordFile, `${superuserPassword}\n`, { mode: 0o600, replace: true });
  await owner.adopt(clusterDir);
  const locale = (await hasLocale('C.UTF-8')) ? 'C.UTF-8' : 'C';
  const startedAt = Date.now();
  try {
    await owner.run(
      path.join(await postgresBinDir(pgDataDir), 'initdb'),
      ['-D', scratch, '-U', 'postgres', '-A', 'scram-sha-256', `--pwfile=${passwordFile}`, '--data-checksums', '-E', 'UTF8', `--locale=${locale}`],
      { cwd: clusterDir },
    );
  } finally {
    await unlink(passwordFile).catch(() => {});
  }
  await rename(scratch, pgDataDir);
  log(`Initialised a new PostgreSQL cluster in ${pgDataDir} (${seconds(startedAt)}, locale ${locale}).`);
}

async function hasLocale(wanted: string): Promise<boolean> {
  const normalise = (name: string) => name.toLowerCase().replaceAll('-', '');
  const { stdout } = await runCommand('locale', ['-a']).catch(() => ({ stdout: '' }));
  return stdout.split('\n').some((name) => normalise(name.trim()) === normalise(wanted));
}

/** Copies the server certificate into the data directory, where the postgres user can read it. */
export async function installServerCertificate(certFile: string, keyFile: string, pgDataDir: string): Promise<boolean> {
  let changed = false;
  for (const [source, name, mode] of [
    [certFile, 'server.crt', 0o644],
    [keyFile, 'server.key', 0o600],
  ] as const) {
    const target = path.join(pgDataDir, name);
    const contents = await readFile(source);
    const current = await readFile(target).catch(() => undefined);
    if (current?.equals(contents)) continue;
    await writeFileAtomic(target, contents, { mode, replace: true });
    changed = true;
  }
  return changed;
}

/**
 * Keeps the socket under `$dataDir/postgres/run` unless that path is too long for a Unix socket;
 * then uses a per-data-directory folder under /tmp.
 */
export async function ensureSocketDir(clusterDir: string, dataDir: string, port: number, owner: ClusterOwner): Promise<string> {
  const preferred = path.join(clusterDir, 'run');
  if (Buffer.byteLength(path.join(preferred, `.s.PGSQL.${port}`)) < MAX_SOCKET_PATH) {
    await mkdir(preferred, { recursive: true, mode: 0o700 });
    return preferred;
  }
  const fallback = path.join('/tmp', `kvarter-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  await mkdir(fallback, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  // /tmp is shared: refuse a directory someone else planted (or a symlink) at our name.
  const info = await lstat(fallback);
  if (!info.isDirectory() || (info.uid !== process.getuid?.() && info.uid !== owner.uid)) {
    throw new Error(`${fallback} exists but is not a directory owned by us; remove it and try again.`);
  }
  await chown(fallback, owner.uid, owner.gid);
  await chmod(fallback, 0o700);
  return fallback;
}

export async function startCluster(
  owner: ClusterOwner,
  pgDataDir: string,
  port: number,
  log: (message: string) => void,
  logFile = path.join(path.dirname(pgDataDir), 'server.log'),
): Promise<void> {
  const startedAt = Date.now();
  try {
    // pg_ctl detaches the postmaster into its own session, so it outlives this process and a Ctrl+C.
    await pgCtl(owner, pgDataDir, ['-l', logFile, '-w', '-t', '60', 'start']);
  } catch (error) {
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-20).join('\n');
    throw new Error(`PostgreSQL did not start on port ${port}. Last lines of ${logFile}:\n${tail}`, { cause: error });
  }
  log(`Started PostgreSQL on port ${port} (${seconds(startedAt)}).`);
}

export async function pgCtl(owner: ClusterOwner, pgDataDir: string, args: string[], okExitCodes?: number[]): Promise<RunResult> {
  const bin = await postgresBinDir(pgDataDir);
  return owner.run(path.join(bin, 'pg_ctl'), ['-D', pgDataDir, ...args], { cwd: path.dirname(pgDataDir), okExitCodes });
}

/** Exit status 3 means "not running"; 4 means there is no data directory (any more). */
export async function isRunning(owner: ClusterOwner, pgDataDir: string): Promise<boolean> {
  return (await pgCtl(owner, pgDataDir, ['status'], [3, 4])).exitCode === 0;
}

/** Creates or updates the app role and its database; safe to repeat on every start. */
export async function bootstrap(settings: {
  port: number;
  ca: string;
  superuserPassword: string;
  appPassword: string;
  log: (message: string) => void;
}): Promise<void> {
  const client = new pg.Client({
    host: 'localhost',
    port: settings.port,
    user: 'postgres',
    password: settings.superuserPassword,
    database: 'postgres',
    ssl: { ca: settings.ca, rejectUnauthorized: true },
  });
  await client.connect().catch((error: Error) => {
    throw new Error(
      `Could not connect to the local PostgreSQL on port ${settings.port} as postgres: ${error.message}. See postgres/server.log in the data directory.`,
    );
  });
  try {
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(settings.appPassword)}`;
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    // Updating an existing role also repairs it if its password or attributes were changed by hand.
    await client.query(`${role.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${APP_ROLE} WITH ${attributes}`);
    const database = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_ROLE]);
    if (database.rowCount === 0) {
      await client.query(`CREATE DATABASE ${APP_ROLE} OWNER ${APP_ROLE}`);
      settings.log(`Created the ${APP_ROLE} database.`);
    }
    await client.query(`REVOKE ALL ON DATABASE ${APP_ROLE} FROM PUBLIC`);
    // Lets the app read pg_stat_replication's state and positions of the replicas' connections,
    // which are not its own, for the cluster on the operations page (decision 0052). Narrower than
    // pg_monitor: statistics only, no settings or file paths.
    await client.query(`GRANT pg_read_all_stats TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
