import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { backupStatusSchema, type BackupStatus } from '../shared/schemas/operations.ts';
import { evaluateAlerts } from './alerts/evaluate-alerts.ts';
import { createOpsContext } from './ops-context.ts';
import { createTestDataDir, installationEnvironment, repositoryRoot, runOps, stopPostgres, waitFor } from './test-support/durability.ts';

/**
 * The promise to a new operator (docs/product/operations-promise.md § A new installation): `npm
 * start` on an empty data directory, nobody doing anything, reaches `overall: "ok"` in
 * `ops status --json` within five minutes, and is never failing on the way: checks whose first
 * run has not happened yet are pending, and nothing is logged at error level. This starts
 * scripts/start.ts (what `npm start` runs once the system packages are there) in a child process
 * and polls the `ops` command line as an operator would.
 */
const promisedMs = 5 * 60_000;

let dataDir: string;
let server: ChildProcess | undefined;
/** Everything the server printed: its log is JSON lines (pino), the launcher's own lines are text. */
const output: string[] = [];

beforeAll(async () => {
  dataDir = await createTestDataDir('fresh');
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    // SIGTERM stops the scheduler, the server and the cluster it started, in that order.
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, sleep(60_000)]);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
  if (dataDir) {
    await stopPostgres(path.join(dataDir, 'postgres', 'data')).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}, 120_000);

function startInstallation(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repositoryRoot,
    env: installationEnvironment(dataDir, { PORT: '0', HTTP_PORT: '0', HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream!.setEncoding('utf8');
    stream!.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines);
    });
  }
  return child;
}

const printed = (pattern: RegExp) => async () => output.find((line) => pattern.test(line));

/** Log entries at error level or above (pino: 50 error, 60 fatal), and anything the launcher wrote as an error. */
function errorLines(): string[] {
  return output.filter((line) => {
    if (!line.startsWith('{')) return /error/i.test(line);
    const entry = JSON.parse(line) as { level?: number };
    return (entry.level ?? 0) >= 50;
  });
}

async function readStatus(): Promise<{ status: BackupStatus; exitCode: number }> {
  const result = await runOps(dataDir, ['status', '--json']);
  expect(result.stdout, result.stderr).not.toBe('');
  return { status: backupStatusSchema.parse(JSON.parse(result.stdout)), exitCode: result.exitCode };
}

describe('a fresh installation (npm start on an empty data directory)', () => {
  it(
    'is pending, never failing, and reaches overall "ok" in ops status within five minutes',
    async () => {
      const startedAt = Date.now();
      server = startInstallation();
      const exitedEarly = new Promise<never>((_resolve, reject) =>
        server!.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.join('\n')}`))),
      );
      await Promise.race([waitFor('the Ready line', printed(/^Ready: https:\/\/localhost:\d+$/), 120_000), exitedEarly]);
      const queued = await Promise.race([waitFor('the first runs to be queued', printed(/yet: running them now\.$/), 60_000), exitedEarly]);
      expect(queued).toBe('No full backup, verification, restore drill or dump yet: running them now.');

      // Right after the start: pending in the text and the JSON, exit code 0, and no alert.
      const text = await runOps(dataDir, ['status']);
      expect(text.exitCode, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/^Overall: PENDING\n/);
      expect(text.stdout).not.toContain('FAIL');
      const context = await createOpsContext(loadConfig(installationEnvironment(dataDir)), () => undefined);
      try {
        const errors: string[] = [];
        const evaluation = await evaluateAlerts(context, { previouslyFailing: undefined, log: { info: () => undefined, error: (line) => errors.push(line) } });
        expect(evaluation.overall).toBe('pending');
        expect(evaluation.failing).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }

      const seen: BackupStatus[] = [];
      for (;;) {
        const { status, exitCode } = await readStatus();
        seen.push(status);
        expect(
          status.checks.filter((check) => check.state === 'failing'),
          `failing at ${status.generatedAt}`,
        ).toEqual([]);
        expect(exitCode).toBe(0);
        if (status.overall === 'ok') break;
        expect(status.overall).toBe('pending');
        if (Date.now() - startedAt > promisedMs) {
          throw new Error(`still pending after five minutes: ${JSON.stringify(status.checks)}\nnpm start printed:\n${output.slice(-40).join('\n')}`);
        }
        await sleep(2_000);
      }
      const elapsedSeconds = (Date.now() - startedAt) / 1000;
      console.log(`fresh installation: overall "ok" ${elapsedSeconds.toFixed(1)} s after npm start (${seen.length} polls of ops status --json)`);
      expect(elapsedSeconds * 1000).toBeLessThanOrEqual(promisedMs);

      const final = seen.at(-1)!;
      expect(final.checks.every((check) => check.state === 'ok' && check.ok)).toBe(true);
      for (const kind of ['full', 'dump', 'verify', 'drill'] as const) expect(final.lastRuns[kind]?.outcome, kind).toBe('succeeded');
      expect(errorLines()).toEqual([]);
    },
    promisedMs + 180_000,
  );
});
