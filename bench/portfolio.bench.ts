/**
 * Does the portfolio of 200 properties × 500 actions answer within its budget (bench/README.md §
 * `portfolio.bench.ts`), and the installation's maintenance-debt benchmark beside it?
 *
 * Starts the real HTTPS server in this process on its own TLS-only cluster (benchServer,
 * var/bench-portfolio, a fresh database `kvarter_bench_portfolio`). A manager signs up and makes one
 * organisation through the API; then, in bulk SQL, 200 properties with an area (BOA 400–2 390 m²),
 * each with one plan of 30 years (2024–2053, its own fund) and 500 actions (100 000 in one
 * statement: every category and status, recurring and one-off, some overdue so each property has
 * maintenance debt).
 *
 * Over one keep-alive HTTPS connection, one request at a time:
 * - **cold**: the server's plan snapshot caches emptied (the plan revisions, the row versions and
 *   the analyses: what a fresh server holds), then one `GET /api/accounts/:accountId/portfolio`,
 *   `coldRounds` times; the same for `GET /api/benchmarks/maintenance-debt-per-m2`;
 * - **warm**: after `warmUpRounds`, `rounds` interleaved rounds of both routes and the trivial
 *   `GET /api/categories` (the same session handling and a constant list: the machine's noise).
 * It also reports the process's memory (RSS and heap: the server, its caches and the load
 * generator share this process) before the first request and after the last, and what the plan
 * caches hold at the end. Then in process, where the cold time goes: reading the 200 snapshots
 * one after another (as the routes did before `PlanSnapshots.readMany`) and in batches, each with
 * empty caches (checking that both give the same inputs), the batches again warm, and the cost
 * model on them.
 *
 *   npx tsx bench/portfolio.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { categoryCodes } from '../shared/categories.ts';
import { analyseFund, analysePlan } from '../shared/cost-model/index.ts';
import type { AccountId } from '../server/db/account-id.ts';
import { createPlanCaches, type PlanCaches } from '../server/plan-snapshot/plan-caches.ts';
import { findActionCostInputsOfPlans, listActionVersionsOfPlans } from '../server/plan-snapshot/plan-snapshot.queries.ts';
import { PlanSnapshots, plansPerSnapshot } from '../server/plan-snapshot/plan-snapshots.ts';
import { inReadOnlySnapshot } from '../server/plan-snapshot/read-only-snapshot.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, runBench, summarise } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-portfolio');
const databaseName = 'kvarter_bench_portfolio';
const propertyCount = 200;
const actionsPerPlan = 500;
const seedPlansPerStatement = 20;
const coldRounds = 5;
const warmUpRounds = 3;
const rounds = 30;
const inProcessRuns = 3;
const timeLimitMs = 15 * 60_000;
/** The budget of bench/README.md § `portfolio.bench.ts`, measured at the client on this shared 2-vCPU machine. */
const budget = { coldP50Ms: 10_000, warmP95Ms: 250 };

