/**
 * What do access per property (decision 0041) and moving a property between accounts (decision
 * 0043) cost?
 *
 * Starts the real HTTPS server on its own TLS-only cluster (benchServer, var/bench-access, a fresh
 * database `kvarter_bench_access`). A manager signs up, makes a property with a plan of 5 000
 * actions (inserted in one statement, as an import does), and a second account of their own. Two
 * more people join the manager's account as viewers: one reaching every property, one limited to
 * this property. Then, in interleaved rounds on one keep-alive connection each, the same reads as
 * both viewers side by side: an action by id (the tenancy check is most of that request), the plan's
 * action list and its analysis (cached after the first round). Finally the property is moved to the
 * other account and back, `moveRounds` times, timing each `POST /api/properties/:id/move` (every row
 * of the property and the plan's history rewritten in one transaction). Stops the server and the
 * cluster on every way out.
 *
 *   npx tsx bench/access.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { categoryCodes } from '../shared/categories.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench, type BenchSession } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, runBench, summarise } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-access');
const databaseName = 'kvarter_bench_access';
const actionCount = 5_000;
const readRounds = 200;
const warmUpRounds = 10;
const moveRounds = 4;
const timeLimitMs = 10 * 60_000;

const say = (text: string) => process.stderr.write(`${text}\n`);
const bench = benchServer({ dataDir, databaseName, say });

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { db, target } = await bench.start();
  const session = (email: string, name: string) => signUpForBench(clientAgent(target), target, { email, name, accountName: `Brf ${name}` });
  const manager = await session('manager@example.se', 'Förvaltare');
  const organisationId = await manager.createdId(`/api/accounts/${manager.accountId}/organisations`, { name: 'Brf Bench' });
  const propertyId = await manager.createdId(`/api/organisations/${organisationId}/properties`, { name: 'Bench 1', boa: 2400 });
  const planId = await manager.createdId(`/api/properties/${propertyId}/plans`, { name: 'Underhållsplan', startYear: 2026 });
  await sql`
    insert into actions (account_id, property_id, plan_id, name, category, quantity, unit, unit_price, year, interval_years, status, tags, note)
    select ${manager.accountId}::uuid, ${propertyId}::uuid, ${planId}::uuid, 'Åtgärd ' || i, (${[...categoryCodes]}::text[])[1 + i % 16],
           1 + i % 500, 'm2', ((i * 7919) % 1000000) / 100.0, 2026 + (i * 13) % 30,
           case when i % 4 = 0 then null else 5 + i % 36 end, 'planned', array['P-' || i % 50], ''
    from generate_series(1, ${actionCount}) as i`.execute(db);
  const { id: actionId } = await db.selectFrom('actions').select('id').where('plan_id', '=', planId).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const otherAccount = await manager.send('POST', '/api/accounts', { name: 'Brf Kund' });
  const otherAccountId = (JSON.parse(otherAccount.body) as { id: string }).id;
  const otherOrganisationId = await manager.createdId(`/api/accounts/${otherAccountId}/organisations`, { name: 'Brf Kund' });

  const viewers = { 'every property': await session('alla@example.se', 'Alla'), 'limited to it': await session('en@example.se', 'En') };
  for (const [label, viewer] of Object.entries(viewers)) {
    const email = label === 'every property' ? 'alla@example.se' : 'en@example.se';
    const propertyIds = label === 'every property' ? undefined : [propertyId];
    const invited = await manager.send('POST', `/api/accounts/${manager.accountId}/members`, { email, role: 'viewer', propertyIds });
    if (invited.status !== 201) throw new Error(`invite → ${invited.status} ${invited.body}`);
    const invitationId = (JSON.parse(invited.body) as { invitation: { id: string } }).invitation.id;
    const accepted = await viewer.send('POST', `/api/auth/invitations/${invitationId}/accept`);
    if (accepted.status !== 200) throw new Error(`accept → ${accepted.status} ${accepted.body}`);
  }

  const reads = [
    { label: '`GET /api/actions/:id`', path: `/api/actions/${actionId}` },
    { label: `\`GET /api/plans/:id/actions\` (${actionCount} actions)`, path: `/api/plans/${planId}/actions` },
    { label: '`GET /api/plans/:id/analysis`', path: `/api/plans/${planId}/analysis` },
  ];
  const samples = new Map<string, number[]>();
  const timeRead = async (viewer: BenchSession, readPath: string) => {
    const before = performance.now();
    const response = await viewer.send('GET', readPath);
    const elapsed = performance.now() - before;
    if (response.status !== 200) throw new Error(`${readPath} → ${response.status} ${response.body.slice(0, 200)}`);
    return elapsed;
  };
  say(`${readRounds} rounds of ${reads.length} reads as each viewer, side by side…`);
  for (let round = 0; round < readRounds + warmUpRounds; round += 1) {
    // Alternate which viewer goes first, so neither always meets the other's warm caches.
    const order = round % 2 === 0 ? Object.entries(viewers) : Object.entries(viewers).reverse();
    for (const read of reads) {
      for (const [label, viewer] of order) {
        const elapsed = await timeRead(viewer, read.path);
        if (round >= warmUpRounds) samples.set(`${read.label} ${label}`, [...(samples.get(`${read.label} ${label}`) ?? []), elapsed]);
      }
    }
  }

  say(`Moving the property between the two accounts ${moveRounds} times…`);
  const moveSamples: number[] = [];
  for (let round = 0; round < moveRounds; round += 1) {
    const to = round % 2 === 0 ? otherOrganisationId : organisationId;
    const before = performance.now();
    const moved = await manager.send('POST', `/api/properties/${propertyId}/move`, { organisationId: to });
    moveSamples.push(performance.now() - before);
    if (moved.status !== 200) throw new Error(`move → ${moved.status} ${moved.body.slice(0, 200)}`);
  }
  const { count: historyRows } = await db
    .selectFrom('plan_changes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();

  const lines = [
    `### access.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${await gitDescription()}`,
    '',
    `${actionCount} actions in one plan; ${readRounds} interleaved rounds after ${warmUpRounds} to warm up; ${cpus().length} CPUs ` +
      `(${cpus()[0]?.model ?? '?'}), load average before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ` +
      `${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}. One keep-alive HTTPS connection per viewer.`,
    '',
    markdownTable(
      ['request', 'viewer of every property, p50 ms', 'viewer limited to it, p50 ms', 'limited / every', 'p95 every / limited, ms'],
      reads.map((read) => {
        const every = summarise(samples.get(`${read.label} every property`)!);
        const limited = summarise(samples.get(`${read.label} limited to it`)!);
        return [read.label, ms(every.p50), ms(limited.p50), `${(limited.p50 / every.p50).toFixed(2)}×`, `${ms(every.p95)} / ${ms(limited.p95)}`];
      }),
    ),
    '',
    `Moving the property (${actionCount} actions, ${historyRows} history entries) to the other account and back:`,
    '',
    markdownTable(
      ['request', 'runs', 'median ms', 'max ms'],
      [['`POST /api/properties/:id/move`', String(moveSamples.length), ms(summarise(moveSamples).p50), ms(summarise(moveSamples).max)]],
    ),
  ];
  console.log(lines.join('\n'));
}

await runBench({ name: 'access.bench.ts', timeLimitMs, main, stop: bench.stop, say });
