import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FaultClient, type TimedResponse } from '../../server/test-support/fault-client.ts';
import { createTestDataDir, installationEnvironment, repositoryRoot, runOps, waitFor } from '../test-support/durability.ts';
import { freePorts, isAlive, readPid } from './ha-processes.ts';
import type { HaStatus } from './ha-status.ts';

/**
 * The high-availability topology of docs/decisions/0048-high-availability-topology.md as `ops ha
 * up` starts it by default (three nodes, two app instances; about a minute and a half on a loaded
 * 2-core machine): `ha status --json` in the contract's shape with a leader and one synchronous
 * replica, a write through the HTTPS entry point, a planned switchover to the synchronous replica
 * after which writes succeed again (meanwhile only 503 with Retry-After, no write lost), and SIGTERM
 * leaving no process of the topology behind.
 */
const nodeCount = 3;
const appCount = 2;

let dataDir: string;
let entryPort: number;
let up: ChildProcess | undefined;
let upOutput = '';
let upExit: Promise<number | null>;
/** Every PID the topology had, for the check that SIGTERM stopped them all (and for cleanup). */
const seenPids = new Set<number>();

beforeAll(async () => {
  dataDir = await createTestDataDir('ha');
  entryPort = (await freePorts(1))[0]!;
  up = spawn(process.execPath, ['--import', 'tsx', 'ops/cli.ts', 'ha', 'up', '--nodes', String(nodeCount), '--apps', String(appCount)], {
    cwd: repositoryRoot,
    env: installationEnvironment(dataDir, { PORT: String(entryPort), BCRYPT_COST: '10', LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  upExit = new Promise((resolve) => up!.once('exit', (code) => resolve(code)));
  for (const stream of [up.stdout!, up.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (upOutput += chunk));
  }
  await waitFor(
    `"Ready:" from ha up`,
    async () => {
      if (up!.exitCode !== null) throw new Error(`ha up exited with ${up!.exitCode}:\n${upOutput}`);
      return /^Ready: /m.test(upOutput) ? true : undefined;
    },
    240_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${upOutput}`);
  });
}, 300_000);

afterAll(async () => {
  if (up && up.exitCode === null && up.signalCode === null) {
    up.kill('SIGTERM');
    await Promise.race([upExit, sleep(90_000)]);
  }
  // Whatever a failed run left behind, by the PIDs it had (never by name).
  for (const pid of seenPids) if (await isAlive(pid)) process.kill(pid, 'SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 180_000);

async function status(): Promise<HaStatus> {
  const result = await runOps(dataDir, ['ha', 'status', '--json']);
  const parsed = JSON.parse(result.stdout) as HaStatus;
  for (const node of [parsed.leader, ...parsed.replicas]) {
    if (node?.pid) seenPids.add(node.pid);
    if (node?.patroniPid) seenPids.add(node.patroniPid);
  }
  for (const app of parsed.apps) if (app.pid) seenPids.add(app.pid);
  return parsed;
}

/** Creates an organisation through the entry point, retrying 503s (each with Retry-After) for up to `withinMs`. */
async function writeThroughEntry(client: FaultClient, name: string, withinMs: number): Promise<{ id: string; unavailable: number }> {
  const deadline = Date.now() + withinMs;
  let unavailable = 0;
  for (;;) {
    const response: TimedResponse<{ id: string }> = await client.request('POST', `/api/accounts/${client.accountId}/organisations`, { name });
    if (response.status === 201) return { id: response.body.id, unavailable };
    expect({ status: response.status, retryAfter: response.headers['retry-after'] !== undefined }).toEqual({ status: 503, retryAfter: true });
    unavailable += 1;
    if (Date.now() > deadline) throw new Error(`no write succeeded within ${withinMs / 1000} s`);
    await sleep(250);
  }
}

it('runs a leader with a synchronous replica behind one HTTPS entry point, switches over without losing writes, and stops everything on SIGTERM', async () => {
  expect(upOutput).toContain(`Ready: https://localhost:${entryPort}\n`);

  const first = await status();
  const node = { pid: expect.any(Number), patroniPid: expect.any(Number), port: expect.any(Number) };
  expect(first).toEqual({
    leader: { name: 'n1', ...node },
    replicas: Array.from({ length: nodeCount - 1 }, (_, index) => ({
      name: `n${index + 2}`,
      ...node,
      state: 'running',
      synchronous: expect.any(Boolean),
      lagBytes: 0,
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

    const switched = await runOps(dataDir, ['ha', 'switchover', '--to', synchronous[0]!.name]);
    expect({ exitCode: switched.exitCode, stdout: switched.stdout }).toEqual({
      exitCode: 0,
      stdout: `Switched over: ${synchronous[0]!.name} is the leader.\n`,
    });
    // A planned switchover costs at most a few seconds of 503s.
    const after = await writeThroughEntry(client, 'Brf Efter', 15_000);

    const second = await status();
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

  const runDir = path.join(dataDir, 'ha', 'run');
  for (const file of await readdir(runDir)) {
    const pid = await readPid(path.join(runDir, file));
    if (pid !== undefined) seenPids.add(pid);
  }
  // etcd, HAProxy, a Patroni and a postmaster per node (the old leader's restarted one too), the instances.
  expect(seenPids.size).toBeGreaterThanOrEqual(2 + 2 * nodeCount + appCount);
  up!.kill('SIGTERM');
  expect(await upExit).toBe(0);
  const alive = [];
  for (const pid of seenPids) if (await isAlive(pid)) alive.push(pid);
  expect(alive).toEqual([]);
}, 240_000);
