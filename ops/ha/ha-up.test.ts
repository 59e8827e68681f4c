import { afterAll, beforeAll, expect, it } from 'vitest';
import { FaultClient } from '../../server/test-support/fault-client.ts';
import { runCommand } from '../run-command.ts';
import { writeThroughEntry } from '../test-support/write-through-entry.ts';
import { haTopologyStartTimeoutMs, startHaTopology, waitForSynchronousReplica, type HaTopologyFixture } from '../test-support/ha-topology.ts';
import { haLayout, readTopology } from './ha-layout.ts';

/**
 * The high-availability topology of docs/decisions/0048-high-availability-topology.md as `ops ha
 * up` starts it by default (three nodes, two app instances; about a minute and a half on a loaded
 * 2-core machine): `ha status --json` in the contract's shape with a leader and one synchronous
 * replica, a write through the HTTPS entry point, a planned switchover to the synchronous replica
 * after which writes succeed again (meanwhile only 503 with Retry-After, no write lost), and SIGTERM
 * leaving no process of the topology behind. Before that, etcd's mutual TLS, what the instances
 * share (sessions) and what each keeps to itself (the per-address request limits).
 */
const nodeCount = 3;
const appCount = 2;

let topology: HaTopologyFixture;

beforeAll(async () => {
  topology = await startHaTopology({ nodes: nodeCount, apps: appCount, prefix: 'ha' });
}, haTopologyStartTimeoutMs);

afterAll(async () => {
  await topology?.dispose();
}, 180_000);

it('lets only clients with a certificate from the local CA talk to etcd (mutual TLS)', async () => {
  const layout = haLayout(topology.dataDir);
  const { etcd } = (await readTopology(layout))!;
  const health = (extra: string[]) =>
    runCommand('etcdctl', [
      `--endpoints=https://127.0.0.1:${etcd.clientPort}`,
      `--cacert=${layout.certs.caFile}`,
      ...extra,
      '--command-timeout=3s',
      'endpoint',
      'health',
    ]).then(
      () => 'healthy',
      () => 'refused',
    );
  expect(await health([])).toBe('refused');
  expect(await health([`--cert=${layout.certs.etcdClientCertFile}`, `--key=${layout.certs.etcdClientKeyFile}`])).toBe('healthy');
});

it('shares sessions across the app instances, and counts the per-address limits in each instance (the instance count × the limit at the entry point)', async () => {
  const { apps } = await topology.status();
  expect(apps.map((app) => app.healthy)).toEqual(Array.from({ length: appCount }, () => true));
  const client = new FaultClient(`https://localhost:${topology.entryPort}`, topology.dataDir);
  try {
    await client.signUp('sessions@example.se');
    // The session row is in PostgreSQL: every instance, asked directly, knows the signed-in user.
    for (const app of apps) {
      client.moveTo(`https://localhost:${app.port}`);
      const listed = await client.request<unknown[]>('GET', `/api/accounts/${client.accountId}/organisations`);
      expect({ port: app.port, status: listed.status }).toEqual({ port: app.port, status: 200 });
    }
  } finally {
    client.close();
  }

  // @fastify/rate-limit counts in each instance's memory and HAProxy balances round-robin, so a
  // client reaches the share view's 30 a minute per instance: 60 answers, then 429 (operations.md).
  const anonymous = new FaultClient(`https://localhost:${topology.entryPort}`, topology.dataDir);
  try {
    const unknownToken = 'x'.repeat(43);
    const statuses: number[] = [];
    for (let index = 0; index < 30 * appCount + 1; index += 1) statuses.push((await anonymous.request('GET', `/api/share/${unknownToken}`)).status);
    expect(statuses).toEqual([...Array.from({ length: 30 * appCount }, () => 404), 429]);
  } finally {
    anonymous.close();
  }
}, 120_000);

it('runs a leader with a synchronous replica behind one HTTPS entry point, switches over without losing writes, and stops everything on SIGTERM', async () => {
  const { entryPort, dataDir } = topology;
  expect(topology.output()).toContain(`Ready: https://localhost:${entryPort}\n`);

  const first = await topology.status();
  const node = { pid: expect.any(Number), patroniPid: expect.any(Number), port: expect.any(Number) };
  expect(first).toEqual({
    leader: { name: 'n1', ...node },
    replicas: Array.from({ length: nodeCount - 1 }, (_, index) => ({
      name: `n${index + 2}`,
      ...node,
      state: 'running',
      synchronous: expect.any(Boolean),
      // Not 0: the first scheduled backups (decision 0051) move WAL while Patroni reports lag every 5 s.
      lagBytes: expect.any(Number),
    })),
    apps: Array.from({ length: appCount }, () => ({ pid: expect.any(Number), port: expect.any(Number), healthy: true })),
    entryPort,
    databasePort: expect.any(Number),
  });
  const synchronous = first.replicas.filter((replica) => replica.synchronous);
  expect(synchronous).toHaveLength(1);

  const client = new FaultClient(`https://localhost:${entryPort}`, dataDir);
  try {
    await client.signUp('ha@example.se');
    const before = await writeThroughEntry(client, 'Brf Före', 0);

    const switched = await topology.ops(['ha', 'switchover', '--to', synchronous[0]!.name]);
    expect({ exitCode: switched.exitCode, stdout: switched.stdout }).toEqual({
      exitCode: 0,
      stdout: `Switched over: ${synchronous[0]!.name} is the leader.\n`,
    });
    // A planned switchover costs at most a few seconds of 503s.
    const after = await writeThroughEntry(client, 'Brf Efter', 15_000);

    // Writes succeed before the new leader has named a synchronous replica (at one of its next
    // loops, every 5 s); until it has, `ha status` exits 1.
    const second = await waitForSynchronousReplica(topology);
    expect(second.leader?.name).toBe(synchronous[0]!.name);
    expect(second.replicas.map((replica) => replica.name).sort()).toEqual(
      first.replicas
        .filter((replica) => !replica.synchronous)
        .map((replica) => replica.name)
        .concat('n1')
        .sort(),
    );

    const listed = await client.request<{ id: string; name: string }[]>('GET', `/api/accounts/${client.accountId}/organisations`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((organisation) => organisation.id)).toEqual(expect.arrayContaining([before.id, after.id]));
  } finally {
    client.close();
  }

  const stopped = await topology.sigterm();
  expect(stopped).toEqual({ exitCode: 0, alive: [] });
}, 240_000);
