import { spawn } from 'node:child_process';
import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FaultClient } from '../../server/test-support/fault-client.ts';
import type { BackupStatus } from '../../shared/schemas/operations.ts';
import { clusterUrl } from '../local-cluster.ts';
import { ensureSecret } from '../local-secrets.ts';
import { installationEnvironment, query, quietMoment, repositoryRoot, restoreWithOps, waitFor } from '../test-support/durability.ts';
import { haLayout, readTopology } from './ha-layout.ts';
import type { HaStatus } from './ha-status.ts';
import { freePorts, readPid } from './ha-processes.ts';
import { writeThroughEntry } from '../test-support/write-through-entry.ts';
import { haTopologyStartTimeoutMs, startHaTopology, type HaTopologyFixture } from '../test-support/ha-topology.ts';

/**
 * Backups follow the leader (docs/decisions/0051-backups-in-high-availability.md): in `ops ha up`
 * the app instance's scheduler takes the first full backup from the leader; writes go through the
 * HTTPS entry point around two switchovers, WAL archiving works from each new leader, and a
 * point-in-time restore to a moment between the two switchovers holds exactly the writes made
 * before it: no gap in the recoverable range across leader changes. Then the restored copy seeds a
 * new cluster as operations.md § High availability tells the operator, and the app serves it.
 * About five minutes on a 2-core machine (two starts of the topology).
 */
let topology: HaTopologyFixture;
let client: FaultClient;
/** The copy restored to the moment between the switchovers, which the second test switches in. */
let restoredInto: string;

beforeAll(async () => {
  topology = await startHaTopology({ nodes: 3, apps: 1, prefix: 'ha-backups' });
}, haTopologyStartTimeoutMs);

afterAll(async () => {
  client?.close();
  await topology?.dispose();
}, 180_000);

async function opsSucceeds(args: string[]): Promise<string> {
  const result = await topology.ops(args);
  if (result.exitCode !== 0) throw new Error(`ops ${args.join(' ')} exited ${result.exitCode}:\n${result.stderr}`);
  return result.stdout;
}

/**
 * `pgbackrest check` through the leader, then the leader's own view: its timeline, and the timeline
 * of the newest WAL file its archiver counts once that has caught up (pgBackRest's asynchronous
 * push reaches the repository, which is what check waits for, a moment before PostgreSQL's archiver
 * counts the file).
 */
async function checkArchiving(): Promise<{ timeline: string; lastArchivedTimeline: string | undefined }> {
  await opsSucceeds(['check']);
  // Not `ha status`, which exits 1 while the old leader rejoins without a synchronous replica yet.
  const { databasePort } = (await readTopology(haLayout(topology.dataDir)))!;
  const password = await ensureSecret(topology.dataDir, 'postgres-superuser-password');
  const read = async () => {
    const [row] = await query<{ current: string; archived: string | null }>(
      clusterUrl(databasePort, 'postgres', password, 'postgres'),
      path.join(topology.dataDir, 'ha', 'certs', 'ca.crt'),
      'select pg_walfile_name(pg_current_wal_lsn()) as current, last_archived_wal as archived from pg_stat_archiver',
    );
    return { timeline: row!.current.slice(0, 8), lastArchivedTimeline: row!.archived?.slice(0, 8) };
  };
  return waitFor(
    'the archiver to count a file of the current timeline',
    async () => {
      const state = await read();
      return state.lastArchivedTimeline === state.timeline ? state : undefined;
    },
    30_000,
  ).catch(read);
}

async function switchover(): Promise<string> {
  // A switchover needs a synchronous replica, which the previous leader may still be rejoining as.
  const before = await waitFor(
    'a healthy cluster with a synchronous replica',
    async () => {
      const result = await topology.ops(['ha', 'status', '--json']);
      return result.exitCode === 0 ? (JSON.parse(result.stdout) as HaStatus).leader?.name : undefined;
    },
    60_000,
  );
  const stdout = await opsSucceeds(['ha', 'switchover']);
  const leader = /^Switched over: (\S+) is the leader\.$/m.exec(stdout)?.[1];
  expect(leader).toBeDefined();
  expect(leader).not.toBe(before);
  return leader!;
}

