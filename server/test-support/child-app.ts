import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Kvarter as a real child process, the way an operator runs it, for tests and benchmarks that
 * must kill it, watch its memory or survive its crash (the fault suite, the load benchmark):
 *
 * - `start`: `scripts/start.ts`, what `npm start` runs after its install checks: with
 *   DATABASE_URL set it serves HTTPS and runs the backup scheduler (pg-boss) against that database;
 * - `server`: `child-app-entry.ts`, the HTTPS server alone (no backup jobs competing for the CPU).
 *
 * The child gets its own process group, so a SIGKILL reaches everything it started (a pg_dump of
 * the scheduler included), as when a container or machine dies.
 */
export interface ChildAppOptions {
  entry: 'start' | 'server';
  /** KVARTER_DATA_DIR: the local CA and server certificate are read from (or made in) its tls/. */
  dataDir: string;
  databaseUrl: string;
  databaseCaFile: string;
  /** Further environment variables (LOG_LEVEL…). */
  environment?: Record<string, string>;
  readyTimeoutMs?: number;
}

export interface ChildApp {
  pid: number;
  /** https://localhost:<port>, the name the local certificate carries. */
  baseUrl: string;
  port: number;
  /** Everything the child printed so far, for failure messages. */
  output(): string;
  /** Resolves once the child has exited (at once if it already has). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group, then waits until every member is gone. */
  kill(): Promise<void>;
  /** SIGTERM (the app's graceful stop), then SIGKILL to the group after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');
const entryFiles = {
  start: path.join(repositoryRoot, 'scripts', 'start.ts'),
  server: path.join(repositoryRoot, 'server', 'test-support', 'child-app-entry.ts'),
};
/** Fixed for a data directory, so sessions signed by one run of the app stay valid in the next. */
const sessionSecret = 'fault-suite-session-secret-that-is-long-enough-0001';

export async function startChildApp(options: ChildAppOptions): Promise<ChildApp> {
  const environment: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    KVARTER_DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    DATABASE_CA_FILE: options.databaseCaFile,
    HOST: '127.0.0.1',
    PORT: '0',
    HTTP_PORT: '0',
    SESSION_SECRET: sessionSecret,
    // The lowest cost the configuration allows: tests sign up and in, and measure other things.
    BCRYPT_COST: '10',
    LOG_LEVEL: 'warn',
    ...options.environment,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', entryFiles[options.entry]], {
    cwd: repositoryRoot,
    env: environment,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${entryFiles[options.entry]}`);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "Ready:" within ${(options.readyTimeoutMs ?? 60_000) / 1000} s. Output:\n${output}`)),
      options.readyTimeoutMs ?? 60_000,
    );
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        output += chunk;
        const match = /^Ready: (https:\/\/\S+)$/m.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    }
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (code ${code}, signal ${signal}) before it was ready. Output:\n${output}`));
    });
  });
  let baseUrl: string;
  try {
    baseUrl = await ready;
  } catch (error) {
    await killGroup(child, pid);
    throw error;
  }
  return {
    pid,
    baseUrl,
    port: Number(new URL(baseUrl).port),
    output: () => output,
    exited,
    kill: () => killGroup(child, pid),
    async stop(graceMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGTERM');
      const result = await Promise.race([exited, sleep(graceMs).then(() => undefined)]);
      if (result === undefined || groupAlive(pid)) await killGroup(child, pid);
    },
  };
}

async function killGroup(child: ChildProcess, pgid: number): Promise<void> {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
  const deadline = Date.now() + 10_000;
  while ((child.exitCode === null && child.signalCode === null) || groupAlive(pgid)) {
    if (Date.now() > deadline) throw new Error(`process group ${pgid} still alive 10 s after SIGKILL`);
    await sleep(50);
  }
}

/** True while a non-zombie process of the group exists (read from /proc: Linux). */
function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync('/proc')) {
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