const say = (text: string) => process.stderr.write(`${text}\n`);
const bench = benchServer({ dataDir, databaseName, say });
const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function emptyCaches(caches: PlanCaches): void {
  caches.plans.clear();
  caches.rows.clear();
  caches.analyses.clear();
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { db, planCaches, target } = await bench.start();
  const manager = await signUpForBench(clientAgent(target), target, { email: 'manager@example.se', name: 'Förvaltare', accountName: 'Förvaltning AB' });
  const organisationId = await manager.createdId(`/api/accounts/${manager.accountId}/organisations`, { name: 'Brf Portfölj' });

  say(`Inserting ${propertyCount} properties, ${propertyCount} plans and ${propertyCount * actionsPerPlan} actions with SQL…`);
  const seedStartedAt = performance.now();
  await sql`
    insert into properties (account_id, organisation_id, name, boa, loa)
    select ${manager.accountId}::uuid, ${organisationId}::uuid, 'Fastighet ' || lpad(i::text, 3, '0'), 400 + (i * 37) % 2000, (i * 11) % 300
    from generate_series(1, ${propertyCount}) as i`.execute(db);
  await sql`
    insert into plans (account_id, property_id, name, start_year, length_years, fund_opening_balance, fund_current_provision, fund_interest_rate_percent)
    select account_id, id, 'Underhållsplan', 2024, 30, 100000 * (row_number() over (order by id) % 20), 50000 + 5000 * (row_number() over (order by id) % 40), 1
    from properties where account_id = ${manager.accountId}::uuid`.execute(db);
  // 20 plans a statement: the 100 000 actions and their history rows in one would outlast the pool's query timeout.
  for (let first = 1; first <= propertyCount; first += seedPlansPerStatement) {
    await sql`
      insert into actions (account_id, property_id, plan_id, name, category, quantity, unit, unit_price, year, interval_years, status, is_investment, tags, note)
      select plan.account_id, plan.property_id, plan.id, 'Åtgärd ' || i, (${[...categoryCodes]}::text[])[1 + (i + n) % 16],
             1 + (i * n) % 200, 'm2', ((i * 7919 + n * 104729) % 500000) / 100.0, 2024 + (i * 13 + n) % 30,
             case when i % 5 = 0 then null else 1 + (i * 31) % 40 end,
             case when i % 29 = 0 then 'done' when i % 17 = 0 then 'urgent' when i % 10 = 0 then 'draft' else 'planned' end,
             i % 20 = 0, array['P-' || i % 50], ''
      from (select *, row_number() over (order by id) as n from plans where account_id = ${manager.accountId}::uuid) plan
      cross join generate_series(1, ${actionsPerPlan}) as i
      where n between ${first} and ${first + seedPlansPerStatement - 1}`.execute(db);
  }
  await sql`analyze`.execute(db);
  const seedMs = performance.now() - seedStartedAt;

  const routes = {
    portfolio: { label: '`GET /api/accounts/:accountId/portfolio`', path: `/api/accounts/${manager.accountId}/portfolio` },
    benchmark: { label: '`GET /api/benchmarks/maintenance-debt-per-m2`', path: '/api/benchmarks/maintenance-debt-per-m2' },
    categories: { label: '`GET /api/categories` (trivial JSON)', path: '/api/categories' },
  };
  const bodies = new Map<string, string>();
  const timed = async (route: { label: string; path: string }) => {
    const before = performance.now();
    const response = await manager.send('GET', route.path);
    const elapsed = performance.now() - before;
    if (response.status !== 200) throw new Error(`${route.path} → ${response.status} ${response.body.slice(0, 200)}`);
    // Every answer the same whatever the caches held: a cold and a warm answer must not differ.
    const previous = bodies.get(route.path);
    if (previous !== undefined && previous !== response.body) throw new Error(`${route.path} answered differently from its first answer`);
    bodies.set(route.path, response.body);
    return { elapsed, bytes: response.bytes.byteLength };
  };

  const memoryBefore = process.memoryUsage();
  const cold = { portfolio: [] as number[], benchmark: [] as number[] };
  for (let round = 0; round < coldRounds; round += 1) {
    for (const name of ['portfolio', 'benchmark'] as const) {
      say(`cold ${name} ${round + 1}/${coldRounds}…`);
      emptyCaches(planCaches);
      cold[name].push((await timed(routes[name])).elapsed);
    }
  }
  const warm = { portfolio: [] as number[], benchmark: [] as number[], categories: [] as number[] };
  const bodyBytes = { portfolio: 0, benchmark: 0, categories: 0 };
  say(`${rounds} warm rounds…`);
  for (let round = 0; round < warmUpRounds + rounds; round += 1) {
    for (const name of ['categories', 'portfolio', 'benchmark'] as const) {
      const { elapsed, bytes } = await timed(routes[name]);
      bodyBytes[name] = bytes;
      if (round >= warmUpRounds) warm[name].push(elapsed);
    }
  }
  const memoryAfter = process.memoryUsage();
  const cacheState = { plans: planCaches.plans, rows: planCaches.rows, analyses: planCaches.analyses };
  const portfolio = JSON.parse(bodies.get(routes.portfolio.path)!) as { properties: unknown[] };
  if (portfolio.properties.length !== propertyCount) throw new Error(`the portfolio has ${portfolio.properties.length} rows, not ${propertyCount}`);

  say('In process: the snapshots read one after another, with empty caches…');
  const planIds = (await db.selectFrom('plans').select('id').where('account_id', '=', manager.accountId).orderBy('id').execute()).map((row) => row.id);
  const options = { vat: 'excl' as const, includeInvestments: true, asOfYear: 2026 };
  const accountId: AccountId = manager.accountId;
  const inProcess = {
    sequential: [] as number[],
    batched: [] as number[],
    batchedWarm: [] as number[],
    versions: [] as number[],
    inputs: [] as number[],
    analyses: [] as number[],
  };
  for (let run = 0; run < inProcessRuns; run += 1) {
    let before = performance.now();
    const oneByOne = new PlanSnapshots(db, createPlanCaches());
    const read = [];
    for (const planId of planIds) read.push((await oneByOne.read(accountId, planId, { costInputs: 'id' }))!);
    inProcess.sequential.push(performance.now() - before);
    const batchedSnapshots = new PlanSnapshots(db, createPlanCaches());
    before = performance.now();
    const batched = await batchedSnapshots.readMany(
      planIds.map((planId) => ({ accountId, planId })),
      'id',
    );
    inProcess.batched.push(performance.now() - before);
    before = performance.now();
    await batchedSnapshots.readMany(
      planIds.map((planId) => ({ accountId, planId })),
      'id',
    );
    inProcess.batchedWarm.push(performance.now() - before);
    if (JSON.stringify(batched.map((snapshot) => snapshot.costInputs)) !== JSON.stringify(read.map((snapshot) => snapshot.costInputs))) {
      throw new Error('the batched read gave other cost inputs than the reads one after another');
    }
    // The two statements behind a cold batch, alone: PostgreSQL writing each action's row version and input, node-pg and JSON.parse reading them.
    const keys = planIds.map((planId) => ({ accountId, planId }));
    for (let start = 0; start < keys.length; start += plansPerSnapshot) {
      const batch = keys.slice(start, start + plansPerSnapshot);
      await inReadOnlySnapshot(db, async (snapshot) => {
        before = performance.now();
        await listActionVersionsOfPlans(snapshot, batch, 'id');
        inProcess.versions[run] = (inProcess.versions[run] ?? 0) + performance.now() - before;
        before = performance.now();
        await findActionCostInputsOfPlans(snapshot, { plans: batch });
        inProcess.inputs[run] = (inProcess.inputs[run] ?? 0) + performance.now() - before;
      });
    }
    before = performance.now();
    for (const snapshot of read) {
      analysePlan(snapshot.planInput, snapshot.costInputs, options);
      analyseFund(snapshot.planInput, snapshot.costInputs, { vat: 'excl' });
    }
    inProcess.analyses.push(performance.now() - before);
  }

  const row = (label: string, samples: number[], bytes?: number) => {
    const summary = summarise(samples);
    return [label, bytes === undefined ? '' : `${(bytes / 1024).toFixed(0)} KiB`, String(summary.count), ms(summary.p50), ms(summary.p95), ms(summary.max)];
  };
  const inProcessRow = (label: string, samples: number[]) => [label, String(samples.length), ms(summarise(samples).p50), ms(summarise(samples).max)];
  const lines = [
    `### portfolio.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${await gitDescription()}`,
    '',
    `${propertyCount} properties in one account, each with an area and one plan of 30 years with ${actionsPerPlan} actions ` +
      `(${propertyCount * actionsPerPlan} in all, seeded in ${(seedMs / 1000).toFixed(1)} s); ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}. HTTPS over one keep-alive connection, one request at a time; cold = the plan ` +
      `snapshot caches emptied before the request, ${coldRounds} times; warm = ${rounds} interleaved rounds after ${warmUpRounds}.`,
    '',
    markdownTable(
      ['request', 'body', 'runs', 'p50 ms', 'p95 ms', 'max ms'],
      [
        row(`${routes.portfolio.label}, cold`, cold.portfolio),
        row(`${routes.portfolio.label}, warm`, warm.portfolio, bodyBytes.portfolio),
        row(`${routes.benchmark.label}, cold`, cold.benchmark),
        row(`${routes.benchmark.label}, warm`, warm.benchmark, bodyBytes.benchmark),
        row(routes.categories.label, warm.categories, bodyBytes.categories),
      ],
    ),
    '',
    markdownTable(
      ['memory of the process (server, caches and load generator)', 'before the first request', 'after the last'],
      [
        ['RSS', mebibytes(memoryBefore.rss), mebibytes(memoryAfter.rss)],
        ['JavaScript heap used', mebibytes(memoryBefore.heapUsed), mebibytes(memoryAfter.heapUsed)],
      ],
    ),
    '',
    `Plan caches at the end: ${Object.entries(cacheState)
      .map(([name, cache]) => `${name} ${cache.size} entries, ${mebibytes(cache.bytes)} of ${mebibytes(cache.maxBytes)}`)
      .join('; ')}.`,
    '',
    markdownTable(
      [`in process, ${propertyCount} plans, empty caches`, 'runs', 'p50 ms', 'max ms'],
      [
        inProcessRow('read the snapshots one after another (`for … await read`)', inProcess.sequential),
        inProcessRow(`read them in batches (\`readMany\`, ${plansPerSnapshot} plans a snapshot)`, inProcess.batched),
        inProcessRow('… of which the row versions of every plan (`listActionVersionsOfPlans`, one statement a batch)', inProcess.versions),
        inProcessRow('… of which every action’s input (`findActionCostInputsOfPlans`, one statement a batch)', inProcess.inputs),
        inProcessRow('`readMany` again, every plan in the cache', inProcess.batchedWarm),
        inProcessRow('the cost model: analysis and fund of each', inProcess.analyses),
      ],
    ),
  ];
  const missed = [
    summarise(cold.portfolio).p50 > budget.coldP50Ms ? `cold p50 ${ms(summarise(cold.portfolio).p50)} ms > ${budget.coldP50Ms} ms` : '',
    summarise(warm.portfolio).p95 > budget.warmP95Ms ? `warm p95 ${ms(summarise(warm.portfolio).p95)} ms > ${budget.warmP95Ms} ms` : '',
  ].filter(Boolean);
  lines.push(
    '',
    `Budget of the portfolio (cold p50 ≤ ${budget.coldP50Ms / 1000} s, warm p95 ≤ ${budget.warmP95Ms} ms): ${missed.length === 0 ? 'met' : `missed (${missed.join('; ')})`}.`,
  );
  console.log(lines.join('\n'));
  if (missed.length > 0) throw new Error(`the portfolio missed its budget: ${missed.join('; ')}`);
}

await runBench({ name: 'portfolio.bench.ts', timeLimitMs, main, stop: bench.stop, say });
