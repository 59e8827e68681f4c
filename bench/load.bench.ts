/**
 * How does the server hold up under a realistic mix of many users (docs/product/performance-targets.md § Load)?
 *
 * Starts its own TLS-only cluster (ensureLocalCluster, var/bench-load), a fresh database
 * `kvarter_bench_load` in it (dropped again at the end) and the HTTPS server as a child process
 * (server/test-support/child-app.ts, `server` entry: the server as `npm start` runs it, without the
 * backup jobs, whose nightly work would land inside the measurement), so that its memory is its
 * own. Seeds one account through the API: an organisation, 20 properties with two buildings and a
 * location each, one plan per property (2026–2055, indexation 2 %); then 500 actions per plan in
 * one SQL statement (recurring and one-off, every category and status, buildings and locations,
 * some overdue, some investments).
 *
 * autocannon then drives the server over HTTPS with the signed-in session and its CSRF token:
 * every connection cycles through 15 requests on random plans, 12 reads (plan ×2, actions ×3,
 * occurrences ×3, analysis ×2, fund ×2) and 3 writes (create an action, PATCH an action, complete
 * a recurring action), so 80 % reads and 20 % writes by count, plus one `GET /api/categories` (the
 * trivial JSON route: session handling and a constant list) under the same load, for the ratio.
 * Latency is recorded per endpoint from autocannon's response events; the server's peak RSS is
 * its VmHWM from /proc. Bounded by a time limit; stops the server and the cluster (if it started
 * it) on every way out, Ctrl-C included.
 *
 *   npx tsx bench/load.bench.ts
 */
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { categoryCodes } from '../shared/categories.ts';
import { ensureLocalCluster, type LocalCluster } from '../ops/local-cluster.ts';
import { parseConnectionOptions } from '../server/db/connection-options.ts';
import { createDatabase, type Db } from '../server/db/database.ts';
import { startChildApp, type ChildApp } from '../server/test-support/child-app.ts';
import { autocannon, type AutocannonInstance, type AutocannonRequest } from './autocannon.ts';
import { signUpForBench } from './bench-session.ts';
import {
  clientAgent,
  clusterCpuSeconds,
  cpuSecondsBetween,
  gitDescription,
  machineCpu,
  markdownTable,
  ms,
  processCpuSeconds,
  repoRoot,
  runBench,
  summarise,
  type Target,
} from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-load');
const databaseName = 'kvarter_bench_load';
const propertyCount = 20;
const actionsPerPlan = 500;
const connections = 10;
const warmUpSeconds = 5;
const durationSeconds = 30;
/** Cluster creation (first run) included; seeding and the load take about a minute. */
const timeLimitMs = 5 * 60_000;

const say = (text: string) => process.stderr.write(`${text}\n`);

let cluster: LocalCluster | undefined;
let app: ChildApp | undefined;
let db: Db | undefined;
let running: AutocannonInstance | undefined;
let stopping: Promise<void> | undefined;

/** Stops what was started, in reverse order; safe to call more than once. */
function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    running?.stop();
    await app?.stop(15_000).catch((error: unknown) => say(`stopping the server: ${String(error)}`));
    await db?.destroy().catch(() => undefined);
    if (cluster) {
      await withAdmin(cluster, (client) => client.query(`drop database if exists ${databaseName} with (force)`)).catch((error: unknown) =>
        say(`dropping the database: ${String(error)}`),
      );
      await cluster.stop().catch((error: unknown) => say(`stopping PostgreSQL: ${String(error)}`));
    }
  })();
  return stopping;
}

