/**
 * Does a sign-in burst (bcrypt cost 12) slow down everybody else's requests?
 *
 * Starts the real server as a child process (its own event loop; data dir var/bench, free ports,
 * TRUST_PROXY=loopback so the per-IP login limit can be spread over x-forwarded-for addresses,
 * LOG_LEVEL=warn), signs up 20 users, waits until the server runs no background job (npm start
 * queues a first full backup and dump into a new data directory), then measures closed-loop
 * clients, each on its own keep-alive HTTPS connection to 127.0.0.1:
 *
 *   H  GET /healthz alone (reference: no database, no session)                           5 s
 *   A  GET /api/auth/me alone: the baseline (session read, user and memberships queries,
 *      and, sessions being rolling, a session upsert on every request)                  10 s
 *   B  the same `me` client while 4 clients log in continuously (distinct users)        10 s
 *   C  GET /healthz while 4 clients log in (event loop and CPU, without the database)    5 s
 *
 * Besides latencies it records, per phase, the server's own event-loop delay (through
 * bench/event-loop-probe.ts, preloaded into the server process), CPU used by the server, by
 * PostgreSQL, by this load generator and by everything else on the machine (a shared machine is
 * noisy; this says how noisy), this process's event-loop delay, and which child processes the
 * server ran (backup jobs would show there).
 *
 * Prints markdown tables and me-p99(B)/me-p99(A). Everything is bounded in time and the
 * server (and its PostgreSQL cluster) is stopped on every path out. UV_THREADPOOL_SIZE and
 * BCRYPT_COST from the environment reach the server, for experiments.
 *
 *   npx tsx bench/auth.bench.ts
 */
import { readFile } from 'node:fs/promises';
import type https from 'node:https';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  clientAgent,
  clusterCpuSeconds,
  cpuSecondsBetween,
  descendants,
  cookieFrom,
  freePort,
  machineCpu,
  markdownTable,
  ms,
  onInterrupt,
  processCpuSeconds,
  repoRoot,
  request,
  sleep,
  spawnManaged,
  stopClusterIfRunning,
  stopGroup,
  summarise,
  type LatencySummary,
  type ManagedChild,
  type Target,
} from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench');
const sessionCookie = '__Host-kvarter-session';
const userCount = 20;
const loginClients = 4;
/** The per-IP limit is 30 a minute; each login client moves to a new x-forwarded-for after this many. */
const loginsPerAddress = 20;
const phaseMs = { health: 5_000, baseline: 10_000, underLogins: 10_000, healthUnderLogins: 5_000 };
const readyTimeoutMs = 180_000;
/** Event-loop delay histograms tick every 10 ms; what exceeds 10 ms is the delay reported. */
const loopDelayResolutionMs = 10;
/** Hard limit for the whole run, start-up included; on expiry the run aborts and cleans up. */
const overallTimeoutMs = 600_000;

interface User {
  email: string;
  password: string;
}

interface PhaseResult {
  latencies: number[];
  errors: Map<string, number>;
  elapsedMs: number;
}

let aborted = false;

/** One closed-loop client: a request, wait for the whole answer, the next; until `durationMs` has passed. */
async function closedLoop(durationMs: number, send: (index: number) => Promise<{ status: number }>, expectStatus: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const startedAt = performance.now();
  const endAt = startedAt + durationMs;
  for (let index = 0; performance.now() < endAt && !aborted; index++) {
    const t0 = performance.now();
    try {
      const { status } = await send(index);
      if (status === expectStatus) latencies.push(performance.now() - t0);
      else errors.set(`HTTP ${status}`, (errors.get(`HTTP ${status}`) ?? 0) + 1);
    } catch (error) {
      const key = error instanceof Error ? error.message : String(error);
      errors.set(key, (errors.get(key) ?? 0) + 1);
      await sleep(50);
    }
  }
  return { latencies, errors, elapsedMs: performance.now() - startedAt };
}

function merge(results: PhaseResult[]): PhaseResult {
  const errors = new Map<string, number>();
  for (const result of results) for (const [key, count] of result.errors) errors.set(key, (errors.get(key) ?? 0) + count);
  return {
    latencies: results.flatMap((result) => result.latencies),
    errors,
    elapsedMs: Math.max(...results.map((result) => result.elapsedMs)),
  };
}

interface Measured {
  name: string;
  result: PhaseResult;
  summary: LatencySummary;
}

interface PhaseContext {
  serverCores: number;
  postgresCores: number;
  machineBusyPercent: number;
  machineStealPercent: number;
  clientLoopDelayP99: number;
  clientCores: number;
  otherCores: number;
  serverLoopDelay: { p50: number; p99: number; max: number; mean: number } | undefined;
  /** Command names of processes the server ran during the phase (backup jobs and the like). */
  serverChildren: string[];
}