it('archives from whichever node leads and restores a moment between two switchovers with nothing missing', async () => {
  // The scheduler of the app instance queues the first full backup at its start, as npm start does.
  const status = await waitFor(
    'the first scheduled full backup',
    async () => {
      const result = await topology.ops(['status', '--json']);
      const parsed = JSON.parse(result.stdout) as BackupStatus;
      return parsed.lastRuns.full?.outcome === 'succeeded' ? parsed : undefined;
    },
    240_000,
    2_000,
  );
  expect({ physicalBackups: status.physicalBackups, repositoryType: status.repositoryType, hasOldest: status.recoveryWindow.oldest !== null }).toEqual({
    physicalBackups: 'managed',
    repositoryType: 'posix',
    hasOldest: true,
  });

  client = new FaultClient(`https://localhost:${topology.entryPort}`, topology.dataDir);
  const into = (restoredInto = path.join(topology.dataDir, 'restored'));
  try {
    await client.signUp('ha-backups@example.se');
    await writeThroughEntry(client, 'Brf A', 15_000);
    expect(await checkArchiving()).toEqual({ timeline: '00000001', lastArchivedTimeline: '00000001' });

    await switchover();
    await writeThroughEntry(client, 'Brf B', 15_000);
    // The new leader archives on its own timeline: no leader change leaves the archive behind.
    expect(await checkArchiving()).toEqual({ timeline: '00000002', lastArchivedTimeline: '00000002' });

    const between = await quietMoment();
    await writeThroughEntry(client, 'Brf C', 15_000);
    await switchover();
    await writeThroughEntry(client, 'Brf D', 15_000);
    expect(await checkArchiving()).toEqual({ timeline: '00000003', lastArchivedTimeline: '00000003' });

    const restored = await restoreWithOps(topology.dataDir, between, into);
    const rows = await query<{ name: string }>(
      restored.databaseUrl,
      restored.caFile,
      "select name from organisations where name in ('Brf A', 'Brf B', 'Brf C', 'Brf D') order by name",
    );
    expect(rows.map((row) => row.name)).toEqual(['Brf A', 'Brf B']);
  } finally {
    await topology.ops(['restore', '--stop', '--into', into]);
  }
}, 600_000);

it('seeds a new cluster with the restored copy, which the app serves as of the moment and archives from on a new timeline', async () => {
  const { dataDir } = topology;
  expect(await topology.sigterm()).toEqual({ exitCode: 0, alive: [] });
  // operations.md § High availability, "Restore a cluster": the old nodes and etcd go aside, the copy becomes n1's data.
  const ha = path.join(dataDir, 'ha');
  await rename(path.join(ha, 'nodes'), path.join(ha, 'nodes.before'));
  await rename(path.join(ha, 'etcd'), path.join(ha, 'etcd.before'));
  await mkdir(path.join(ha, 'nodes', 'n1'), { recursive: true });
  await rename(restoredInto, path.join(ha, 'nodes', 'n1', 'data'));

  const entryPort = (await freePorts(1))[0]!;
  const up = spawn(process.execPath, ['--import', 'tsx', 'ops/cli.ts', 'ha', 'up', '--nodes', '3', '--apps', '1'], {
    cwd: repositoryRoot,
    env: installationEnvironment(dataDir, { PORT: String(entryPort), BCRYPT_COST: '10', LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => up.once('exit', (code) => resolve(code)));
  let output = '';
  for (const stream of [up.stdout, up.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const restoredLatest = path.join(dataDir, 'restored-latest');
  try {
    // Not durability's waitFor, which would take an exit of `ha up` for one more failed probe.
    for (const deadline = Date.now() + 240_000; !/^Ready: /m.test(output); await sleep(250)) {
      if (up.exitCode !== null) throw new Error(`ha up exited with ${up.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no "Ready:" from the new cluster's ha up within 240 s:\n${output}`);
    }
    for (const file of await readdir(path.join(ha, 'run'))) topology.remember(await readPid(path.join(ha, 'run', file)));

    // The copy is on a new timeline whose WAL before this start was not archived: a full backup at once.
    await opsSucceeds(['backup', '--type', 'full']);
    client.moveTo(`https://localhost:${entryPort}`);
    const listed = await client.request<{ name: string }[]>('GET', `/api/accounts/${client.accountId}/organisations`);
    expect({ status: listed.status, names: listed.body.map((organisation) => organisation.name).sort() }).toEqual({ status: 200, names: ['Brf A', 'Brf B'] });
    await writeThroughEntry(client, 'Brf E', 15_000);
    const archiving = await checkArchiving();
    expect(archiving.lastArchivedTimeline).toBe(archiving.timeline);
    expect(Number.parseInt(archiving.timeline, 16)).toBeGreaterThan(3);

    const result = await topology.ops(['restore', '--to', 'latest', '--into', restoredLatest]);
    if (result.exitCode !== 0) throw new Error(`ops restore exited ${result.exitCode}:\n${result.stderr}`);
    const latest = JSON.parse(result.stdout) as { databaseUrl: string; caFile: string };
    const rows = await query<{ name: string }>(latest.databaseUrl, latest.caFile, "select name from organisations where name like 'Brf _' order by name");
    expect(rows.map((row) => row.name)).toEqual(['Brf A', 'Brf B', 'Brf E']);
  } finally {
    await topology.ops(['restore', '--stop', '--into', restoredLatest]);
    up.kill('SIGTERM');
    await Promise.race([exit, sleep(90_000)]);
  }
}, 600_000);
