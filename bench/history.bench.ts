/**
 * What does recording the plan history (decision 0032) cost the writes it records, and how fast
 * is the history read?
 *
 * Starts the real HTTPS server on its own TLS-only cluster (benchServer, var/bench-history, a fresh
 * database `kvarter_bench_history`), signs up one user and makes a plan through the API. Then, in
 * `rounds` interleaved rounds, times three statements on 10 000 actions of that plan, each once
 * with the history triggers enabled and once with them disabled (`alter table … disable trigger`),
 * side by side on the same data: INSERT of 10 000 actions in one statement (an import's insert),
 * UPDATE of all of them (a bulk change: `year = year + 1`), DELETE of all of them. Each statement
 * runs in its own transaction with the person set (`recordChangesBy`), as the services run them.
 * Finally, with about 100 000 history entries in the plan, the first page and a later page of
 * `GET /api/plans/:id/history` and one action's `GET /api/actions/:id/history` over HTTPS.
 * Stops the server and the cluster on every way out.
 *
 *   npx tsx bench/history.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { categoryCodes } from '../shared/categories.ts';
import type { Db } from '../server/db/database.ts';
import { recordChangesBy } from '../server/plan-history/record-changes.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, runBench, summarise } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-history');
const databaseName = 'kvarter_bench_history';
const actionCount = 10_000;
const rounds = 5;
const readRounds = 50;
const timeLimitMs = 10 * 60_000;
const triggers = ['actions_insert_records_change', 'actions_update_records_change', 'actions_delete_records_change'] as const;

const say = (text: string) => process.stderr.write(`${text}\n`);
const bench = benchServer({ dataDir, databaseName, say });

type Statement = 'insert' | 'update' | 'delete';

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { db, target } = await bench.start();
  const agent = clientAgent(target);
  const { accountId, send, createdId } = await signUpForBench(agent, target, { email: 'bench@example.se', name: 'Bench', accountName: 'Brf Bench' });
  const organisationId = await createdId(`/api/accounts/${accountId}/organisations`, { name: 'Brf Bench' });
  const propertyId = await createdId(`/api/organisations/${organisationId}/properties`, { name: 'Bench 1' });
  const planId = await createdId(`/api/properties/${propertyId}/plans`, { name: 'Underhållsplan', startYear: 2026 });
  const { id: userId } = await db.selectFrom('users').select('id').where('email', '=', 'bench@example.se').executeTakeFirstOrThrow();
  const actor = { userId, sessionId: 'bench', ip: '127.0.0.1' };

  const statements: Record<Statement, (db: Db) => Promise<unknown>> = {
    insert: (transaction) =>
      sql`
      insert into actions (account_id, property_id, plan_id, name, category, quantity, unit, unit_price, year, interval_years, status, tags, note)
      select ${accountId}::uuid, ${propertyId}::uuid, ${planId}::uuid, 'Åtgärd ' || i, (${[...categoryCodes]}::text[])[1 + i % 16],
             1 + i % 500, 'm2', ((i * 7919) % 1000000) / 100.0, 2026 + (i * 13) % 30,
             case when i % 4 = 0 then null else 5 + i % 36 end, 'planned', array['P-' || i % 50], ''
      from generate_series(1, ${actionCount}) as i
    `.execute(transaction),
    update: (transaction) => sql`update actions set year = year + 1 where plan_id = ${planId}`.execute(transaction),
    delete: (transaction) => sql`delete from actions where plan_id = ${planId}`.execute(transaction),
  };
  const setTriggers = (enabled: boolean) =>
    sql.raw(`alter table actions ${triggers.map((name) => `${enabled ? 'enable' : 'disable'} trigger ${name}`).join(', ')}`).execute(db);
  const timeStatement = async (statement: Statement) => {
    const before = performance.now();
    await db.transaction().execute(async (transaction) => {
      await recordChangesBy(transaction, actor);
      await statements[statement](transaction);
    });
    return performance.now() - before;
  };

  const samples = {
    on: { insert: [] as number[], update: [] as number[], delete: [] as number[] },
    off: { insert: [] as number[], update: [] as number[], delete: [] as number[] },
  };
  say(`${rounds} rounds of insert, update and delete of ${actionCount} actions, history on and off in turn…`);
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which comes first, so neither always meets the other's leftovers (autovacuum, cache).
    for (const mode of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      await setTriggers(mode === 'on');
      for (const statement of ['insert', 'update', 'delete'] as const) samples[mode][statement].push(await timeStatement(statement));
    }
  }
  await setTriggers(true);

  say('Reading the history over HTTPS…');
  await timeStatement('insert');
  await timeStatement('update');
  const [{ id: actionId }] = (await sql<{ id: string }>`select id from actions where plan_id = ${planId} order by name limit 1`.execute(db)).rows as [
    { id: string },
  ];
  const firstPage = await send('GET', `/api/plans/${planId}/history?limit=50`);
  if (firstPage.status !== 200) throw new Error(`history → ${firstPage.status} ${firstPage.body}`);
  let cursor = (JSON.parse(firstPage.body) as { next: string }).next;
  for (let page = 0; page < 100; page += 1)
    cursor = (JSON.parse((await send('GET', `/api/plans/${planId}/history?limit=50&before=${cursor}`)).body) as { next: string }).next;
  const reads = [
    { label: '`GET /api/plans/:id/history?limit=50` (first page)', path: `/api/plans/${planId}/history?limit=50` },
    { label: '`GET /api/plans/:id/history?limit=50&before=…` (page 102)', path: `/api/plans/${planId}/history?limit=50&before=${cursor}` },
    {
      label: '`GET /api/plans/:id/history?limit=50&field=unitPrice` (a field no entry since the inserts changed)',
      path: `/api/plans/${planId}/history?limit=50&field=unitPrice`,
    },
    { label: '`GET /api/actions/:id/history`', path: `/api/actions/${actionId}/history` },
  ];
  const { count: entryCount } = await db
    .selectFrom('plan_changes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  const readSamples = reads.map(() => [] as number[]);
  for (let round = 0; round < readRounds + 5; round += 1) {
    for (const [index, read] of reads.entries()) {
      const before = performance.now();
      const response = await send('GET', read.path);
      const elapsed = performance.now() - before;
      if (response.status !== 200) throw new Error(`${read.path} → ${response.status}`);
      if (round >= 5) readSamples[index]!.push(elapsed);
    }
  }

  const median = (values: number[]) => summarise(values).p50;
  const lines = [
    `### history.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${await gitDescription()}`,
    '',
    `${actionCount} actions in one plan; ${rounds} interleaved rounds; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average before ` +
      `${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}. Each statement in its own transaction (commit included), median of the rounds.`,
    '',
    markdownTable(
      ['statement on 10 000 actions', 'history off, ms', 'history on, ms', 'on / off'],
      (['insert', 'update', 'delete'] as const).map((statement) => [
        statement,
        ms(median(samples.off[statement])),
        ms(median(samples.on[statement])),
        `${(median(samples.on[statement]) / median(samples.off[statement])).toFixed(2)}×`,
      ]),
    ),
    '',
    `Reads with ${entryCount} history entries in the plan, ${readRounds} rounds, one keep-alive HTTPS connection:`,
    '',
    markdownTable(
      ['request', 'p50 ms', 'p95 ms', 'max ms'],
      reads.map((read, index) => {
        const summary = summarise(readSamples[index]!);
        return [read.label, ms(summary.p50), ms(summary.p95), ms(summary.max)];
      }),
    ),
  ];
  console.log(lines.join('\n'));
}

await runBench({ name: 'history.bench.ts', timeLimitMs, main, stop: bench.stop, say });
