/**
 * Do a plan's lists stay fast at 10 000 actions (docs/product/performance-targets.md § Plan lists at 10 000 actions)?
 *
 * Starts its own TLS-only cluster (ensureLocalCluster, var/bench-actions), a fresh database
 * `kvarter_bench_actions` in it (dropped again at the end) and the real HTTPS server in this
 * process (startServer: migrations, sessions, CSRF, the full request path). Signs up one user,
 * makes an organisation, a property, a building, a location and a plan (the settings of
 * docs/product/cost-model.md § Worked example: 2026–2055, client cost 10 %, indexation 2 %) through the API, then bulk-inserts 10 000
 * actions into the plan with one SQL statement: a mix of one-off and recurring actions (5–40
 * years), every category and status, some overdue, some investments, tags and notes.
 *
 * After a warm-up it times, one request at a time over one keep-alive HTTPS connection, rounds of:
 * `GET /api/categories` (the trivial JSON route: the same session handling, then a constant list of 16),
 * `GET /api/plans/:id/actions` and `GET /api/plans/:id/occurrences`, three times over: **warm**
 * (the plan unchanged, so the lists come from the plan revision cache, decision 0014), **cold** (a
 * PATCH of one action, not timed, before every read of a list, so every read misses the plan's
 * cache and reads the row versions and the changed action, decision 0015) and **empty** (the
 * PATCH, then both caches emptied: every read reads every row, as the first after a start). It reports p50/p95/p99/max and the ratio to the trivial route, and where
 * the time of the two lists goes (SQL, cost model, response allowlist and JSON; for comparison,
 * the steps of the previous paths). Bounded by a time limit; stops the server and the cluster (if
 * it started it) on every way out, Ctrl-C included.
 *
 *   npx tsx bench/actions.bench.ts
 */
import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'kysely';
import { categoryCodes } from '../shared/categories.ts';
import { planOccurrences } from '../shared/cost-model/index.ts';
import { occurrencesResponseSchema } from '../shared/schemas/action.ts';
import { type Db } from '../server/db/database.ts';
import { occurrencesResponseOf } from '../server/features/actions/occurrences-response.ts';
import type { AccountId } from '../server/db/account-id.ts';
import type { PlanCaches } from '../server/plan-snapshot/plan-caches.ts';
import { findActionsJson, listActionVersions } from '../server/plan-snapshot/plan-snapshot.queries.ts';
import { PlanSnapshots } from '../server/plan-snapshot/plan-snapshots.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, runBench, summarise } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-actions');
const databaseName = 'kvarter_bench_actions';
const actionCount = 10_000;
const warmUpRounds = 5;
const rounds = 50;
/** Every cold round reads each list from the database (0.1–0.5 s each on this machine). */
const coldRounds = 30;
/** Cluster creation (first run) included; the measurements themselves take about two minutes. */
const timeLimitMs = 6 * 60_000;

/** docs/product/performance-targets.md § Plan lists at 10 000 actions: the actions list answers within 100 ms (p50). */
const targetP50Ms = 100;

const say = (text: string) => process.stderr.write(`${text}\n`);
const cacheLabels = { warm: 'warm (hit)', cold: 'cold (one action changed)', empty: 'empty (nothing cached)' } as const;
const verdict = (p50: number) => `${p50 <= targetP50Ms ? 'met' : 'missed'} (${ms(p50)} ms)`;

