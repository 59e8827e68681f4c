/**
 * Does a version diff of a big plan answer within its budget (bench/README.md § Plan versions)?
 *
 * Starts its own TLS-only cluster (ensureLocalCluster, var/bench-versions), a fresh database
 * `kvarter_bench_versions` in it (dropped again at the end) and the real HTTPS server in this
 * process (startServer: migrations, sessions, CSRF, the full request path). Signs up one user,
 * makes a property with four buildings and a plan of 50 years (2026–2075, client cost 10 %,
 * indexation 2 %, a fund) through the API, bulk-inserts 5 000 actions with one SQL statement,
 * saves a version through the API, then changes the plan: 500 actions get a new price and year,
 * 100 are deleted and 100 added.
 *
 * Latency: after a warm-up, one request at a time over one keep-alive HTTPS connection,
 * `GET /api/plans/:id/versions/:versionId/diff?against=current` (the case the budget is for) and
 * `?against=<the other version>`, interleaved with `GET /api/categories` (the trivial JSON route);
 * p50/p95/p99/max. Then in process, where the time goes: reading the plan's data and the
 * version's, and the pure diff (fields, both analyses and both fund analyses).
 *
 *   npx tsx bench/versions.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { categoryCodes } from '../shared/categories.ts';
import { versionDiffResponseSchema } from '../shared/schemas/version.ts';
import type { Db } from '../server/db/database.ts';
import { diffPlanData, figuresOf, type SideOfDiff } from '../server/features/versions/version-diff.ts';
import { findPlanData, findVersionData } from '../server/features/versions/versions.queries.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, runBench, summarise } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-versions');
const databaseName = 'kvarter_bench_versions';
const actionCount = 5_000;
const warmUpRounds = 5;
const rounds = 60;
const inProcessRuns = 20;
const timeLimitMs = 6 * 60_000;
/** The budget of bench/README.md § Plan versions: p50 of the diff against the plan today, measured at the client. */
const budgetP50Ms = 1500;