/**
 * `npm start` queues a full backup and a dump when the data directory has none, and the backup
 * schedule runs jobs as child processes of the server (pgBackRest, pg_dump). Waits until the
 * server has had no child process for `quietMs`, and at least `minMs` since `since` (the worker
 * takes a queued job within its polling interval), so that a first backup does not run during
 * the measurements. Bounded by `timeoutMs`; returns the command names seen.
 */
async function waitForIdleServer(pid: number, since: number, options: { minMs: number; quietMs: number; timeoutMs: number }): Promise<string[]> {
  const seen = new Set<string>();
  const deadline = performance.now() + options.timeoutMs;
  let quietSince = performance.now();
  while (performance.now() < deadline && !aborted) {
    const running = descendants(pid);
    for (const child of running) seen.add(child.command);
    if (running.length > 0) quietSince = performance.now();
    if (performance.now() - quietSince >= options.quietMs && performance.now() - since >= options.minMs) return [...seen];
    await sleep(250);
  }
  process.stderr.write(`the server still runs child processes after ${options.timeoutMs / 1000} s (${[...seen].join(', ')}); measuring anyway\n`);
  return [...seen];
}

/** Asks the server's event-loop probe for its histogram since the last ask (and resets it). */
async function serverEventLoopDelay(server: ManagedChild): Promise<PhaseContext['serverLoopDelay']> {
  const seen = server.lines.length;
  server.child.kill('SIGUSR2');
  const deadline = performance.now() + 5_000;
  while (performance.now() < deadline) {
    const line = server.lines.slice(seen).find((candidate) => candidate.text.startsWith('KVARTER_BENCH_EVENT_LOOP '));
    if (line) return JSON.parse(line.text.slice('KVARTER_BENCH_EVENT_LOOP '.length)) as PhaseContext['serverLoopDelay'];
    await sleep(20);
  }
  process.stderr.write('the server did not report its event-loop delay\n');
  return undefined;
}

/** Runs `body` while recording the server's CPU, the machine's CPU and our own event-loop delay. */
async function withAccounting<T>(server: ManagedChild, body: () => Promise<T>): Promise<{ value: T; context: PhaseContext }> {
  const serverPid = server.child.pid!;
  const loopDelay = monitorEventLoopDelay({ resolution: loopDelayResolutionMs });
  await serverEventLoopDelay(server);
  const client0 = process.cpuUsage();
  const [cpu0, pg0, machine0, t0] = [await processCpuSeconds(serverPid), await clusterCpuSeconds(dataDir), await machineCpu(), performance.now()];
  const serverChildren = new Set<string>();
  const childSampler = setInterval(() => {
    for (const child of descendants(serverPid)) serverChildren.add(child.command);
  }, 500);
  loopDelay.enable();
  const value = await body().finally(() => clearInterval(childSampler));
  loopDelay.disable();
  const serverLoopDelay = await serverEventLoopDelay(server);
  const [cpu1, pg1, machine1, t1] = [await processCpuSeconds(serverPid), await clusterCpuSeconds(dataDir), await machineCpu(), performance.now()];
  const client1 = process.cpuUsage(client0);
  const seconds = (t1 - t0) / 1000;
  const cpuCount = cpus().length;
  const serverCores = (cpu1 - cpu0) / seconds;
  const postgresCores = cpuSecondsBetween(pg0, pg1) / seconds;
  const clientCores = (client1.user + client1.system) / 1e6 / seconds;
  const machineBusyPercent = (100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total);
  return {
    value,
    context: {
      serverCores,
      postgresCores,
      clientCores,
      otherCores: Math.max(0, (machineBusyPercent / 100) * cpuCount - serverCores - postgresCores - clientCores),
      machineBusyPercent,
      machineStealPercent: (100 * (machine1.steal - machine0.steal)) / Math.max(1, machine1.total - machine0.total),
      clientLoopDelayP99: Math.max(0, loopDelay.percentile(99) / 1e6 - loopDelayResolutionMs),
      serverLoopDelay,
      serverChildren: [...serverChildren],
    },
  };
}

