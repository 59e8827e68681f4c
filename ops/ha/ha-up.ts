import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseConnectionOptions } from '../../server/db/connection-options.ts';
import { createDatabase, noQueryTimeouts } from '../../server/db/database.ts';
import { DatabaseConnectionError } from '../../server/db/database-connection-error.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { BackupConfig } from '../../server/config.ts';
import { clusterOwner } from '../cluster-owner.ts';
import { bootstrap, clusterUrl } from '../local-cluster.ts';
import { ensureSecret } from '../local-secrets.ts';
import { OpsError } from '../ops-context.ts';
import { runCommand } from '../run-command.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { startAppInstances } from './app-instances.ts';
import { startEtcd } from './etcd.ts';
import { haBackupSettings, prepareClusterBackups, type HaBackupSettings } from './ha-backups.ts';
import { ensureHaCertificates } from './ha-certificates.ts';
import { haLayout, writeTopology, type HaLayout, type HaTopology } from './ha-layout.ts';
import { freePorts, isAlive, readPid, startProcess, waitFor } from './ha-processes.ts';
import { haproxyConfig } from './haproxy-config.ts';
import { patroniLogFile, startPatroni } from './ha-start-node.ts';
import { stopHa } from './ha-stop.ts';
import { httpsRequest, readClusterMembers } from './patroni-api.ts';
import type { PatroniSecrets } from './patroni-config.ts';

export interface HaUpOptions {
  dataDir: string;
  nodeCount: number;
  appCount: number;
  /** The HTTPS entry point's port (PORT, as for npm start). */
  entryPort: number;
  log: (message: string) => void;
  /** Aborted by SIGTERM or Ctrl-C during the start: the start gives up before starting anything more. */
  signal: AbortSignal;
  /** The installation's backup settings (repository, passphrase, PITR window), as for npm start. */
  backup: BackupConfig;
}

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');
const appRole = 'kvarter';

/**
 * Starts the whole topology of docs/decisions/0048-high-availability-topology.md and returns once
 * the entry point serves. Every process it starts is recorded by PID under `ha/run`; `stopHa`
 * stops exactly those.
 */
export async function haUp(options: HaUpOptions): Promise<{ layout: HaLayout; topology: HaTopology; url: string }> {
  const { log, signal } = options;
  if (options.nodeCount < 2) throw new OpsError('--nodes must be at least 2: synchronous replication needs a replica.', 2);
  if (options.appCount < 1) throw new OpsError('--apps must be at least 1.', 2);
  const layout = haLayout(options.dataDir);
  await refuseWhenRunning(layout);

  log('Checking the system packages (Patroni, etcd, HAProxy)…');
  await runCommand('bash', [path.join(repositoryRoot, 'scripts', 'ensure-system-packages.sh'), '--with-ha']);
  const owner = await clusterOwner();
  await mkdir(layout.dataDir, { recursive: true });
  await mkdir(layout.root, { recursive: true, mode: 0o755 });
  await rm(layout.runDir, { recursive: true, force: true });
  await mkdir(layout.runDir, { recursive: true });
  // The PostgreSQL owner must pass through these to reach its node directories.
  await mkdir(path.join(layout.root, 'nodes'), { recursive: true, mode: 0o755 });
  await owner.ensureTraversable(layout.root, log);
  await ensureHaCertificates(layout, owner);

  const superuserPassword = await ensureSecret(layout.dataDir, 'postgres-superuser-password');
  const appPassword = await ensureSecret(layout.dataDir, 'database-password');
  const secrets: PatroniSecrets = {
    superuserPassword,
    replicationPassword: await ensureSecret(layout.dataDir, 'replication-password'),
    apiPassword: await ensureSecret(layout.dataDir, 'patroni-api-password'),
  };
  // Shared by every instance; made here so that they do not race to create it.
  await ensureSecret(layout.dataDir, 'session-secret', 48);

  const ports = await freePorts(3 + 2 * options.nodeCount + 2 * options.appCount);
  const take = () => ports.pop()!;
  const topology: HaTopology = {
    etcd: { clientPort: take(), peerPort: take() },
    nodes: Array.from({ length: options.nodeCount }, (_, index) => ({ name: `n${index + 1}`, port: take(), apiPort: take() })),
    apps: Array.from({ length: options.appCount }, () => ({ port: take(), httpPort: take() })),
    databasePort: take(),
    entryPort: options.entryPort,
  };
  await writeTopology(layout, topology);

  await startEtcd(layout, topology, signal);
  log(`etcd serves on port ${topology.etcd.clientPort}.`);
  const backups = await haBackupSettings(layout.dataDir, options.backup, owner);
  await startNodes(layout, topology, secrets, backups, log, signal);
  await prepareClusterBackups(layout, topology, owner, log);

  const haproxyFile = path.join(layout.haproxyDir, 'haproxy.cfg');
  await mkdir(layout.haproxyDir, { recursive: true });
  await writeFileAtomic(haproxyFile, haproxyConfig(layout, topology), { mode: 0o644, replace: true });
  await runCommand('haproxy', ['-c', '-q', '-f', haproxyFile]);
  // -db: stay in the foreground as one process, so the PID is HAProxy's own.
  await startProcess({
    name: 'haproxy',
    runDir: layout.runDir,
    file: 'haproxy',
    args: ['-db', '-f', haproxyFile],
    logFile: path.join(layout.haproxyDir, 'haproxy.log'),
    signal,
  });

  const ca = await readFile(layout.certs.caFile, 'utf8');
  // The first connection through HAProxy waits for its first health checks of the leader.
  await waitFor(
    'the leader was not reachable through HAProxy',
    async () => {
      await bootstrap({ port: topology.databasePort, ca, superuserPassword, appPassword, log });
      return true;
    },
    60_000,
    path.join(layout.haproxyDir, 'haproxy.log'),
    signal,
  );
  const databaseUrl = clusterUrl(topology.databasePort, appRole, appPassword, appRole);
  // Once, through the leader, before any instance starts: the instances then find nothing to apply.
  const applied = await migrateThroughLeader(databaseUrl, layout.certs.caFile, signal);
  log(`Migrations applied through the leader: ${applied === 0 ? 'none were pending' : applied}.`);

  signal.throwIfAborted();
  await startAppInstances(layout, topology, databaseUrl, log, signal);
  await waitFor(
    'the HTTPS entry point did not reach an app instance',
    async () => ((await httpsRequest(topology.entryPort, '/healthz', ca, { timeoutMs: 2_000 })).status === 200 ? true : undefined),
    30_000,
    path.join(layout.haproxyDir, 'haproxy.log'),
    signal,
  );
  return { layout, topology, url: `https://localhost:${topology.entryPort}` };
}