const say = (text: string) => process.stderr.write(`${text}\n`);
const bench = benchServer({ dataDir, databaseName, say });

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { db, target } = await bench.start();
  const agent = clientAgent(target);

  say('Signing up and making a plan…');
  const { accountId, send, createdId } = await signUpForBench(agent, target, { email: 'bench@example.se', name: 'Bench', accountName: 'Brf Bench' });
  const organisationId = await createdId(`/api/accounts/${accountId}/organisations`, { name: 'Brf Bench' });
  const propertyId = await createdId(`/api/organisations/${organisationId}/properties`, { name: 'Bench 1', boa: 5400, loa: 600 });
  const buildingIds: string[] = [];
  for (const name of ['Hus A', 'Hus B', 'Hus C', 'Garage']) buildingIds.push(await createdId(`/api/properties/${propertyId}/buildings`, { name }));
  const planId = await createdId(`/api/properties/${propertyId}/plans`, {
    name: 'Underhållsplan 2026–2075',
    startYear: 2026,
    lengthYears: 50,
    clientCostPercent: 10,
    indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
    fund: { openingBalance: 2_000_000, currentProvisionPerYear: 1_500_000, provisionGrowthPercent: 2, interestRatePercent: 1.5, minimumBalance: 500_000 },
  });
  say(`Inserting ${actionCount} actions with SQL…`);
  await insertActions(db, accountId, propertyId, planId, buildingIds, 1, actionCount);
  const versionId = await createdId(`/api/plans/${planId}/versions`, { name: 'Antagen vid stämman 2027' });

  say('Changing the plan: 500 actions changed, 100 deleted, 100 added…');
  await sql`update actions set unit_price = unit_price + 100, year = year + 1
    where id in (select id from actions where plan_id = ${planId}::uuid order by id limit 500)`.execute(db);
  await sql`delete from actions where id in (select id from actions where plan_id = ${planId}::uuid order by id desc limit 100)`.execute(db);
  await insertActions(db, accountId, propertyId, planId, buildingIds, actionCount + 1, actionCount + 100);
  await sql`analyze actions`.execute(db);
  const laterVersionId = await createdId(`/api/plans/${planId}/versions`, { name: 'Efter ändringarna' });

  const routes = [
    { label: '`GET /api/categories` (trivial JSON)', path: '/api/categories' },
    { label: '`GET …/versions/:versionId/diff?against=current`', path: `/api/plans/${planId}/versions/${versionId}/diff?against=current` },
    { label: '`GET …/versions/:versionId/diff?against=<version>`', path: `/api/plans/${planId}/versions/${versionId}/diff?against=${laterVersionId}` },
  ];
  const samples = routes.map(() => [] as number[]);
  const bodyBytes = routes.map(() => 0);
  say(`Latency: ${warmUpRounds} warm-up rounds, then ${rounds} timed rounds…`);
  for (let round = 0; round < warmUpRounds + rounds; round += 1) {
    for (const [index, route] of routes.entries()) {
      const before = performance.now();
      const response = await send('GET', route.path);
      const elapsed = performance.now() - before;
      if (response.status !== 200) throw new Error(`GET ${route.path} → ${response.status} ${response.body.slice(0, 300)}`);
      if (round >= warmUpRounds) samples[index]!.push(elapsed);
      bodyBytes[index] = Buffer.byteLength(response.body);
      if (index > 0 && round === 0) checkDiff(response.body);
    }
  }
  const summaries = samples.map(summarise);

  say(`Where the time goes (in this process, ${inProcessRuns} times each)…`);
  const account = accountId;
  const timed = async (run: () => Promise<unknown> | unknown) => {
    const runs: number[] = [];
    for (let attempt = 0; attempt < inProcessRuns; attempt += 1) {
      const before = performance.now();
      await run();
      runs.push(performance.now() - before);
    }
    return summarise(runs).p50;
  };
  const today = (await findPlanData(db, account, planId))!;
  const version = (await findVersionData(db, account, planId, versionId))!;
  const sides = [version, today].map((data) => ({ data, figures: figuresOf(data, 'excl', 2026) })) as [SideOfDiff, SideOfDiff];
  const diff = diffPlanData(...sides);
  const steps = [
    ['read the plan today (settings and 5 000 actions as JSON)', await timed(() => findPlanData(db, account, planId))],
    ['read the version', await timed(() => findVersionData(db, account, planId, versionId))],
    ['one side’s analysis and fund analysis (the plan today’s is cached per revision)', await timed(() => figuresOf(today, 'excl', 2026))],
    ['the actions compared field by field, and the years', await timed(() => diffPlanData(...sides))],
    ['response schema (rounding) and JSON', await timed(() => JSON.stringify(versionDiffResponseSchema.parse(diff)))],
  ] as const;

  const p50 = summaries[1]!.p50;
  const commit = await gitDescription();
  const lines = [
    `#### versions.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}`,
    '',
    `${actionCount} actions in a plan of 50 years; the version differs from today in ${diff.actions.changed.length} changed, ` +
      `${diff.actions.removed.length} removed and ${diff.actions.added.length} added actions. ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}. HTTPS over one keep-alive connection, one request at a time, ` +
      `interleaved rounds after ${warmUpRounds} warm-up rounds, ${rounds} timed rounds.`,
    '',
    markdownTable(
      ['request', 'body', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      routes.map((route, index) => {
        const summary = summaries[index]!;
        return [route.label, `${Math.round(bodyBytes[index]! / 1024)} KiB`, ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.max)];
      }),
    ),
    '',
    markdownTable(
      ['in process', 'p50 ms'],
      steps.map(([label, value]) => [label, ms(value)]),
    ),
    '',
    `Budget (p50 of the diff against today ≤ ${budgetP50Ms} ms): ${p50 <= budgetP50Ms ? 'met' : 'missed'} (${ms(p50)} ms).`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (p50 > budgetP50Ms) throw new Error(`the diff against today took ${ms(p50)} ms at p50, over its budget of ${budgetP50Ms} ms`);
}

/** The same generated actions as analysis.bench.ts: every category and status, recurring and one-off, most in a building. */
async function insertActions(db: Db, accountId: string, propertyId: string, planId: string, buildingIds: string[], first: number, last: number): Promise<void> {
  await sql`
    insert into actions (account_id, property_id, plan_id, building_id, name, category, quantity, unit,
                         unit_price, year, interval_years, status, base_year, is_investment, tags, note)
    select ${accountId}::uuid, ${propertyId}::uuid, ${planId}::uuid, (${buildingIds}::uuid[])[1 + i % 5], 'Åtgärd ' || i,
           (${[...categoryCodes]}::text[])[1 + i % 16], 1 + i % 200, (array['st', 'm', 'm2', 'm3', 'kg', 'tim'])[1 + i % 6],
           ((i * 7919) % 500000) / 100.0, 2018 + (i * 13) % 60, case when i % 5 = 0 then null else 1 + (i * 31) % 50 end,
           case when i % 29 = 0 then 'done' when i % 23 = 0 then 'deferred' when i % 17 = 0 then 'urgent'
                when i % 10 = 0 then 'draft' else 'planned' end,
           case when i % 7 = 0 then 2020 end, i % 20 = 0, array['P-' || i % 50], ''
    from generate_series(${first}::int, ${last}::int) as i
  `.execute(db);
}

/** The diff must show the changes made, or the timing measures nothing. */
function checkDiff(body: string): void {
  const diff = JSON.parse(body) as { actions: { added: unknown[]; removed: unknown[]; changed: unknown[] } };
  const counts = [diff.actions.added.length, diff.actions.removed.length, diff.actions.changed.length].sort((a, b) => a - b);
  if (counts.join() !== '100,100,500') throw new Error(`unexpected diff: ${counts.join()} actions`);
}

await runBench({ name: 'versions.bench.ts', timeLimitMs, main, stop: bench.stop, say });