async function main(): Promise<void> {
  const runId = Date.now().toString(36);
  const loadBefore = loadavg();
  const [port, httpPort] = [await freePort(), await freePort()];
  let server: ManagedChild | undefined;
  let cleanedUp: Promise<void> | undefined;
  const cleanup = () =>
    (cleanedUp ??= (async () => {
      aborted = true;
      if (server) {
        const { stopMs, forced } = await stopGroup(server, 30_000);
        process.stderr.write(`server stopped in ${(stopMs / 1000).toFixed(1)} s${forced ? ' (forced with SIGKILL)' : ''}\n`);
      }
      await stopClusterIfRunning(dataDir).catch((error: unknown) => process.stderr.write(`could not check/stop the cluster: ${String(error)}\n`));
    })());
  const removeInterruptHandler = onInterrupt(cleanup);
  const watchdog = setTimeout(() => {
    process.stderr.write(`auth benchmark exceeded ${overallTimeoutMs / 1000} s: aborting\n`);
    process.exitCode = 1;
    void cleanup().finally(() => process.exit(1));
  }, overallTimeoutMs);

  try {
    const running = spawnManaged(process.execPath, ['--import', 'tsx', '--import', './bench/event-loop-probe.ts', 'scripts/start.ts'], {
      prefix: '[server]',
      echo: (text) => !text.startsWith('KVARTER_BENCH_EVENT_LOOP '),
      env: {
        ...process.env,
        KVARTER_DATA_DIR: dataDir,
        PORT: String(port),
        HTTP_PORT: String(httpPort),
        HOST: '127.0.0.1',
        TRUST_PROXY: 'loopback',
        LOG_LEVEL: 'warn',
      },
    });
    server = running;
    const ready = await running.waitForLine(/^Ready: https:\/\/localhost:\d+/, readyTimeoutMs);
    process.stderr.write(`server ready after ${(ready.atMs / 1000).toFixed(1)} s (pid ${running.child.pid})\n`);
    const target: Target = { port, ca: await readFile(path.join(dataDir, 'tls', 'ca.crt'), 'utf8') };

    // Users: 0 is the `me` client; 1…19 are shared round-robin among the login clients.
    const users: User[] = Array.from({ length: userCount }, (_, index) => ({
      email: `bench-${runId}-${index}@example.com`,
      password: `Bench ${runId} password ${index}`,
    }));
    const signupAgent = clientAgent(target);
    let meCookie = '';
    const signupStarted = performance.now();
    for (const [index, user] of users.entries()) {
      const response = await request(signupAgent, target, {
        method: 'POST',
        path: '/api/auth/signup',
        headers: { 'x-forwarded-for': `10.200.0.${index + 1}` },
        json: { email: user.email, password: user.password, name: `Bench user ${index}`, accountName: `Bench account ${index}` },
      });
      if (response.status !== 201) throw new Error(`signup ${index}: HTTP ${response.status} ${response.body}`);
      if (index === 0) meCookie = cookieFrom(response, sessionCookie);
    }
    signupAgent.destroy();
    process.stderr.write(`signed up ${userCount} users in ${((performance.now() - signupStarted) / 1000).toFixed(1)} s\n`);
    const idleWaitStarted = performance.now();
    const jobsBefore = await waitForIdleServer(running.child.pid!, running.spawnedAt + ready.atMs, { minMs: 15_000, quietMs: 3_000, timeoutMs: 300_000 });
    process.stderr.write(
      `waited ${((performance.now() - idleWaitStarted) / 1000).toFixed(1)} s for the server's background jobs${jobsBefore.length > 0 ? ` (${jobsBefore.join(', ')})` : ' (none ran)'}\n`,
    );

    const meAgent = clientAgent(target);
    const healthAgent = clientAgent(target);
    const me = () => request(meAgent, target, { path: '/api/auth/me', headers: { cookie: meCookie } });
    const health = () => request(healthAgent, target, { path: '/healthz' });

    // Login clients: each its own keep-alive connection, its own users and addresses, no cookie jar.
    let addressBlock = 0;
    const loginAgents: https.Agent[] = [];
    const loginLoop = (client: number, durationMs: number) => {
      const agent = clientAgent(target);
      loginAgents.push(agent);
      const own = users.slice(1).filter((_, index) => index % loginClients === client);
      let address = '';
      return closedLoop(
        durationMs,
        (index) => {
          if (index % loginsPerAddress === 0) {
            addressBlock++;
            address = `10.${100 + client}.${(addressBlock >> 8) & 255}.${addressBlock & 255}`;
          }
          const user = own[index % own.length]!;
          return request(agent, target, { method: 'POST', path: '/api/auth/login', headers: { 'x-forwarded-for': address }, json: user });
        },
        200,
      );
    };
    const logins = (durationMs: number) => Promise.all(Array.from({ length: loginClients }, (_, client) => loginLoop(client, durationMs))).then(merge);

    // Warm-up (JIT, connection pools, bcrypt's threads), not measured.
    await Promise.all([closedLoop(1_500, me, 200), closedLoop(1_500, health, 200), logins(1_500)]);
    await sleep(500);

    const rows: Measured[] = [];
    const contexts: Record<string, PhaseContext> = {};
    const measure = (name: string, result: PhaseResult) => {
      rows.push({ name, result, summary: summarise(result.latencies) });
    };

    process.stderr.write(`phase H: GET /healthz alone, ${phaseMs.health / 1000} s\n`);
    const h = await withAccounting(running, () => closedLoop(phaseMs.health, health, 200));
    measure('H: `GET /healthz` alone', h.value);
    contexts.H = h.context;
    await sleep(500);

    process.stderr.write(`phase A: GET /api/auth/me alone, ${phaseMs.baseline / 1000} s\n`);
    const a = await withAccounting(running, () => closedLoop(phaseMs.baseline, me, 200));
    measure('A: `GET /api/auth/me` alone', a.value);
    contexts.A = a.context;
    await sleep(500);

    process.stderr.write(`phase B: GET /api/auth/me with ${loginClients} login clients, ${phaseMs.underLogins / 1000} s\n`);
    const b = await withAccounting(running, () => Promise.all([closedLoop(phaseMs.underLogins, me, 200), logins(phaseMs.underLogins)]));
    measure('B: `GET /api/auth/me` during logins', b.value[0]);
    measure(`B: \`POST /api/auth/login\` (${loginClients} clients)`, b.value[1]);
    contexts.B = b.context;
    await sleep(500);

    process.stderr.write(`phase C: GET /healthz with ${loginClients} login clients, ${phaseMs.healthUnderLogins / 1000} s\n`);
    const c = await withAccounting(running, () => Promise.all([closedLoop(phaseMs.healthUnderLogins, health, 200), logins(phaseMs.healthUnderLogins)]));
    measure('C: `GET /healthz` during logins', c.value[0]);
    measure(`C: \`POST /api/auth/login\` (${loginClients} clients)`, c.value[1]);
    contexts.C = c.context;

    for (const agent of [meAgent, healthAgent, ...loginAgents]) agent.destroy();
    if (aborted) throw new Error('aborted');

    // Report.
    const table = markdownTable(
      ['phase / client', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
      rows.map(({ name, result, summary }) => [
        name,
        String(summary.count),
        (summary.count / (result.elapsedMs / 1000)).toFixed(1),
        ms(summary.p50),
        ms(summary.p95),
        ms(summary.p99),
        ms(summary.max),
        result.errors.size === 0 ? '0' : [...result.errors].map(([key, count]) => `${count}× ${key}`).join('; '),
      ]),
    );
    const contextTable = markdownTable(
      [
        'phase',
        'server event-loop delay p50 / p99 / max',
        'CPU cores used: server / PostgreSQL / load generator / other processes',
        'machine busy',
        'steal',
        'load generator event-loop delay p99',
        'server child processes',
      ],
      Object.entries(contexts).map(([phase, context]) => [
        phase,
        context.serverLoopDelay ? `${ms(context.serverLoopDelay.p50)} / ${ms(context.serverLoopDelay.p99)} / ${ms(context.serverLoopDelay.max)} ms` : '–',
        [context.serverCores, context.postgresCores, context.clientCores, context.otherCores].map((cores) => cores.toFixed(2)).join(' / '),
        `${context.machineBusyPercent.toFixed(0)} %`,
        `${context.machineStealPercent.toFixed(0)} %`,
        `${ms(context.clientLoopDelayP99)} ms`,
        context.serverChildren.join(', ') || 'none',
      ]),
    );
    const find = (prefix: string) => rows.find((row) => row.name.startsWith(prefix))!.summary;
    const [meA, meB, healthH, healthC, loginB] = [find('A:'), find('B: `GET'), find('H:'), find('C: `GET'), find('B: `POST')];
    const loginSeconds = rows.find((row) => row.name.startsWith('B: `POST'))!.result.elapsedMs / 1000;
    const ratio = (x: number, y: number) => (x / y).toFixed(1);

    console.log(`\n### Auth benchmark (${new Date().toISOString()})\n`);
    console.log(
      `${cpus().length} CPUs, load average (1/5/15 min) before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(
          ' ',
        )}; server: child process, bcrypt cost ${process.env.BCRYPT_COST ?? '12 (default)'}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}\n`,
    );
    console.log(table);
    console.log('');
    console.log(contextTable);
    console.log('');
    console.log(
      `- me p99 during logins / baseline (B/A): **${ratio(meB.p99, meA.p99)}×** (${ms(meB.p99)} ms vs ${ms(meA.p99)} ms); p50 ${ratio(meB.p50, meA.p50)}× (${ms(meB.p50)} ms vs ${ms(meA.p50)} ms)`,
    );
    console.log(
      `- healthz p99 during logins / alone (C/H): **${ratio(healthC.p99, healthH.p99)}×** (${ms(healthC.p99)} ms vs ${ms(healthH.p99)} ms); p50 ${ratio(healthC.p50, healthH.p50)}×`,
    );
    console.log(
      `- login throughput in B: ${(loginB.count / loginSeconds).toFixed(1)} logins/s with ${loginClients} clients (p50 ${ms(loginB.p50)} ms, p99 ${ms(loginB.p99)} ms)`,
    );
  } finally {
    clearTimeout(watchdog);
    await cleanup();
    removeInterruptHandler();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