async function withAdmin<T>(target: LocalCluster, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(parseConnectionOptions(target.adminUrl, target.caFile).pool);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** VmRSS and VmHWM (peak RSS) of a process, in MiB. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

interface PlanTarget {
  planId: string;
  buildingIds: string[];
}

async function main(): Promise<void> {
  const startedAt = new Date();
  say(`Cluster in ${path.relative(repoRoot, dataDir)}…`);
  cluster = await ensureLocalCluster({ dataDir, log: (text) => say(`  ${text}`) });
  const startedCluster = cluster;
  await withAdmin(startedCluster, async (client) => {
    await client.query(`drop database if exists ${databaseName} with (force)`);
    await client.query(`create database ${databaseName} owner kvarter`);
  });
  const databaseUrl = withDatabase(startedCluster.databaseUrl, databaseName);
  say('Starting the server (child process)…');
  app = await startChildApp({
    entry: 'server',
    dataDir,
    databaseUrl,
    databaseCaFile: startedCluster.caFile,
    environment: { LOG_LEVEL: 'warn', BCRYPT_COST: '12' },
  });
  const serverPid = app.pid;
  db = createDatabase(parseConnectionOptions(databaseUrl, startedCluster.caFile), () => undefined);

  const ca = await readFile(path.join(dataDir, 'tls', 'ca.crt'), 'utf8');
  const target: Target = { port: app.port, ca };
  const agent = clientAgent(target);

  say(`Signing up and making ${propertyCount} properties with a plan each…`);
  const { accountId, cookie, csrfToken, createdId } = await signUpForBench(agent, target, { email: 'load@example.se', name: 'Load', accountName: 'HSB Load' });
  const organisationId = await createdId(`/api/accounts/${accountId}/organisations`, { name: 'HSB Load' });
  const plans: (PlanTarget & { propertyId: string; locationId: string })[] = [];
  for (let index = 0; index < propertyCount; index += 1) {
    const propertyId = await createdId(`/api/organisations/${organisationId}/properties`, {
      name: `Kvarteret ${index + 1}`,
      boa: 2000 + index * 150,
      loa: 150 + index * 10,
    });
    const buildingIds = [
      await createdId(`/api/properties/${propertyId}/buildings`, { name: 'Hus A' }),
      await createdId(`/api/properties/${propertyId}/buildings`, { name: 'Hus B' }),
    ];
    const locationId = await createdId(`/api/properties/${propertyId}/locations`, { name: 'Tvättstuga' });
    const planId = await createdId(`/api/properties/${propertyId}/plans`, {
      name: 'Underhållsplan 2026–2055',
      startYear: 2026,
      clientCostPercent: 10,
      indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
    });
    plans.push({ planId, propertyId, buildingIds, locationId });
  }

  say(`Inserting ${propertyCount} × ${actionsPerPlan} actions with SQL…`);
  const insertStartedAt = performance.now();
  await sql`
    insert into actions (account_id, property_id, plan_id, building_id, location_id, name, category, quantity, unit,
                         unit_price, year, interval_years, status, base_year, is_investment, tags, note)
    select ${accountId}::uuid, p.property_id, p.plan_id,
           case when i % 3 = 0 then p.building_a when i % 3 = 1 then p.building_b end,
           case when i % 5 = 0 then p.location_id end,
           'Åtgärd ' || i,
           (${[...categoryCodes]}::text[])[1 + i % 16],
           1 + i % 500,
           (array['st', 'm', 'm2', 'm3', 'kg', 'tim'])[1 + i % 6],
           ((i * 7919) % 1000000) / 100.0,
           2020 + (i * 13) % 40,
           case when i % 4 = 0 then null else 5 + i % 36 end,
           case when i % 29 = 0 then 'done' when i % 23 = 0 then 'deferred' when i % 17 = 0 then 'urgent'
                when i % 10 = 0 then 'draft' else 'planned' end,
           case when i % 7 = 0 then 2020 end,
           i % 20 = 0,
           array['P-' || i % 50],
           case when i % 9 = 0 then 'Besiktigad vid ronderingen, åtgärd ' || i else '' end
    from unnest(${plans.map((plan) => plan.planId)}::uuid[], ${plans.map((plan) => plan.propertyId)}::uuid[],
                ${plans.map((plan) => plan.buildingIds[0]!)}::uuid[], ${plans.map((plan) => plan.buildingIds[1]!)}::uuid[],
                ${plans.map((plan) => plan.locationId)}::uuid[]) as p(plan_id, property_id, building_a, building_b, location_id),
         generate_series(1, ${actionsPerPlan}) as i
  `.execute(db);
  await sql`analyze actions`.execute(db);
  const insertMs = performance.now() - insertStartedAt;
  const actionIds = (await sql<{ id: string }>`select id from actions order by random()`.execute(db)).rows.map((row) => row.id);
  // Each completion moves a recurring action on by its interval (at most 40 years), so even a few
  // rounds through the list stay within the plan data's last year (2200).
  const recurringIds = (await sql<{ id: string }>`select id from actions where interval_years is not null order by random()`.execute(db)).rows.map(
    (row) => row.id,
  );
  const memoryAfterSeeding = await memoryOf(serverPid);

  let counter = 0;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
  const planRead = (label: string, suffix: string) => ({
    label,
    method: 'GET',
    path: '/',
    setupRequest: (next: AutocannonRequest) => ({ ...next, path: `/api/plans/${pick(plans).planId}${suffix}` }),
  });
  const jsonWrite = (label: string, method: string, build: () => { path: string; json: unknown }) => ({
    label,
    method,
    path: '/',
    setupRequest: (next: AutocannonRequest) => {
      const { path: requestPath, json } = build();
      return { ...next, path: requestPath, body: JSON.stringify(json) };
    },
  });
  const mix: (AutocannonRequest & { label: string })[] = [
    planRead('`GET /api/plans/:id`', ''),
    planRead('`GET /api/plans/:id/actions`', '/actions'),
    planRead('`GET /api/plans/:id/occurrences`', '/occurrences'),
    planRead('`GET /api/plans/:id/analysis`', '/analysis'),
    jsonWrite('`POST /api/plans/:id/actions`', 'POST', () => {
      const plan = pick(plans);
      counter += 1;
      return {
        path: `/api/plans/${plan.planId}/actions`,
        json: {
          name: `Ny åtgärd ${counter}`,
          category: pick(categoryCodes),
          buildingId: pick(plan.buildingIds),
          quantity: 1 + (counter % 40),
          unit: 'm2',
          unitPrice: 350 + (counter % 900),
          year: 2026 + (counter % 30),
          intervalYears: counter % 3 === 0 ? null : 10 + (counter % 20),
        },
      };
    }),
    planRead('`GET /api/plans/:id/fund`', '/fund'),
    planRead('`GET /api/plans/:id/actions`', '/actions'),
    planRead('`GET /api/plans/:id/occurrences`', '/occurrences'),
    jsonWrite('`PATCH /api/actions/:id`', 'PATCH', () => {
      counter += 1;
      return { path: `/api/actions/${pick(actionIds)}`, json: { unitPrice: 100 + (counter % 5000), note: `Offert ${counter} inhämtad` } };
    }),
    planRead('`GET /api/plans/:id`', ''),
    planRead('`GET /api/plans/:id/analysis`', '/analysis'),
    planRead('`GET /api/plans/:id/actions`', '/actions'),
    jsonWrite('`POST /api/actions/:id/complete`', 'POST', () => {
      counter += 1;
      return {
        path: `/api/actions/${recurringIds[counter % recurringIds.length]!}/complete`,
        json: { actualCost: 1000 + (counter % 90_000), note: 'Utfört enligt plan' },
      };
    }),
    planRead('`GET /api/plans/:id/occurrences`', '/occurrences'),
    planRead('`GET /api/plans/:id/fund`', '/fund'),
    { label: '`GET /api/categories` (trivial JSON)', method: 'GET', path: '/api/categories' },
  ];
  const labels = [...new Set(mix.map((entry) => entry.label))];
  const trivialLabel = labels[labels.length - 1]!;

  const drive = async (seconds: number) => {
    const latencies = new Map<string, number[]>(labels.map((label) => [label, []]));
    const statuses = new Map<string, Map<number, number>>(labels.map((label) => [label, new Map()]));
    const instance = autocannon({
      url: `https://127.0.0.1:${app!.port}`,
      connections,
      pipelining: 1,
      duration: seconds,
      timeout: 30,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', accept: 'application/json' },
      requests: mix.map(({ label: _label, ...entry }) => entry),
      tlsOptions: { ca },
    });
    running = instance;
    instance.on('response', (client, statusCode, _bytes, responseTimeMs) => {
      // With pipelining 1 the iterator still points at the request just answered.
      const label = mix[client.requestIterator.currentRequestIndex]!.label;
      latencies.get(label)!.push(responseTimeMs);
      const counts = statuses.get(label)!;
      counts.set(statusCode, (counts.get(statusCode) ?? 0) + 1);
    });
    const result = await instance;
    running = undefined;
    return { result, latencies, statuses };
  };

  say(`Warm-up: ${warmUpSeconds} s…`);
  await drive(warmUpSeconds);
  say(`Load: ${connections} connections for ${durationSeconds} s…`);
  const samples: { rss: number; peak: number }[] = [];
  const sampler = setInterval(() => {
    memoryOf(serverPid).then(
      (memory) => samples.push(memory),
      () => undefined,
    );
  }, 250);
  const cpuBefore = await processCpuSeconds(serverPid);
  const clusterBefore = await clusterCpuSeconds(dataDir);
  const machineBefore = await machineCpu();
  const loadBefore = loadavg();
  const run = await drive(durationSeconds);
  const cpuSeconds = (await processCpuSeconds(serverPid)) - cpuBefore;
  const clusterSeconds = cpuSecondsBetween(clusterBefore, await clusterCpuSeconds(dataDir));
  const machineAfter = await machineCpu();
  const machineTotal = machineAfter.total - machineBefore.total;
  const machineBusy = (100 * (machineAfter.busy - machineBefore.busy)) / machineTotal;
  const machineSteal = (100 * (machineAfter.steal - machineBefore.steal)) / machineTotal;
  clearInterval(sampler);
  const memoryAtEnd = await memoryOf(serverPid);
  const loadAfter = loadavg();

  const total = run.result.requests.total;
  const failures = [...run.statuses].flatMap(([label, counts]) =>
    [...counts].filter(([status]) => status < 200 || status > 299).map(([status, count]) => `${label} → ${status} ×${count}`),
  );
  const summaries = new Map(labels.map((label) => [label, summarise(run.latencies.get(label)!)]));
  const trivial = summaries.get(trivialLabel)!;
  const measuredSeconds = run.result.duration;
  const reads = labels.filter((label) => label.includes('GET') && label !== trivialLabel).reduce((sum, label) => sum + summaries.get(label)!.count, 0);
  const writes = labels.filter((label) => !label.includes('GET')).reduce((sum, label) => sum + summaries.get(label)!.count, 0);
  const peakRss = Math.max(memoryAtEnd.peak, ...samples.map((sample) => sample.peak));
  const commit = await gitDescription();

  const lines = [
    `### Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}`,
    '',
    `${propertyCount} properties × ${actionsPerPlan} actions (bulk insert ${ms(insertMs)} ms); ${connections} connections, ` +
      `${durationSeconds} s after a ${warmUpSeconds} s warm-up; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')} before and ${loadAfter.map((value) => value.toFixed(2)).join(' ')} after; Node ${process.version}.`,
    '',
    `**${total} requests in ${measuredSeconds.toFixed(1)} s: ${(total / measuredSeconds).toFixed(0)} req/s** ` +
      `(${reads} reads, ${writes} writes: ${((100 * writes) / (reads + writes)).toFixed(1)} % writes, plus ${trivial.count} trivial requests). ` +
      `Errors: ${run.result.errors} connection errors, ${run.result.timeouts} timeouts, ${run.result.non2xx} non-2xx${failures.length > 0 ? ` (${failures.join('; ')})` : ''}. ` +
      `Server: ${cpuSeconds.toFixed(1)} CPU s (${((100 * cpuSeconds) / measuredSeconds).toFixed(0)} % of one core), ` +
      `PostgreSQL ${clusterSeconds.toFixed(1)} CPU s; the whole machine ${machineBusy.toFixed(0)} % busy, ${machineSteal.toFixed(0)} % stolen by the hypervisor; ` +
      `RSS ${memoryAfterSeeding.rss.toFixed(0)} MiB after seeding, ${memoryAtEnd.rss.toFixed(0)} MiB at the end, **peak ${peakRss.toFixed(0)} MiB** (VmHWM).`,
    '',
    markdownTable(
      ['endpoint', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'p50 / trivial p50'],
      labels.map((label) => {
        const summary = summaries.get(label)!;
        return [
          label,
          String(summary.count),
          (summary.count / measuredSeconds).toFixed(1),
          ms(summary.p50),
          ms(summary.p99),
          ms(summary.max),
          `${(summary.p50 / trivial.p50).toFixed(1)}×`,
        ];
      }),
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (run.result.errors + run.result.timeouts + run.result.non2xx > 0) throw new Error('the load produced errors (must be 0)');
}

await runBench({ name: 'load.bench.ts', timeLimitMs, main, stop: stopEverything, say });
