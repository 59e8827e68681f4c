import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileAtomic } from '../write-file-atomic.ts';

export interface StartProcessOptions {
  /** The PID file's name under the run directory, e.g. `patroni-n1`. */
  name: string;
  runDir: string;
  file: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user (the PostgreSQL owner): set directly, so the PID is the program's own, not a runuser's. */
  user?: { uid: number; gid: number; home: string };
  /** Aborted when `ha up` is told to stop: nothing new starts after that. */
  signal?: AbortSignal;
}

/**
 * Starts a program in its own session (a Ctrl-C at the terminal reaches `ha up` alone, which then
 * stops everything in order), its output appended to `logFile`, its PID in `<runDir>/<name>.pid`.
 */
export async function startProcess(options: StartProcessOptions): Promise<number> {
  options.signal?.throwIfAborted();
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const output = openSync(options.logFile, 'a');
  try {
    const env = options.env ?? process.env;
    const child = spawn(options.file, options.args, {
      cwd: options.cwd,
      env: options.user ? { ...env, HOME: options.user.home } : env,
      detached: true,
      stdio: ['ignore', output, output],
      uid: options.user?.uid,
      gid: options.user?.gid,
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve(child.pid!));
    });
    // The child is not waited for here: `isAlive` and the PID file track it.
    child.unref();
    child.on('exit', () => undefined);
    await writeFileAtomic(pidFile(options.runDir, options.name), `${pid}\n`, { mode: 0o644, replace: true });
    return pid;
  } finally {
    closeSync(output);
  }
}

export function pidFile(runDir: string, name: string): string {
  return path.join(runDir, `${name}.pid`);
}

export async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const pid = text === undefined ? Number.NaN : Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True while the process exists and is not a zombie waiting for its parent. */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat !== undefined && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/**
 * SIGTERM to the process of a PID file, SIGKILL after `graceMs`; removes the PID file. Signals
 * only that PID (and, for programs started in their own group, that group), nothing found by name.
 */
export async function stopProcess(runDir: string, name: string, options: { graceMs?: number; group?: boolean } = {}): Promise<void> {
  const file = pidFile(runDir, name);
  const pid = await readPid(file);
  if (pid !== undefined && (await isAlive(pid))) {
    const target = options.group ? -pid : pid;
    signal(target, 'SIGTERM');
    const deadline = Date.now() + (options.graceMs ?? 30_000);
    while ((await isAlive(pid)) && Date.now() < deadline) await sleep(100);
    if (await isAlive(pid)) signal(target, 'SIGKILL');
    while (await isAlive(pid)) await sleep(50);
  }
  await rm(file, { force: true });
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // Gone in the meantime.
  }
}

/**
 * Distinct free TCP ports on 127.0.0.1, chosen by the kernel (several test runs share the machine,
 * so no port is fixed). All are held open together so that none is handed out twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, resolve);
      });
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('could not read a bound port');
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Polls `check` until it returns a value, failing with `what` and the tail of `logFile` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, logFile?: string, signal?: AbortSignal): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const tail = logFile ? (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-20).join('\n') : '';
      throw new Error(`${what} within ${timeoutMs / 1000} s.${tail ? ` Last lines of ${logFile}:\n${tail}` : ''}`);
    }
    await sleep(250);
  }
}
