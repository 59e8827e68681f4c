/**
 * Shared helpers of the benchmarks (not a benchmark itself: scripts/bench.sh runs bench/*.bench.ts).
 * Child-process handling that always stops what it started, HTTPS requests over keep-alive
 * connections to 127.0.0.1, latency statistics and CPU accounting from /proc.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { clusterOwner } from '../ops/cluster-owner.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------
// Ports and child processes

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface OutputLine {
  /** Milliseconds since the child was spawned. */
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ManagedChild {
  child: ChildProcess;
  /** performance.now() just before spawn. */
  spawnedAt: number;
  lines: OutputLine[];
  /** Resolves with the line and its time once a stdout/stderr line matches; rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<OutputLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns a command in its own process group (detached), so the whole group can be signalled and
 * a Ctrl-C on the benchmark does not reach it before our cleanup does. Output lines are kept
 * with their time and echoed to our stderr with a prefix.
 */
export function spawnManaged(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; prefix: string; echo?: (text: string) => boolean },
): ManagedChild {
  const spawnedAt = performance.now();
  const child = spawn(command, args, { cwd: repoRoot, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: OutputLine[] = [];
  const listeners = new Set<(line: OutputLine) => void>();
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = '';
    child[stream]!.setEncoding('utf8');
    child[stream]!.on('data', (chunk: string) => {
      const atMs = performance.now() - spawnedAt;
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) {
        const line = { atMs, stream, text };
        lines.push(line);
        if (options.echo?.(text) ?? true) process.stderr.write(`${options.prefix} ${text}\n`);
        for (const listener of listeners) listener(line);
      }
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      process.stderr.write(`${options.prefix} spawn error: ${error.message}\n`);
      resolve({ code: -1, signal: null });
    });
  });

  function waitForLine(pattern: RegExp, timeoutMs: number): Promise<OutputLine> {
    const already = lines.find((line) => pattern.test(line.text));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s`)), timeoutMs);
      const listener = (line: OutputLine) => {
        if (pattern.test(line.text)) finish(undefined, line);
      };
      const onExit = ({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }) =>
        finish(new Error(`${command} exited (code ${code}, signal ${signal}) before printing a line matching ${pattern}`));
      function finish(error: Error | undefined, line?: OutputLine) {
        clearTimeout(timer);
        listeners.delete(listener);
        if (error) reject(error);
        else resolve(line!);
      }
      listeners.add(listener);
      void exited.then(onExit);
    });
  }

  return { child, spawnedAt, lines, waitForLine, exited };
}

/**
 * True while a process of the group is still running. Zombies do not count: once its parent
 * (npm) has gone, an exited process waits for init to reap it, which can take a second and says
 * nothing about our shutdown. Reads /proc (Linux); elsewhere falls back to kill(-pgid, 0).
 */
function groupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [state, , processGroup] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(processGroup) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (condition()) return true;
    await sleep(50);
  }
  return condition();
}

/**
 * SIGTERM to the child's whole process group, then waits until every member is gone; after
 * `graceMs` SIGKILLs the group. Returns how long the graceful stop took (ms) and whether it
 * had to be forced. Safe to call twice and after the child has exited.
 */
export async function stopGroup(managed: ManagedChild, graceMs: number): Promise<{ stopMs: number; forced: boolean }> {
  const pgid = managed.child.pid;
  const startedAt = performance.now();
  if (pgid === undefined || !groupAlive(pgid)) return { stopMs: 0, forced: false };
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // Gone between the check and the signal.
  }
  if (await waitUntil(() => !groupAlive(pgid), graceMs)) return { stopMs: performance.now() - startedAt, forced: false };
  process.stderr.write(`process group ${pgid} still alive ${graceMs / 1000} s after SIGTERM: SIGKILL\n`);
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  await waitUntil(() => !groupAlive(pgid), 5_000);
  return { stopMs: performance.now() - startedAt, forced: true };
}

/**
 * The managed cluster's postmaster runs in its own session (pg_ctl detaches it), outside the
 * child's process group. The server stops it on SIGTERM; if the server was killed instead, or a
 * previous run crashed, this stops it with pg_ctl as the cluster owner. Returns true if it had to.
 */
export async function stopClusterIfRunning(dataDir: string): Promise<boolean> {
  const pgDataDir = path.join(dataDir, 'postgres', 'data');
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );
  if (!(await exists(path.join(pgDataDir, 'postmaster.pid')))) return false;
  const version = (await readFile(path.join(pgDataDir, 'PG_VERSION'), 'utf8')).trim();
  const pgCtl = `/usr/lib/postgresql/${version}/bin/pg_ctl`;
  const owner = await clusterOwner();
  const status = await owner.run(pgCtl, ['-D', pgDataDir, 'status'], { okExitCodes: [3, 4] });
  if (status.exitCode !== 0) return false;
  process.stderr.write(`PostgreSQL in ${pgDataDir} is still running: stopping it with pg_ctl.\n`);
  await owner.run(pgCtl, ['-D', pgDataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  return true;
}

/**
 * Runs `cleanup` once on SIGINT/SIGTERM of the benchmark itself, then exits 130/143. Further
 * signals (a Ctrl-C reaches us both directly and relayed by the tsx wrapper) are ignored
 * meanwhile, so they cannot kill us half-way through stopping the server.
 */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  let running = false;
  const handler = (signal: NodeJS.Signals) => {
    if (running) return;
    running = true;
    process.stderr.write(`\n${signal}: stopping what the benchmark started…\n`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// HTTPS

export interface Target {
  port: number;
  ca: string;
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as UTF-8 text (meaningless when it is compressed: see `bytes`). */
  body: string;
  /** The body as it came over the wire, compressed or not. */
  bytes: Buffer;
}

/** One keep-alive connection per client (maxSockets 1), certificate verified against the local CA. */
export function clientAgent(target: Target): https.Agent {
  return new https.Agent({ keepAlive: true, maxSockets: 1, ca: target.ca, servername: 'localhost' });
}

/** A request to 127.0.0.1 (and nowhere else); the body is read completely before resolving. */
export function request(
  agent: https.Agent,
  target: Target,
  options: { method?: string; path: string; headers?: Record<string, string>; json?: unknown; timeoutMs?: number },
): Promise<Response> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const outgoing = https.request(
      { host: '127.0.0.1', port: target.port, method: options.method ?? 'GET', path: options.path, headers, agent, timeout: options.timeoutMs ?? 15_000 },
      (incoming) => readResponse(incoming).then(resolve, reject),
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${options.method ?? 'GET'} ${options.path} timed out`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** An answer read to its end. */
export function readResponse(incoming: IncomingMessage): Promise<Response> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const bytes = Buffer.concat(chunks);
      resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: bytes.toString('utf8'), bytes });
    });
    incoming.on('error', reject);
  });
}

