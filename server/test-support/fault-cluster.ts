import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureLocalCluster, type LocalCluster } from '../../ops/local-cluster.ts';
import { parseConnectionOptions } from '../db/connection-options.ts';

/**
 * A managed PostgreSQL cluster of one fault test's own (the shared test cluster serves every other
 * test file at the same time, so it must never be stopped): created with the code `npm start`
 * uses, under a fresh directory in the system temp directory, and stoppable and startable again
 * on the same port with the same data.
 */
export interface FaultCluster {
  dataDir: string;
  /** App role, verify-full. */
  databaseUrl: string;
  /** Superuser, for checks across every table. */
  adminUrl: string;
  caFile: string;
  /** Fast shutdown: open connections are terminated, new ones refused. */
  stopPostgres(): Promise<void>;
  /** Starts the stopped cluster again (same port, same data). */
  startPostgres(): Promise<void>;
  /**
   * SIGSTOP to the postmaster and every process of the cluster: a server that hangs (or a network
   * that drops everything) rather than refusing. Connections stay open; nothing answers.
   */
  freezePostgres(): Promise<void>;
  /** SIGCONT to the processes frozenPostgres stopped. */
  thawPostgres(): Promise<void>;
  /** Stops PostgreSQL (if running) and deletes the directory. Safe to call more than once. */
  remove(): Promise<void>;
}

export async function startFaultCluster(prefix: string): Promise<FaultCluster> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `kvarter-${prefix}-`));
  let cluster: LocalCluster | undefined;
  try {
    cluster = await ensureLocalCluster({ dataDir });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const first = cluster;
  let frozen: number[] = [];
  return {
    dataDir,
    databaseUrl: first.databaseUrl,
    adminUrl: first.adminUrl,
    caFile: first.caFile,
    async stopPostgres() {
      await cluster?.stop();
    },
    async startPostgres() {
      // Each call that starts the cluster returns the handle that may stop it again.
      cluster = await ensureLocalCluster({ dataDir });
      if (cluster.port !== first.port) throw new Error(`the cluster came back on port ${cluster.port}, not ${first.port}`);
    },
    async freezePostgres() {
      frozen = await clusterProcesses(first.pgDataDir);
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    async thawPostgres() {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    },
    async remove() {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      await cluster?.stop().catch(() => undefined);
      cluster = undefined;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One query on a fresh connection (verify-full), closed again. */
export async function queryRows<T extends object>(url: string, caFile: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(parseConnectionOptions(url, caFile).pool);
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The postmaster (first line of postmaster.pid) and its children, from /proc. */
async function clusterProcesses(pgDataDir: string): Promise<number[]> {
  const postmaster = Number.parseInt(await readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8'), 10);
  if (!(postmaster > 1)) throw new Error(`no postmaster pid in ${pgDataDir}`);
  const pids = [postmaster];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) pids.push(Number(entry));
  }
  return pids;
}
