/**
 * How long `npm start` takes to print `Ready:`.
 *
 * One cold start (a fresh data directory var/bench-startup: local CA and certificates, secrets,
 * initdb, cluster start, role/database creation, migrations) and then three warm starts of the
 * same directory (the cluster exists but was stopped by the previous SIGTERM). Each start runs
 * `npm start` exactly as a user would (npm → bash scripts/start.sh → ensure-* scripts → node)
 * in its own process group, on free ports; between starts the whole group gets SIGTERM and we
 * wait until every process of it has exited (and check the cluster stopped with it). Stale
 * node_modules or web build are brought up to date before each start, outside the timing.
 *
 *   npx tsx bench/startup.bench.ts
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  clientAgent,
  freePort,
  markdownTable,
  onInterrupt,
  repoRoot,
  request,
  spawnManaged,
  stopClusterIfRunning,
  stopGroup,
  summarise,
  type ManagedChild,
} from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-startup');
const warmStarts = 3;
/** A cold start may include `npm ci` or a web build if those are stale; generous, but bounded. */
const readyTimeoutMs = 300_000;
const stopGraceMs = 60_000;

interface StartResult {
  kind: 'cold' | 'warm';
  readyMs: number;
  stopMs: number;
  forced: boolean;
  clusterLeftRunning: boolean;
  /** Whether the server printed "SIGTERM received", i.e. its signal handler ran. */
  handledSigterm: boolean;
  /** Times (ms from launch) of the lines that mark the start-up steps. */
  milestones: { label: string; atMs: number }[];
}

const milestonePatterns: [string, RegExp][] = [
  ['npm ci', /Installing npm dependencies/],
  ['web build', /Building the web app/],
  ['initdb done', /Initialised a new PostgreSQL cluster/],
  ['PostgreSQL started', /Started PostgreSQL on port/],
  ['Ready', /^Ready: /],
  // Printed by scripts/start.ts after Ready once the backup scheduler runs (when it has one).
  ['backup schedule active', /^Backup schedule active/],
];

let current: ManagedChild | undefined;

/**
 * Untimed, before each start: install/build what is stale, so that a web build caused by someone
 * editing web/ during the run does not land inside a measurement (if it still does, the steps
 * column shows "web build").
 */
async function prepare(): Promise<void> {
  for (const script of ['scripts/ensure-node-modules.sh', 'scripts/ensure-web-build.sh']) {
    await promisify(execFile)('bash', [script], { cwd: repoRoot, timeout: 600_000 });
  }
}

async function startOnce(kind: 'cold' | 'warm'): Promise<StartResult> {
  await prepare();
  const [port, httpPort] = [await freePort(), await freePort()];
  current = spawnManaged('npm', ['start'], {
    prefix: `[${kind}]`,
    env: { ...process.env, KVARTER_DATA_DIR: dataDir, PORT: String(port), HTTP_PORT: String(httpPort), HOST: '127.0.0.1' },
  });
  const ready = await current.waitForLine(/^Ready: https:\/\/localhost:\d+/, readyTimeoutMs);

  // Not timed: a sanity check that the server really answers.
  const target = { port, ca: await readFile(path.join(dataDir, 'tls', 'ca.crt'), 'utf8') };
  const agent = clientAgent(target);
  const health = await request(agent, target, { path: '/healthz', timeoutMs: 10_000 });
  agent.destroy();
  if (health.status !== 200) throw new Error(`GET /healthz answered ${health.status} after Ready`);

  const { stopMs, forced } = await stopGroup(current, stopGraceMs);
  const clusterLeftRunning = await stopClusterIfRunning(dataDir);
  const milestones = milestonePatterns.flatMap(([label, pattern]) => {
    const line = current!.lines.find((candidate) => pattern.test(candidate.text));
    return line ? [{ label, atMs: line.atMs }] : [];
  });
  const handledSigterm = current.lines.some((line) => /SIGTERM received/.test(line.text));
  current = undefined;
  return { kind, readyMs: ready.atMs, stopMs, forced, clusterLeftRunning, handledSigterm, milestones };
}

async function cleanup(): Promise<void> {
  if (current) await stopGroup(current, stopGraceMs);
  await stopClusterIfRunning(dataDir).catch((error: unknown) => process.stderr.write(`could not check/stop the cluster: ${String(error)}\n`));
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const removeInterruptHandler = onInterrupt(cleanup);
  const results: StartResult[] = [];
  try {
    // A fresh directory for the cold start; a cluster left running by a crashed run is stopped first.
    await stopClusterIfRunning(dataDir);
    await rm(dataDir, { recursive: true, force: true });

    results.push(await startOnce('cold'));
    for (let index = 0; index < warmStarts; index++) results.push(await startOnce('warm'));
  } finally {
    await cleanup();
    removeInterruptHandler();
  }

  const seconds = (value: number) => (value / 1000).toFixed(2);
  const rows = results.map((result, index) => [
    `${index + 1} (${result.kind})`,
    seconds(result.readyMs),
    result.milestones
      .filter((milestone) => milestone.label !== 'Ready')
      .map((milestone) => `${milestone.label} at ${seconds(milestone.atMs)} s`)
      .join(', ') || '–',
    `${seconds(result.stopMs)}${result.forced ? ' (SIGKILL)' : ''}${result.handledSigterm ? '' : ', no "SIGTERM received"'}${result.clusterLeftRunning ? ', PostgreSQL left running!' : ''}`,
  ]);
  const warm = summarise(results.filter((result) => result.kind === 'warm').map((result) => result.readyMs));
  const cold = results.find((result) => result.kind === 'cold')!;

  console.log(`\n### Start-up benchmark (${new Date().toISOString()})\n`);
  console.log(
    `${cpus().length} CPUs, load average (1/5/15 min) before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`,
  );
  console.log(markdownTable(['start', 'launch → Ready (s)', 'steps (from launch)', 'SIGTERM → group gone (s)'], rows));
  console.log('');
  console.log(
    markdownTable(
      ['', 'launch → Ready (s)'],
      [
        ['first start (cold, fresh data directory)', seconds(cold.readyMs)],
        [`second start, median of ${warm.count}`, seconds(warm.p50)],
        ['second start, min', seconds(Math.min(...results.filter((r) => r.kind === 'warm').map((r) => r.readyMs)))],
        ['second start, max', seconds(warm.max)],
      ],
    ),
  );
  if (results.some((result) => result.milestones.some((milestone) => milestone.label === 'web build' || milestone.label === 'npm ci'))) {
    console.log('\n**Note:** a start above includes a web build or npm ci (sources changed during the run), which inflates its time.');
  }
  if (results.some((result) => result.forced || result.clusterLeftRunning || !result.handledSigterm)) {
    console.log(
      '\n**Anomaly:** a start did not stop cleanly on SIGTERM sent just after `Ready:` (see the last column). ' +
        'Without a "SIGTERM received" line the process died of the default signal action: its handler was not installed yet. ' +
        'The benchmark stopped the PostgreSQL cluster left behind with pg_ctl.',
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
