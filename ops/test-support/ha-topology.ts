import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, freePorts, readPid } from '../ha/ha-processes.ts';
import type { HaStatus } from '../ha/ha-status.ts';
import { acquireFileLock } from '../with-file-lock.ts';
import { createTestDataDir, installationEnvironment, repositoryRoot, runOps, type OpsResult } from './durability.ts';

/**
 * One `npm run ops -- ha up` of a test, run exactly as an operator runs it, with the PIDs it
 * reported kept so that a failed run leaves nothing behind.
 *
 * Only one HA topology of the test suite runs at a time on this machine (a lock under the system
 * temp directory): each is a dozen processes, and two at once on a 2-core machine would stretch the
 * failover times that the tests hold to their limits. A test file waits for the slot in its
 * `beforeAll`, so give that hook `haTopologyStartTimeoutMs`.
 */
export interface HaTopologyFixture {
  dataDir: string;
  entryPort: number;
  /** Everything `ha up` printed so far. */
  output(): string;
  /** `ops ha status --json`, parsed whatever its exit code; every PID in it is remembered for cleanup. */
  status(): Promise<HaStatus>;
  /** `npm run ops -- <args>` against this topology's data directory. */
  ops(args: string[]): Promise<OpsResult>;
  /** Remembers a PID the test saw (e.g. a node it will restart), for the check that SIGTERM stops it. */
  remember(pid: number | null | undefined): void;
  /** SIGTERM to `ha up`; resolves with its exit code and the PIDs still alive afterwards. */
  sigterm(): Promise<{ exitCode: number | null; alive: number[] }>;
  /** Stops whatever is left (by the PIDs seen, never by name), removes the data directory, frees the slot. */
  dispose(): Promise<void>;
}

/** The slot may be held by another file's whole run (a few minutes each) before this one starts. */
export const haTopologyStartTimeoutMs = 20 * 60_000;

const slotLockFile = path.join(tmpdir(), 'kvarter-ha-test-slot.lock');

export async function startHaTopology(options: { nodes: number; apps: number; prefix: string; env?: Record<string, string> }): Promise<HaTopologyFixture> {
  const release = await acquireFileLock(slotLockFile, haTopologyStartTimeoutMs / 1000 - 300);
  const dataDir = await createTestDataDir(options.prefix);
  const entryPort = (await freePorts(1))[0]!;
  const seenPids = new Set<number>();
  let output = '';
  const up: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'ops/cli.ts', 'ha', 'up', '--nodes', String(options.nodes), '--apps', String(options.apps)],
    {
      cwd: repositoryRoot,
      env: installationEnvironment(dataDir, { PORT: String(entryPort), BCRYPT_COST: '10', LOG_LEVEL: 'warn', ...options.env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exit = new Promise<number | null>((resolve) => up.once('exit', (code) => resolve(code)));
  for (const stream of [up.stdout!, up.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (output += chunk));
  }

  const rememberRunDir = async () => {
    const runDir = path.join(dataDir, 'ha', 'run');
    for (const file of await readdir(runDir).catch(() => [])) {
      const pid = await readPid(path.join(runDir, file));
      if (pid !== undefined) seenPids.add(pid);
    }
  };
  const running = () => up.exitCode === null && up.signalCode === null;
  const fixture: HaTopologyFixture = {
    dataDir,
    entryPort,
    output: () => output,
    async status() {
      const result = await runOps(dataDir, ['ha', 'status', '--json']);
      // It exits 1 while the cluster is unhealthy (no leader, no synchronous replica), which tests provoke.
      if (!result.stdout.trim()) throw new Error(`ha status exited with ${result.exitCode} and no JSON: ${result.stderr}`);
      const parsed = JSON.parse(result.stdout) as HaStatus;
      for (const node of [parsed.leader, ...parsed.replicas]) {
        fixture.remember(node?.pid);
        fixture.remember(node?.patroniPid);
      }
      for (const app of parsed.apps) fixture.remember(app.pid);
      return parsed;
    },
    ops: (args) => runOps(dataDir, args),
    remember(pid) {
      if (pid) seenPids.add(pid);
    },
    async sigterm() {
      await rememberRunDir();
      up.kill('SIGTERM');
      const exitCode = await exit;
      const alive = [];
      for (const pid of seenPids) if (await isAlive(pid)) alive.push(pid);
      return { exitCode, alive };
    },
    async dispose() {
      try {
        await rememberRunDir();
        if (running()) {
          up.kill('SIGTERM');
          await Promise.race([exit, sleep(90_000)]);
        }
        for (const pid of seenPids) if (await isAlive(pid)) process.kill(pid, 'SIGKILL');
        await rm(dataDir, { recursive: true, force: true });
      } finally {
        await release();
      }
    },
  };

  try {
    // Not durability's waitFor: an exit of `ha up` must end the wait at once, not after the timeout.
    const deadline = Date.now() + 240_000;
    while (!/^Ready: /m.test(output)) {
      if (!running()) throw new Error(`ha up exited with ${up.exitCode ?? up.signalCode} before "Ready:"`);
      if (Date.now() > deadline) throw new Error('no "Ready:" from ha up within 240 s');
      await sleep(250);
    }
    await rememberRunDir();
  } catch (error) {
    await fixture.dispose();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return fixture;
}

/** Waits until the cluster runs as it normally does, a leader and a synchronous replica that is caught up, so that the next fault meets that. */
export async function waitForSynchronousReplica(topology: HaTopologyFixture, timeoutMs = 120_000): Promise<HaStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await topology.status();
    if (status.leader && status.replicas.some((replica) => replica.synchronous && replica.lagBytes === 0)) return status;
    if (Date.now() > deadline) throw new Error(`no synchronous replica within ${timeoutMs / 1000} s: ${JSON.stringify(status)}`);
    await sleep(500);
  }
}
