/**
 * Is the economic analysis fast on a big plan (docs/product/performance-targets.md § Analysis and fund: p50 server time ≤ 20 ms)?
 *
 * Starts its own TLS-only cluster (ensureLocalCluster, var/bench-analysis), a fresh database
 * `kvarter_bench_analysis` in it (dropped again at the end) and the real HTTPS server in this
 * process (startServer: migrations, sessions, CSRF, the full request path). Signs up one user,
 * makes an organisation, a property with four buildings and a plan of 50 years (2026–2075, client
 * cost 10 %, indexation 2 % from 2026, some fund assumptions) through the API, then bulk-inserts
 * 5 000 actions with one SQL statement: recurring every 1–50 years and one-offs, every category
 * and status (overdue, done, drafts), investments, most in a building.
 *
 * Latency: after a warm-up, one request at a time over one keep-alive HTTPS connection, rounds of
 * `GET /api/categories` (the trivial JSON route of the same server: the same session handling,
 * then a constant list), `GET /api/plans/:id/analysis` and `GET /api/plans/:id/fund`, interleaved
 * so machine noise hits them alike; p50/p95/p99/max and the ratio to the trivial route. Twice
 * over: **warm** (the plan unchanged, so the actions come from the plan revision cache, decision
 * 0014) and **cold** (a PATCH of one action, not timed, before every analysis or fund read, so
 * every read misses the plan's cache, reads the row versions and the changed action, decision
 * 0015, and runs the cost model again).
 * Throughput (warm): each route alone for a few seconds from four keep-alive connections at once.
 * Then in process, where the time goes: the database read (plan, area and actions in one
 * snapshot) with a cache hit, with a plan-cache miss (rows cached), with nothing cached and, of it, the row versions query and the actions query (in id order, as the
 * analyses read them, and in the list's order), PostgreSQL's own execution of it (EXPLAIN
 * ANALYZE), a bare round trip, a scan without sorting and a sort sending only ids; the pure cost
 * model (analysePlan, analyseFund) on the same data; the response schemas and JSON.
 *
 *   npx tsx bench/analysis.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import { categoryCodes } from '../shared/categories.ts';
import { analyseFund, analysePlan, planOccurrences } from '../shared/cost-model/index.ts';
import { analysisResponseSchema, fundResponseSchema } from '../shared/schemas/analysis.ts';
import { type Db } from '../server/db/database.ts';
import type { AccountId } from '../server/db/account-id.ts';
import type { PlanCaches } from '../server/plan-snapshot/plan-caches.ts';
import { findActionCostInputs, listActionVersions } from '../server/plan-snapshot/plan-snapshot.queries.ts';
import { PlanSnapshots } from '../server/plan-snapshot/plan-snapshots.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, request, runBench, summarise } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-analysis');
const databaseName = 'kvarter_bench_analysis';
const actionCount = 5_000;
const planLengthYears = 50;
const warmUpRounds = 10;
const rounds = 200;
/** Each cold round reads the actions from the database for each of the three routes. */
const coldRounds = 60;
const throughputConnections = 4;
const throughputSeconds = 4;
const inProcessRuns = 30;
/** Cluster creation (first run) included; the measurements themselves take about a minute. */
const timeLimitMs = 6 * 60_000;
/** docs/product/performance-targets.md § Analysis and fund: the analysis answers within 20 ms (p50, server side) on this plan. */
const targetP50Ms = 20;

const say = (text: string) => process.stderr.write(`${text}\n`);
const verdict = (p50: number) => `${p50 <= targetP50Ms ? 'met' : 'missed'} (${ms(p50)} ms)`;