/** `name=value` of a Set-Cookie header, for sending back as Cookie. */
export function cookieFrom(response: Response, name: string): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  const found = cookies.map((cookie) => cookie.split(';')[0]!).find((pair) => pair.startsWith(`${name}=`));
  if (!found) throw new Error(`response ${response.status} has no ${name} cookie`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Statistics

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of latencies in milliseconds. */
export function summarise(samples: number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

export function median(values: number[]): number {
  return summarise(values).p50;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc (Linux): how busy the server process and the whole machine were.

const clockTicksPerSecond = 100;

/** utime + stime of a process and all its threads (libuv's pool included), in seconds. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/**
 * Jiffies of all CPUs since boot: busy (user, nice, system, irq, softirq), steal (time the
 * hypervisor gave our virtual CPUs to someone else) and total (including idle and iowait).
 */
export async function machineCpu(): Promise<{ busy: number; steal: number; total: number }> {
  const first = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = first.trim().split(/\s+/).slice(1, 9).map(Number);
  return { busy: user + nice + system + irq + softirq, steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

/**
 * CPU seconds per process of a PostgreSQL cluster: the postmaster (first line of postmaster.pid)
 * and its live children (backends, checkpointer, WAL writer, archiver…). Compare two snapshots
 * with cpuSecondsBetween: a backend that exits in between takes its last slice with it.
 */
export async function clusterCpuSeconds(dataDir: string): Promise<Map<number, number>> {
  const postmaster = Number.parseInt(await readFile(path.join(dataDir, 'postgres', 'data', 'postmaster.pid'), 'utf8'), 10);
  const perProcess = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === postmaster || Number(fields[1]) === postmaster) {
      perProcess.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond);
    }
  }
  return perProcess;
}

/** CPU seconds used between two snapshots by the processes alive at the second one. */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Live (non-zombie) descendants of a process, with their command names, from /proc. */
export function descendants(rootPid: number): { pid: number; command: string }[] {
  const children = new Map<number, { pid: number; command: string }[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') continue;
    const list = children.get(Number(parent)) ?? [];
    list.push({ pid: Number(entry), command });
    children.set(Number(parent), list);
  }
  const found: { pid: number; command: string }[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** The short commit, marked when the working tree has changes: which code a recorded run measured. */
export async function gitDescription(): Promise<string> {
  const git = (args: string[]) =>
    promisify(execFile)('git', args, { cwd: repoRoot }).then(
      ({ stdout }) => stdout.trim(),
      () => '',
    );
  const commit = (await git(['rev-parse', '--short', 'HEAD'])) || 'unknown commit';
  const dirty = (await git(['status', '--porcelain'])) !== '';
  return dirty ? `${commit} + uncommitted work` : commit;
}

/**
 * Runs a benchmark's `main` and then exits: `stop` (which must undo whatever was started, and may
 * be called twice) runs on every way out — the end, a failure, the time limit, Ctrl-C — so no
 * cluster or server outlives the run. Exit code 0 when `main` finished, else 1.
 */
export async function runBench(options: {
  name: string;
  timeLimitMs: number;
  main: () => Promise<void>;
  stop: () => Promise<void>;
  say: (text: string) => void;
}): Promise<never> {
  const { name, timeLimitMs, main, stop, say } = options;
  const removeInterruptHandler = onInterrupt(stop);
  const limit = setTimeout(() => {
    say(`Time limit of ${timeLimitMs / 1000} s reached: stopping.`);
    void stop().finally(() => process.exit(1));
  }, timeLimitMs);
  limit.unref();
  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    say(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitCode = 1;
  } finally {
    await stop();
    removeInterruptHandler();
    clearTimeout(limit);
  }
  process.exit(exitCode);
}
