import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupConfig } from '../../server/config.ts';
import type { ClusterOwner } from '../cluster-owner.ts';
import { archiveTimelineHistory, clusterUrl, type LocalClusterLayout } from '../local-cluster.ts';
import { ensureSecret } from '../local-secrets.ts';
import { OpsError } from '../ops-context.ts';
import { archivingSettings, writePgBackRestConfig, type PgBackRestPaths } from '../pgbackrest-config.ts';
import { createStanza, runPgBackRest } from '../pgbackrest.ts';
import { haLayout, readTopology, type HaLayout, type HaNode, type HaTopology } from './ha-layout.ts';
import { readClusterMembers } from './patroni-api.ts';

/**
 * WAL archiving and backups of the HA cluster (docs/decisions/0051-backups-in-high-availability.md):
 * every node archives with pgBackRest into one repository, but only the leader does (archive_mode
 * on, not always), and backups run against whichever node leads when they start.
 */

/** What an HA node's pgBackRest configuration is written from. */
export interface HaBackupSettings {
  backup: BackupConfig;
  passphrase: string;
  owner: ClusterOwner;
}

/** The installation's backup configuration with its passphrase (configured, or the data directory's own secret). */
export async function haBackupSettings(dataDir: string, backup: BackupConfig, owner: ClusterOwner): Promise<HaBackupSettings> {
  return { backup, passphrase: backup.encryptionPassphrase ?? (await ensureSecret(dataDir, 'backup-passphrase', 48)), owner };
}

/**
 * A node's own pgbackrest.conf (pg1 is its data directory, so one file per node), lock, spool and
 * log under `ha/nodes/<name>/pgbackrest`; the repository is shared: `ha/backups/pgbackrest`, or
 * the installation's S3 bucket.
 */
export function haPgBackRestPaths(layout: HaLayout, nodeName: string): PgBackRestPaths {
  const base = path.join(layout.nodeDir(nodeName), 'pgbackrest');
  return { configFile: path.join(base, 'pgbackrest.conf'), repositoryDir: path.join(layout.root, 'backups', 'pgbackrest'), logDir: path.join(base, 'log') };
}

/** Writes the node's pgbackrest.conf and returns the PostgreSQL parameters that archive through it. */
export async function writeNodeBackupConfig(
  layout: HaLayout,
  node: HaNode,
  socketDir: string,
  settings: HaBackupSettings,
): Promise<ReturnType<typeof archivingSettings>> {
  const paths = haPgBackRestPaths(layout, node.name);
  await writePgBackRestConfig({
    dataDir: layout.dataDir,
    pgDataDir: path.join(layout.nodeDir(node.name), 'data'),
    port: node.port,
    socketDir,
    backup: settings.backup,
    passphrase: settings.passphrase,
    owner: settings.owner,
    paths,
  });
  return archivingSettings(paths.configFile);
}

/**
 * Creates the stanza through the leader (idempotent: on a later `ha up` it confirms it), pushes the
 * timeline history files of a leader that was restored while it did not archive, and checks that a
 * forced WAL switch reaches the repository, so `ha up` fails early when archiving cannot work.
 */
export async function prepareClusterBackups(layout: HaLayout, topology: HaTopology, owner: ClusterOwner, log: (message: string) => void): Promise<void> {
  const leader = await currentLeader(layout, topology);
  const { configFile } = haPgBackRestPaths(layout, leader);
  await createStanza(owner, configFile);
  await archiveTimelineHistory(owner, configFile, path.join(layout.nodeDir(leader), 'data'));
  await runPgBackRest(owner, configFile, 'check');
  log(`WAL archiving works from the leader (${leader}).`);
}

/** The pgbackrest.conf of the node that leads now, as Patroni reports it. */
export async function leaderPgBackRestConfig(layout: HaLayout, topology: HaTopology): Promise<string> {
  return haPgBackRestPaths(layout, await currentLeader(layout, topology)).configFile;
}

async function currentLeader(layout: HaLayout, topology: HaTopology): Promise<string> {
  const ca = await readFile(layout.certs.caFile, 'utf8');
  const members = await readClusterMembers(
    topology.nodes.map((node) => node.apiPort),
    ca,
  );
  const leader = members.find((member) => member.role === 'leader' && member.state === 'running');
  if (!leader) throw new OpsError('The HA cluster has no running leader at the moment (a failover may be under way); try again in a minute.');
  return leader.name;
}

/**
 * The HA cluster of this data directory as the ops commands and the backup scheduler see it, when
 * this installation runs `ops ha up`: its topology.json exists and DATABASE_URL is unset (an
 * operator's `ops` command) or leads to its HAProxy (an app instance). `pgDataDir` is the
 * directory holding every node's data, which a restore must stay out of.
 */
export async function describeHaCluster(dataDirectory: string, databaseUrl: string | undefined): Promise<LocalClusterLayout | undefined> {
  const layout = haLayout(dataDirectory);
  const topology = await readTopology(layout);
  if (!topology) return undefined;
  if (databaseUrl !== undefined) {
    const url = new URL(databaseUrl);
    if (!['localhost', '127.0.0.1'].includes(url.hostname) || url.port !== String(topology.databasePort)) return undefined;
  }
  const superuserPassword = await ensureSecret(layout.dataDir, 'postgres-superuser-password');
  const appPassword = await ensureSecret(layout.dataDir, 'database-password');
  return {
    dataDir: layout.dataDir,
    pgDataDir: path.join(layout.root, 'nodes'),
    port: topology.databasePort,
    databaseUrl: clusterUrl(topology.databasePort, 'kvarter', appPassword, 'kvarter'),
    adminUrl: clusterUrl(topology.databasePort, 'postgres', superuserPassword, 'postgres'),
    caFile: layout.certs.caFile,
    ha: { layout, topology },
  };
}