const bench = benchServer({ dataDir, databaseName, say });
const stopEverything = bench.stop;

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { db, planCaches, target } = await bench.start();
  const agent = clientAgent(target);

  say('Signing up and making a plan…');
  const { accountId, cookie, send, createdId } = await signUpForBench(agent, target, { email: 'bench@example.se', name: 'Bench', accountName: 'Brf Bench' });
  const organisationId = await createdId(`/api/accounts/${accountId}/organisations`, { name: 'Brf Bench' });
  const propertyId = await createdId(`/api/organisations/${organisationId}/properties`, { name: 'Bench 1', boa: 5400, loa: 600 });
  const buildingIds: string[] = [];
  for (const name of ['Hus A', 'Hus B', 'Hus C', 'Garage']) buildingIds.push(await createdId(`/api/properties/${propertyId}/buildings`, { name }));
  const planId = await createdId(`/api/properties/${propertyId}/plans`, {
    name: 'Underhållsplan 2026–2075',
    startYear: 2026,
    lengthYears: planLengthYears,
    clientCostPercent: 10,
    indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
    fund: { openingBalance: 2_000_000, currentProvisionPerYear: 1_500_000, provisionGrowthPercent: 2, interestRatePercent: 1.5, minimumBalance: 500_000 },
  });
  // Through the API once, so the bulk rows sit beside a row the service wrote; the cold rounds PATCH it.
  const patchedActionId = await createdId(`/api/plans/${planId}/actions`, {
    name: 'Målning fönster',
    category: 'fasad',
    quantity: 40,
    unit: 'st',
    unitPrice: 2500,
    year: 2027,
    intervalYears: 8,
  });

  say(`Inserting ${actionCount - 1} more actions with SQL…`);
  await sql`
    insert into actions (account_id, property_id, plan_id, building_id, location_id, name, category, quantity, unit,
                         unit_price, year, interval_years, status, base_year, is_investment, tags, note)
    select ${accountId}::uuid, ${propertyId}::uuid, ${planId}::uuid,
           (${buildingIds}::uuid[])[1 + i % 5],
           null,
           'Åtgärd ' || i,
           (${[...categoryCodes]}::text[])[1 + i % 16],
           1 + i % 200,
           (array['st', 'm', 'm2', 'm3', 'kg', 'tim'])[1 + i % 6],
           ((i * 7919) % 500000) / 100.0,
           2018 + (i * 13) % 60,
           case when i % 5 = 0 then null else 1 + (i * 31) % 50 end,
           case when i % 29 = 0 then 'done' when i % 23 = 0 then 'deferred' when i % 17 = 0 then 'urgent'
                when i % 10 = 0 then 'draft' else 'planned' end,
           case when i % 7 = 0 then 2020 end,
           i % 20 = 0,
           array['P-' || i % 50],
           ''
    from generate_series(1, ${actionCount - 1}) as i
  `.execute(db);
  await sql`analyze actions`.execute(db);

  const routes = [
    { label: '`GET /api/categories` (trivial JSON)', path: '/api/categories' },
    { label: '`GET /api/plans/:id/analysis`', path: `/api/plans/${planId}/analysis` },
    { label: '`GET /api/plans/:id/analysis?vat=incl&includeInvestments=false`', path: `/api/plans/${planId}/analysis?vat=incl&includeInvestments=false` },
    { label: '`GET /api/plans/:id/fund`', path: `/api/plans/${planId}/fund` },
  ];
  const bodyBytes = routes.map(() => 0);
  let patchCount = 0;
  /** A new quantity for the API's action: the plan's revision moves, so the next read misses the cache. */
  const changePlan = async () => {
    patchCount += 1;
    const response = await send('PATCH', `/api/actions/${patchedActionId}`, { quantity: 40 + patchCount });
    if (response.status !== 200) throw new Error(`PATCH → ${response.status} ${response.body}`);
  };
  const measure = async (mode: 'warm' | 'cold', timedRounds: number) => {
    const samples = routes.map(() => [] as number[]);
    const previousBodies = routes.map(() => '');
    for (let round = 0; round < warmUpRounds + timedRounds; round += 1) {
      for (const [index, route] of routes.entries()) {
        if (mode === 'cold' && index > 0) await changePlan();
        const before = performance.now();
        const response = await send('GET', route.path);
        const elapsed = performance.now() - before;
        if (response.status !== 200) throw new Error(`GET ${route.path} → ${response.status} ${response.body.slice(0, 300)}`);
        // A cold read must differ from the one before (the PATCH changed a yearly cost): proof that it was computed anew.
        if (mode === 'cold' && index > 0 && response.body === previousBodies[index]) throw new Error(`a cold read of ${route.path} did not show the PATCH`);
        previousBodies[index] = response.body;
        if (round >= warmUpRounds) samples[index]!.push(elapsed);
        if (round === 0 && mode === 'warm') bodyBytes[index] = Buffer.byteLength(response.body);
      }
    }
    return { mode, summaries: samples.map(summarise) };
  };
  say(`Latency, warm: ${warmUpRounds} warm-up rounds, then ${rounds} timed rounds…`);
  const warm = await measure('warm', rounds);
  say(`Latency, cold (a PATCH before every analysis read): ${warmUpRounds} warm-up rounds, then ${coldRounds} timed rounds…`);
  const cold = await measure('cold', coldRounds);

  say(`Throughput: each route for ${throughputSeconds} s from ${throughputConnections} connections…`);
  const throughput: number[] = [];
  for (const route of routes) {
    const agents = Array.from({ length: throughputConnections }, () => clientAgent(target));
    let completed = 0;
    const deadline = performance.now() + throughputSeconds * 1000;
    const startedAtMs = performance.now();
    await Promise.all(
      agents.map(async (connection) => {
        while (performance.now() < deadline) {
          const response = await request(connection, target, { path: route.path, headers: { cookie } });
          if (response.status !== 200) throw new Error(`GET ${route.path} → ${response.status}`);
          completed += 1;
        }
      }),
    );
    throughput.push(completed / ((performance.now() - startedAtMs) / 1000));
    for (const connection of agents) connection.destroy();
  }

  say(`Where the time goes (in this process, ${inProcessRuns} times each)…`);
  const breakdown = await measureBreakdown(db, planCaches, accountId, planId);

  const commit = await gitDescription();
  const lines = [
    `#### analysis.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}`,
    '',
    `${actionCount} actions in one plan of ${planLengthYears} years (2026–2075), ${breakdown.occurrenceCount} occurrences in the window, ` +
      `4 buildings. ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, ` +
      `after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}. Latency: HTTPS over one keep-alive connection, one request ` +
      `at a time, interleaved rounds after ${warmUpRounds} warm-up rounds: warm ${rounds} rounds, cold ${coldRounds} rounds with a PATCH of one action ` +
      `before every analysis or fund read; the trivial route is timed in the same rounds. Throughput (warm): ${throughputConnections} connections for ${throughputSeconds} s per route.`,
    '',
    markdownTable(
      ['request', 'cache', 'body', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p50 / trivial p50', 'requests/s'],
      [warm, cold].flatMap((run) =>
        routes.map((route, index) => {
          const summary = run.summaries[index]!;
          return [
            route.label,
            index === 0 ? `(${run.mode} rounds)` : run.mode === 'warm' ? 'warm (hit)' : 'cold (one action changed)',
            `${(bodyBytes[index]! / 1024).toFixed(1)} KiB`,
            ms(summary.p50),
            ms(summary.p95),
            ms(summary.p99),
            ms(summary.max),
            `${(summary.p50 / run.summaries[0]!.p50).toFixed(1)}×`,
            run.mode === 'warm' ? throughput[index]!.toFixed(0) : '',
          ];
        }),
      ),
    ),
    '',
    `Target p50 ≤ ${targetP50Ms} ms: warm analysis ${verdict(warm.summaries[1]!.p50)}, fund ${verdict(warm.summaries[3]!.p50)}; ` +
      `cold analysis ${verdict(cold.summaries[1]!.p50)}, fund ${verdict(cold.summaries[3]!.p50)}.`,
    '',
    `Median of ${inProcessRuns} in-process runs of each step:`,
    '',
    markdownTable(
      ['step', 'ms'],
      breakdown.steps.map(({ step, milliseconds }) => [step, ms(milliseconds)]),
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Median time of each step of the two routes outside HTTP: database read, cost model, response schema, JSON. */
async function measureBreakdown(database: Db, planCaches: PlanCaches, accountId: AccountId, planId: string) {
  const timeOf = async (work: () => unknown): Promise<number> => {
    const runs: number[] = [];
    for (let run = 0; run < inProcessRuns; run += 1) {
      const before = performance.now();
      await work();
      runs.push(performance.now() - before);
    }
    return summarise(runs).p50;
  };
  // The server's caches, read through a module of the benchmark's own on its own pool.
  const snapshots = new PlanSnapshots(database, planCaches);
  const readById = () => snapshots.read(accountId, planId, { costInputs: 'id' });
  const snapshot = (await readById())!;
  const inputs = { plan: snapshot.planInput, actions: snapshot.costInputs };
  const options = { vat: 'excl', includeInvestments: true, asOfYear: 2026 } as const;
  const analysis = analysePlan(inputs.plan, inputs.actions, options);
  const fund = analyseFund(inputs.plan, inputs.actions, { vat: 'excl' });
  const parsedAnalysis = analysisResponseSchema.parse(analysis);
  const actionsQueryExecutionMs = await postgresExecutionMs(database, (plugged) => findActionCostInputs(plugged, accountId, { planId }));
  const versionsExecutionMs = await postgresExecutionMs(database, (plugged) => listActionVersions(plugged, accountId, planId, 'id'));
  const occurrenceCount = planOccurrences(inputs.plan, inputs.actions, { vat: 'excl', includeInvestments: true }).length;
  return {
    occurrenceCount,
    steps: [
      {
        step: 'database read, cache hit (PlanSnapshots.read by id: plan with revision and area in one snapshot, cached actions)',
        milliseconds: await timeOf(() => readById()),
      },
      {
        step: 'database read, plan cache miss with every row cached (the same after emptying the plan cache: plan, area, row versions in one snapshot)',
        milliseconds: await timeOf(() => {
          planCaches.plans.clear();
          return readById();
        }),
      },
      {
        step: 'database read, nothing cached (both caches emptied: plan, area, row versions, 5 000 actions in one snapshot)',
        milliseconds: await timeOf(() => {
          planCaches.plans.clear();
          planCaches.rows.clear();
          return readById();
        }),
      },
      {
        step: '… of which the row versions by id (listActionVersions: one text)',
        milliseconds: await timeOf(() => listActionVersions(database, accountId, planId, 'id')),
      },
      { step: '… PostgreSQL executing it (EXPLAIN ANALYZE: scan, sort, one text)', milliseconds: versionsExecutionMs },
      {
        step: '… of which every action’s input, when nothing is cached (findActionCostInputs of the plan, outside a transaction)',
        milliseconds: await timeOf(() => findActionCostInputs(database, accountId, { planId })),
      },
      { step: '… PostgreSQL executing it (EXPLAIN ANALYZE: scan, building the rows)', milliseconds: actionsQueryExecutionMs },
      {
        step: '… one database round trip (`select 1`), paid 3 times by a hit (BEGIN, plan with area, COMMIT), 4 by a plan-cache miss with every row cached, 5 when rows are read',
        milliseconds: await timeOf(() => sql`select 1`.execute(database)),
      },
      {
        step: '… the plan’s actions counted in PostgreSQL (scan only: no sort, no rows sent)',
        milliseconds: await timeOf(() => sql`select count(*) from actions where account_id = ${accountId} and plan_id = ${planId}`.execute(database)),
      },
      {
        step: '… their ids in the list’s order (scan, sort by year, category, name, id; 5 000 short rows sent)',
        milliseconds: await timeOf(() =>
          sql`select id from actions where account_id = ${accountId} and plan_id = ${planId}
              order by year, array_position(${[...categoryCodes]}::text[], category), name, id`.execute(database),
        ),
      },
      {
        step: '… their ids by id (scan, sort by id; 5 000 short rows sent)',
        milliseconds: await timeOf(() => sql`select id from actions where account_id = ${accountId} and plan_id = ${planId} order by id`.execute(database)),
      },
      { step: 'cost model: analysePlan', milliseconds: await timeOf(() => analysePlan(inputs.plan, inputs.actions, options)) },
      { step: 'cost model: analyseFund', milliseconds: await timeOf(() => analyseFund(inputs.plan, inputs.actions, { vat: 'excl' })) },
      { step: 'analysis: response schema (zod parse, rounding)', milliseconds: await timeOf(() => analysisResponseSchema.parse(analysis)) },
      { step: 'analysis: JSON.stringify', milliseconds: await timeOf(() => JSON.stringify(parsedAnalysis)) },
      { step: 'fund: response schema and JSON.stringify', milliseconds: await timeOf(() => JSON.stringify(fundResponseSchema.parse(fund))) },
    ],
  };
}

/**
 * PostgreSQL's own execution time of the query that `run` sends (its last one), from EXPLAIN
 * ANALYZE: what is left of the query's time in Node is the transfer and the decoding of the rows.
 */
async function postgresExecutionMs(database: Db, run: (database: Db) => Promise<unknown>): Promise<number> {
  let captured: CompiledQuery | undefined;
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      captured = database.getExecutor().compileQuery(args.node, args.queryId);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  await run(database.withPlugin(capture));
  if (!captured) throw new Error('no query was sent');
  const runs: number[] = [];
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const explained = await database.executeQuery<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
      CompiledQuery.raw(`explain (analyze, format json) ${captured.sql}`, [...captured.parameters]),
    );
    runs.push(explained.rows[0]!['QUERY PLAN'][0]['Execution Time']);
  }
  return summarise(runs).p50;
}

await runBench({ name: 'analysis.bench.ts', timeLimitMs, main, stop: stopEverything, say });
