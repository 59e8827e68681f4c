import { spawn } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parseConnectionOptions } from '../../server/db/connection-options.ts';
import { OpsError } from '../ops-context.ts';

/** Where the distribution's CA bundle lives (Debian/Ubuntu), for databases with public certificates. */
const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * The newest installed PostgreSQL client program (`/usr/lib/postgresql/<major>/bin/<name>`), or
 * the bare name to be found on PATH. The newest pg_dump reads every older server, and pg_restore
 * reads every older dump format.
 */
export async function postgresClientBinary(name: 'pg_dump' | 'pg_restore'): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [] as string[])).filter((version) => /^\d+$/.test(version)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', name);
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return name;
}

/**
 * libpq's environment for the database in `databaseUrl`, so the password never appears on a
 * command line (where `ps` shows it). The URL is validated by the same rules as the app's own
 * connection: verify-full (CA and host name) unless it explicitly says sslmode=require. Other
 * PG* variables of our own environment are dropped so they cannot change the target.
 */
export function libpqEnvironment(databaseUrl: string, caFile: string | undefined, applicationName: string): NodeJS.ProcessEnv {
  const { pool, isUnverified } = parseConnectionOptions(databaseUrl, caFile);
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('PG')) environment[name] = value;
  }
  const rootCert = caFile ?? new URL(databaseUrl).searchParams.get('sslrootcert') ?? SYSTEM_CA_BUNDLE;
  return {
    ...environment,
    PGHOST: String(pool.host),
    PGPORT: String(pool.port),
    PGUSER: String(pool.user),
    PGPASSWORD: String(pool.password ?? ''),
    PGDATABASE: String(pool.database),
    PGSSLMODE: isUnverified ? 'require' : 'verify-full',
    ...(isUnverified ? {} : { PGSSLROOTCERT: rootCert }),
    PGCONNECT_TIMEOUT: '10',
    PGAPPNAME: applicationName,
  };
}

export interface ToolRun {
  /** The program's stdout, for the caller to consume (or resume) so the program does not block. */
  stdout: Readable;
  /** Resolves with the exit code and stderr once the program has ended (rejects if it could not start). */
  finished: Promise<{ exitCode: number; stderr: string }>;
}

const MAX_STDERR = 64 * 1024;

/** Starts a program without a shell, with the given environment, stdout left to the caller. */
export function startTool(file: string, args: string[], environment: NodeJS.ProcessEnv): ToolRun {
  const child = spawn(file, args, { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < MAX_STDERR) stderr += chunk;
  });
  const finished = new Promise<{ exitCode: number; stderr: string }>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new OpsError(
          error.code === 'ENOENT'
            ? `${file} is not installed. Install the PostgreSQL client programs: bash scripts/ensure-system-packages.sh`
            : `Could not run ${file}: ${error.message}`,
        ),
      );
    });
    child.once('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : -1), stderr: stderr.trim() }));
  });
  return { stdout: child.stdout, finished };
}

/** Runs a program to its end; throws OpsError with its stderr unless it exits 0 without errors. */
export async function runTool(file: string, args: string[], environment: NodeJS.ProcessEnv): Promise<{ stderr: string }> {
  const run = startTool(file, args, environment);
  run.stdout.resume();
  const { exitCode, stderr } = await run.finished;
  checkToolResult(path.basename(file), exitCode, stderr);
  return { stderr };
}

/**
 * pg_dump and pg_restore exit non-zero on failure and print `error:`/`fatal:` lines; anything
 * else on stderr is a warning the caller may pass on.
 */
export function checkToolResult(name: string, exitCode: number, stderr: string): void {
  const errorLines = stderr.split('\n').filter((line) => /\b(error|fatal|panic):/i.test(line));
  if (exitCode !== 0 || errorLines.length > 0) {
    throw new OpsError(`${name} failed (exit ${exitCode}): ${(errorLines.length > 0 ? errorLines.join('\n') : stderr) || 'no message'}`);
  }
}

/**
 * A private (mode 700) scratch directory under `$KVARTER_DATA_DIR/backups/tmp`, for files that
 * may hold plaintext data; removed after `action`, whatever happens.
 */
export async function withScratchDirectory<T>(dataDir: string, action: (directory: string) => Promise<T>): Promise<T> {
  const parent = path.join(dataDir, 'backups', 'tmp');
  await mkdir(path.dirname(parent), { recursive: true });
  await mkdir(parent, { recursive: true, mode: 0o700 });
  await chmod(parent, 0o700);
  const directory = await mkdtemp(path.join(parent, 'work-'));
  try {
    return await action(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