/**
 * The pending migrations through HAProxy, run again while the connection is cut: HAProxy cuts the
 * leader's sessions when two health checks in a row fail, which a loaded machine can cause while
 * the replicas clone from the leader. Each migration runs in a transaction, so a cut one left
 * nothing behind and the next run applies what is still pending. Resolves with how many it applied.
 */
async function migrateThroughLeader(databaseUrl: string, caFile: string, signal: AbortSignal): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    signal.throwIfAborted();
    const db = createDatabase(parseConnectionOptions(databaseUrl, caFile), () => undefined, noQueryTimeouts);
    try {
      return (await migrateToLatest(db)).length;
    } catch (error) {
      // A failed migration carries the database's error as its cause.
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
      const isOutage = cause instanceof DatabaseConnectionError ? cause.isOutage : new DatabaseConnectionError(cause).isOutage;
      if (!isOutage || Date.now() > deadline) throw error;
    } finally {
      await db.destroy();
    }
    await sleep(1_000);
  }
}

/** Starts the first node alone so that it initialises the cluster, then clones the others from it. */
async function startNodes(
  layout: HaLayout,
  topology: HaTopology,
  secrets: PatroniSecrets,
  backups: HaBackupSettings,
  log: (message: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const ca = await readFile(layout.certs.caFile, 'utf8');
  for (const [index, node] of topology.nodes.entries()) {
    const pid = await startPatroni(layout, topology, node, secrets, backups, signal);
    log(`Patroni ${node.name} started (pid ${pid}, PostgreSQL port ${node.port}, REST API port ${node.apiPort}).`);
    if (index === 0) {
      await waitFor(
        `${node.name} did not become the leader`,
        async () => ((await httpsRequest(node.apiPort, '/primary', ca, { timeoutMs: 2_000 })).status === 200 ? true : undefined),
        120_000,
        patroniLogFile(layout, node.name),
        signal,
      );
    }
  }
  await waitFor(
    'the replicas did not start streaming with one of them synchronous',
    async () => {
      const members = await readClusterMembers(
        topology.nodes.map((node) => node.apiPort),
        ca,
      );
      const replicas = members.filter((member) => member.role !== 'leader');
      const streaming = replicas.filter((member) => member.state === 'streaming' || member.state === 'running');
      const ready = streaming.length === topology.nodes.length - 1 && replicas.some((member) => member.role === 'sync_standby');
      return ready ? true : undefined;
    },
    180_000,
    undefined,
    signal,
  );
  log(`${topology.nodes.length} PostgreSQL nodes run, one replica synchronous.`);
}

/** A second `ha up` on the same data directory would fight the first over its data. */
async function refuseWhenRunning(layout: HaLayout): Promise<void> {
  const files = await readdir(layout.runDir).catch(() => []);
  for (const file of files.filter((name) => name.endsWith('.pid'))) {
    const pid = await readPid(path.join(layout.runDir, file));
    if (pid !== undefined && (await isAlive(pid))) {
      throw new OpsError(`The HA topology in ${layout.root} is already running (${file.replace(/\.pid$/, '')} has pid ${pid}); stop that ha up first.`);
    }
  }
  // Nothing of an earlier run is alive, but a killed run may have left PostgreSQL orphaned.
  await stopHa(layout, () => undefined);
}
