import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FaultClient, type TimedResponse } from '../../server/test-support/fault-client.ts';
import type { BackupStatus } from '../../shared/schemas/operations.ts';
import { clusterUrl } from '../local-cluster.ts';
import { ensureSecret } from '../local-secrets.ts';
import { query, quietMoment, restoreWithOps, waitFor } from '../test-support/durability.ts';
import { haTopologyStartTimeoutMs, startHaTopology, type HaTopologyFixture } from '../test-support/ha-topology.ts';

/**
 * Backups follow the leader (docs/decisions/0051-backups-in-high-availability.md): in `ops ha up`
 * the app instance's scheduler takes the first full backup from the leader; writes go through the
 * HTTPS entry point around two switchovers, WAL archiving works from each new leader, and a
 * point-in-time restore to a moment between the two switchovers holds exactly the writes made
 * before it: no gap in the recoverable range across leader changes.
 */
let topology: HaTopologyFixture;

beforeAll(async () => {
  topology = await startHaTopology({ nodes: 3, apps: 1, prefix: 'ha-backups' });
}, haTopologyStartTimeoutMs);

afterAll(async () => {
  await topology?.dispose();
}, 180_000);

async function opsSucceeds(args: string[]): Promise<string> {
  const result = await topology.ops(args);
  if (result.exitCode !== 0) throw new Error(`ops ${args.join(' ')} exited ${result.exitCode}:\n${result.stderr}`);
  return result.stdout;
}

/** Creates an organisation through the entry point, retrying 503s (each with Retry-After) for up to 15 s. */
async function writeThroughEntry(client: FaultClient, name: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response: TimedResponse<{ id: string }> = await client.request('POST', `/api/accounts/${client.accountId}/organisations`, { name });
    if (response.status === 201) return;
    expect({ status: response.status, retryAfter: response.headers['retry-after'] !== undefined }).toEqual({ status: 503, retryAfter: true });
    if (Date.now() > deadline) throw new Error(`no write of ${name} succeeded within 15 s`);
    await sleep(250);
  }
}

/** `pgbackrest check` through the leader, then the leader's own view: its timeline and the newest WAL file it archived. */
async function checkArchiving(): Promise<{ timeline: string; lastArchivedTimeline: string | undefined }> {
  await opsSucceeds(['check']);
  const { databasePort } = await topology.status();
  const password = await ensureSecret(topology.dataDir, 'postgres-superuser-password');
  const [row] = await query<{ current: string; archived: string | null }>(
    clusterUrl(databasePort, 'postgres', password, 'postgres'),
    path.join(topology.dataDir, 'ha', 'certs', 'ca.crt'),
    'select pg_walfile_name(pg_current_wal_lsn()) as current, last_archived_wal as archived from pg_stat_archiver',
  );
  return { timeline: row!.current.slice(0, 8), lastArchivedTimeline: row!.archived?.slice(0, 8) };
}

async function switchover(): Promise<string> {
  const before = (await topology.status()).leader?.name;
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

  const client = new FaultClient(`https://localhost:${topology.entryPort}`, topology.dataDir);
  const into = path.join(topology.dataDir, 'restored');
  try {
    await client.signUp('ha-backups@example.se');
    await writeThroughEntry(client, 'Brf A');
    expect(await checkArchiving()).toEqual({ timeline: '00000001', lastArchivedTimeline: '00000001' });

    await switchover();
    await writeThroughEntry(client, 'Brf B');
    // The new leader archives on its own timeline: no leader change leaves the archive behind.
    expect(await checkArchiving()).toEqual({ timeline: '00000002', lastArchivedTimeline: '00000002' });

    const between = await quietMoment();
    await writeThroughEntry(client, 'Brf C');
    await switchover();
    await writeThroughEntry(client, 'Brf D');
    expect(await checkArchiving()).toEqual({ timeline: '00000003', lastArchivedTimeline: '00000003' });

    const restored = await restoreWithOps(topology.dataDir, between, into);
    const rows = await query<{ name: string }>(
      restored.databaseUrl,
      restored.caFile,
      "select name from organisations where name in ('Brf A', 'Brf B', 'Brf C', 'Brf D') order by name",
    );
    expect(rows.map((row) => row.name)).toEqual(['Brf A', 'Brf B']);
  } finally {
    client.close();
    await topology.ops(['restore', '--stop', '--into', into]);
  }
}, 600_000);
