import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupConfig } from '../../server/config.ts';
import { clusterOwner } from '../cluster-owner.ts';
import { ensureSocketDir, postgresBinDir } from '../local-cluster.ts';
import { ensureSecret } from '../local-secrets.ts';
import { OpsError } from '../ops-context.ts';
import { runCommand } from '../run-command.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { haBackupSettings, writeNodeBackupConfig, type HaBackupSettings } from './ha-backups.ts';
import type { HaLayout, HaNode, HaTopology } from './ha-layout.ts';
import { isAlive, pidFile, readPid, startProcess, waitFor } from './ha-processes.ts';
import { httpsRequest, readClusterMembers } from './patroni-api.ts';
import { patroniConfig, type PatroniSecrets } from './patroni-config.ts';

/**
 * Writes one node's Patroni configuration and starts its Patroni as the PostgreSQL owner (PID in
 * `ha/run/patroni-<name>.pid`, which `ha stop` and `ha status` read). Used by `ha up` for every
 * node and by `ha start-node` for one whose processes were lost. Resolves with Patroni's PID once
 * the process runs; what Patroni then does (initialise, clone, rewind, follow) is its own.
 */
export async function startPatroni(
  layout: HaLayout,
  topology: HaTopology,
  node: HaNode,
  secrets: PatroniSecrets,
  backups: HaBackupSettings,
  signal?: AbortSignal,
): Promise<number> {
  const { owner } = backups;
  const directory = layout.nodeDir(node.name);
  await mkdir(path.join(directory, 'log'), { recursive: true, mode: 0o700 });
  // The first node's data directory decides the version: the others are its clones.
  const binDir = await postgresBinDir(path.join(layout.nodeDir(topology.nodes[0]!.name), 'data'));
  const user = owner.isSeparateUser ? { uid: owner.uid, gid: owner.gid, home: await homeOf(owner.name) } : undefined;
  const configFile = path.join(directory, 'patroni.yml');
  // Under the node's directory unless that path is too long for a Unix socket (then under /tmp).
  const socketDir = await ensureSocketDir(directory, layout.dataDir, node.port, owner);
  // Every node archives whenever it leads, through its own pgbackrest.conf (decision 0051).
  const archiving = await writeNodeBackupConfig(layout, node, socketDir, backups);
  // Holds the database passwords: readable by the PostgreSQL owner alone.
  await writeFileAtomic(
    configFile,
    `${JSON.stringify(patroniConfig(layout, topology, node, { secrets, postgresBinDir: binDir, socketDir, archiving }), null, 2)}\n`,
    {
      mode: 0o600,
      replace: true,
    },
  );
  await owner.adopt(directory);
  return startProcess({
    name: `patroni-${node.name}`,
    runDir: layout.runDir,
    file: 'patroni',
    args: [configFile],
    logFile: patroniLogFile(layout, node.name),
    user,
    cwd: directory,
    signal,
  });
}

/** Patroni's own output (its start, and what it does before its log directory is set up). */
export function patroniLogFile(layout: HaLayout, name: string): string {
  return path.join(layout.nodeDir(name), 'log', 'patroni.out');
}

/** The secrets every node's configuration holds, as `ha up` created them. */
export async function readPatroniSecrets(dataDir: string): Promise<PatroniSecrets> {
  return {
    superuserPassword: await ensureSecret(dataDir, 'postgres-superuser-password'),
    replicationPassword: await ensureSecret(dataDir, 'replication-password'),
    apiPassword: await ensureSecret(dataDir, 'patroni-api-password'),
  };
}

/**
 * `ops ha start-node <name>`: starts again the Patroni of a node whose processes were lost (a
 * crash, a `kill -9`, the machine's restart). Patroni finds another leader in etcd and makes the
 * node follow it, rewinding it first with pg_rewind when it was the old leader and diverged.
 * Resolves with the node's state once it streams from the leader as a replica.
 */
export async function startNode(
  layout: HaLayout,
  topology: HaTopology,
  name: string,
  backup: BackupConfig,
  log: (message: string) => void,
): Promise<{ role: string; state: string; pid: number }> {
  const node = topology.nodes.find((candidate) => candidate.name === name);
  if (!node) throw new OpsError(`No node named "${name}"; the nodes are ${topology.nodes.map((candidate) => candidate.name).join(', ')}.`, 2);
  const running = await readPid(pidFile(layout.runDir, `patroni-${name}`));
  if (running !== undefined && (await isAlive(running))) throw new OpsError(`The Patroni of ${name} is running (pid ${running}); there is nothing to start.`);
  const backups = await haBackupSettings(layout.dataDir, backup, await clusterOwner());
  const pid = await startPatroni(layout, topology, node, await readPatroniSecrets(layout.dataDir), backups);
  log(`Patroni ${name} started (pid ${pid}); waiting until it follows the leader.`);
  const ca = await readFile(layout.certs.caFile, 'utf8');
  const member = await waitFor(
    `${name} did not rejoin as a streaming replica`,
    async () => {
      if (!(await isAlive(pid))) throw new OpsError(`Patroni ${name} exited; see ${patroniLogFile(layout, name)}.`);
      const members = await readClusterMembers(
        topology.nodes.map((candidate) => candidate.apiPort),
        ca,
      );
      const self = members.find((candidate) => candidate.name === name);
      const leader = members.find((candidate) => candidate.role === 'leader');
      if (!self || !leader || self === leader || self.state !== 'running') return undefined;
      // Patroni 3.0 calls a replica "running" from its start on; the leader's own view of its WAL senders says it streams.
      const leaderApi = topology.nodes.find((candidate) => candidate.name === leader.name)!.apiPort;
      const answer = await httpsRequest(leaderApi, '/patroni', ca, { timeoutMs: 2_000 });
      const senders = (JSON.parse(answer.body) as { replication?: { application_name: string; state: string }[] }).replication ?? [];
      return senders.some((sender) => sender.application_name === name && sender.state === 'streaming') ? self : undefined;
    },
    180_000,
    patroniLogFile(layout, name),
  ).catch(async (error: unknown) => {
    // waitFor swallows the check's errors until its deadline; an exited Patroni is reported as such.
    if (!(await isAlive(pid))) throw new OpsError(`Patroni ${name} exited; see ${patroniLogFile(layout, name)}.`);
    throw error;
  });
  return { role: member.role, state: 'streaming', pid };
}

async function homeOf(user: string): Promise<string> {
  const { stdout } = await runCommand('getent', ['passwd', user]);
  return stdout.trim().split(':')[5] ?? '/';
}