const bench = benchServer({ dataDir, databaseName, say });
const stopEverything = bench.stop;

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { db, planCaches, target } = await bench.start();
  const agent = clientAgent(target);

  say('Signing up and making a plan…');
  const { accountId, send, createdId } = await signUpForBench(agent, target, { email: 'bench@example.se', name: 'Bench', accountName: 'Brf Bench' });
  const organisationId = await createdId(`/api/accounts/${accountId}/organisations`, { name: 'Brf Bench' });
  const propertyId = await createdId(`/api/organisations/${organisationId}/properties`, { name: 'Bench 1', boa: 5400, loa: 600 });
  const buildingId = await createdId(`/api/properties/${propertyId}/buildings`, { name: 'Hus A' });
  const locationId = await createdId(`/api/properties/${propertyId}/locations`, { name: 'Tvättstuga' });
  const planId = await createdId(`/api/properties/${propertyId}/plans`, {
    name: 'Underhållsplan 2026–2055',
    startYear: 2026,
    clientCostPercent: 10,
    indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
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
  const insertStartedAt = performance.now();
  await sql`
    insert into actions (account_id, property_id, plan_id, building_id, location_id, name, category, quantity, unit,
                         unit_price, year, interval_years, status, base_year, is_investment, tags, note)
    select ${accountId}::uuid, ${propertyId}::uuid, ${planId}::uuid,
           case when i % 3 = 0 then ${buildingId}::uuid end,
           case when i % 5 = 0 then ${locationId}::uuid end,
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
    from generate_series(1, ${actionCount - 1}) as i
  `.execute(db);
  await sql`analyze actions`.execute(db);
  const insertMs = performance.now() - insertStartedAt;

  const routes = [
    { label: '`GET /api/categories` (trivial JSON)', path: '/api/categories' },
    { label: '`GET /api/plans/:id/actions`', path: `/api/plans/${planId}/actions` },
    { label: '`GET /api/plans/:id/occurrences`', path: `/api/plans/${planId}/occurrences` },
    { label: '`GET /api/plans/:id/occurrences?vat=incl`', path: `/api/plans/${planId}/occurrences?vat=incl` },
    // As browsers ask (decision 0016): both compressed once per revision (and query) and kept.
    { label: '`GET /api/plans/:id/actions`, `Accept-Encoding: br`', path: `/api/plans/${planId}/actions`, headers: { 'accept-encoding': 'br' } },
    { label: '`GET /api/plans/:id/occurrences`, `Accept-Encoding: br`', path: `/api/plans/${planId}/occurrences`, headers: { 'accept-encoding': 'br' } },
  ] satisfies Array<{ label: string; path: string; headers?: Record<string, string> }>;
  const sizes = routes.map(() => ({ bytes: 0, items: 0 }));
  let patchCount = 0;
  /** A new quantity for the API's action: the plan's revision moves, so the next read of every list misses. */
  const changePlan = async () => {
    patchCount += 1;
    const response = await send('PATCH', `/api/actions/${patchedActionId}`, { quantity: 40 + patchCount });
    if (response.status !== 200) throw new Error(`PATCH → ${response.status} ${response.body}`);
  };
  /**
   * warm: the plan unchanged (plan revision cache hits); cold: one action PATCHed before every
   * list read (a miss that reads again only that action, decision 0015); empty: the same PATCH,
   * then both caches emptied (the first read of a plan after the server started).
   */
  const measure = async (mode: 'warm' | 'cold' | 'empty', timedRounds: number) => {
    const samples = routes.map(() => [] as number[]);
    const cpuMs = routes.map(() => ({ node: 0, postgres: 0 }));
    const previousBodies = routes.map(() => '');
    for (let round = 0; round < warmUpRounds + timedRounds; round += 1) {
      for (const [index, route] of routes.entries()) {
        if (mode !== 'warm' && index > 0) await changePlan();
        if (mode === 'empty') {
          planCaches.plans.clear();
          planCaches.rows.clear();
        }
        const postgresBefore = await postgresCpuMs();
        const nodeBefore = process.cpuUsage();
        const before = performance.now();
        const response = await send('GET', route.path, undefined, 'headers' in route ? route.headers : {});
        const elapsed = performance.now() - before;
        const nodeUsed = process.cpuUsage(nodeBefore);
        const postgresUsed = (await postgresCpuMs()) - postgresBefore;
        if (response.status !== 200) throw new Error(`GET ${route.path} → ${response.status} ${response.body.slice(0, 300)}`);
        // A cold read must differ from the one before (the PATCH changed a quantity and a cost): proof that it did not come from the cache.
        if (mode !== 'warm' && index > 0 && response.body === previousBodies[index]) throw new Error(`a cold read of ${route.path} did not show the PATCH`);
        previousBodies[index] = response.body;
        if (round >= warmUpRounds) {
          samples[index]!.push(elapsed);
          cpuMs[index]!.node += (nodeUsed.user + nodeUsed.system) / 1000;
          cpuMs[index]!.postgres += postgresUsed;
        }
        if (round === 0 && mode === 'warm') {
          const text = response.headers['content-encoding'] === 'br' ? brotliDecompressSync(response.bytes).toString('utf8') : response.body;
          sizes[index] = { bytes: response.bytes.byteLength, items: (JSON.parse(text) as unknown[]).length };
        }
      }
    }
    return { mode, summaries: samples.map(summarise), cpuMs, timedRounds };
  };
  say(`Warm: ${warmUpRounds} warm-up rounds, then ${rounds} timed rounds…`);
  const warm = await measure('warm', rounds);
  say(`Cold (a PATCH before every list read): ${warmUpRounds} warm-up rounds, then ${coldRounds} timed rounds…`);
  const cold = await measure('cold', coldRounds);
  say(`Empty (the PATCH, then both caches emptied): ${warmUpRounds} warm-up rounds, then ${coldRounds} timed rounds…`);
  const empty = await measure('empty', coldRounds);
  if (sizes[1]!.items !== actionCount) throw new Error(`the list has ${sizes[1]!.items} actions, not ${actionCount}`);

  say('Where the time goes (in this process, 20 times each)…');
  const breakdown = await measureBreakdown(db, planCaches, accountId, planId);

  const commit = await gitDescription();
  const lines = [
    `## actions.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}`,
    '',
    `${actionCount} actions in one plan (2026–2055), ${sizes[2]!.items} occurrences in the window; ` +
      `bulk insert ${ms(insertMs)} ms. ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, ` +
      `after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}; HTTPS over one keep-alive connection, one request at a time; ` +
      `warm: ${rounds} rounds; cold: ${coldRounds} rounds with a PATCH of one action before every list read; empty: ${coldRounds} rounds with the PATCH and both caches (plan revisions and row versions) emptied before every list read, as after a restart; each after ${warmUpRounds} warm-up rounds. ` +
      'The trivial route is timed in the same rounds (p50 / trivial p50 compares with it).',
    '',
    markdownTable(
      ['request', 'cache', 'items', 'body', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p50 / trivial p50', 'CPU ms / request: Node + PostgreSQL'],
      [warm, cold, empty].flatMap((run) =>
        routes.map((route, index) => {
          const summary = run.summaries[index]!;
          const cpu = run.cpuMs[index]!;
          return [
            route.label,
            index === 0 ? `(${run.mode} rounds)` : cacheLabels[run.mode],
            String(sizes[index]!.items),
            `${(sizes[index]!.bytes / 1024).toFixed(0)} KiB`,
            ms(summary.p50),
            ms(summary.p95),
            ms(summary.p99),
            ms(summary.max),
            `${(summary.p50 / run.summaries[0]!.p50).toFixed(1)}×`,
            `${ms(cpu.node / run.timedRounds)} + ${ms(cpu.postgres / run.timedRounds)}`,
          ];
        }),
      ),
    ),
    '',
    `Target p50 ≤ ${targetP50Ms} ms for the list: warm ${verdict(warm.summaries[1]!.p50)}, cold ${verdict(cold.summaries[1]!.p50)}, empty ${verdict(empty.summaries[1]!.p50)}.`,
    '',
    'CPU: the mean over the timed rounds of this process (server and client) and of the database backends (/proc, 10 ms ticks); it hardly moves with the load of other programs, unlike the times.',
    '',
    'Median of 20 in-process runs of each step:',
    '',
    markdownTable(
      ['step', 'ms'],
      breakdown.map(({ step, milliseconds }) => [step, ms(milliseconds)]),
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Median time of each step of the two lists, outside HTTP: SQL, cost model, response allowlist, JSON. */
async function measureBreakdown(database: Db, planCaches: PlanCaches, accountId: AccountId, planId: string): Promise<{ step: string; milliseconds: number }[]> {
  const timeOf = async (work: () => unknown): Promise<number> => {
    const runs: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const before = performance.now();
      await work();
      runs.push(performance.now() - before);
    }
    return summarise(runs).p50;
  };
  // What the list cost before PostgreSQL wrote its JSON: every column decoded by node-pg, then stringified.
  const decodedRows = () =>
    sql`select * from actions where account_id = ${accountId} and plan_id = ${planId} order by year, array_position(${[...categoryCodes]}::text[], category), name, id`.execute(
      database,
    );
  const rows = (await decodedRows()).rows;
  // The server's caches, read through a module of the benchmark's own on its own pool.
  const snapshots = new PlanSnapshots(database, planCaches);
  const readCostInputs = () => snapshots.read(accountId, planId, { costInputs: 'list' });
  const { planInput, costInputs: inputs } = (await readCostInputs())!;
  const occurrences = planOccurrences(planInput, inputs, { vat: 'excl', includeInvestments: true });
  const allowed = occurrencesResponseOf(occurrences);
  const listRead = () => snapshots.actionsListJson(accountId, planId);
  await listRead();
  return [
    { step: 'actions: cache hit (actionsListJson: the revision query, then the cached bytes)', milliseconds: await timeOf(listRead) },
    {
      step: 'actions: plan cache miss, every row cached (actionsListJson: revision, then revision and row versions in one snapshot, joined to bytes)',
      milliseconds: await timeOf(() => {
        planCaches.plans.clear();
        return listRead();
      }),
    },
    {
      step: "actions: nothing cached (both caches emptied: revision, then revision, row versions and every row's JSON)",
      milliseconds: await timeOf(() => {
        planCaches.plans.clear();
        planCaches.rows.clear();
        return listRead();
      }),
    },
    {
      step: "actions: SQL, row versions in the list's order (listActionVersions: one text)",
      milliseconds: await timeOf(() => listActionVersions(database, accountId, planId, 'list')),
    },
    {
      step: "actions: SQL, every row's JSON (findActionsJson of the plan: PostgreSQL writes it, one text a row)",
      milliseconds: await timeOf(() => findActionsJson(database, accountId, { planId })),
    },
    { step: 'actions, for comparison: every column decoded by node-pg', milliseconds: await timeOf(decodedRows) },
    { step: 'actions, for comparison: JSON.stringify of those rows', milliseconds: await timeOf(() => JSON.stringify(rows)) },
    {
      step: 'occurrences: database read, nothing cached (PlanSnapshots.read after emptying both caches: plan with area, row versions, every input)',
      milliseconds: await timeOf(() => {
        planCaches.plans.clear();
        planCaches.rows.clear();
        return readCostInputs();
      }),
    },
    {
      step: 'occurrences: cost model (planOccurrences)',
      milliseconds: await timeOf(() => planOccurrences(planInput, inputs, { vat: 'excl', includeInvestments: true })),
    },
    { step: 'occurrences: response allowlist (occurrencesResponseOf, rounding)', milliseconds: await timeOf(() => occurrencesResponseOf(occurrences)) },
    {
      step: 'occurrences, for comparison: response schema (zod parse, no longer on the route)',
      milliseconds: await timeOf(() => occurrencesResponseSchema.parse(occurrences)),
    },
    { step: 'occurrences: JSON.stringify', milliseconds: await timeOf(() => JSON.stringify(allowed)) },
  ];
}

/**
 * CPU time (user + system, ms) used so far by the backends of the bench database, read from /proc
 * (Linux): the server's pool connections show as `postgres: kvarter kvarter_bench_actions …`.
 */
async function postgresCpuMs(): Promise<number> {
  const ticksPerMs = 100 / 1000;
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (!commandLine.startsWith(`postgres: kvarter ${databaseName} `)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

await runBench({ name: 'actions.bench.ts', timeLimitMs, main, stop: stopEverything, say });
