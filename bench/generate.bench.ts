/**
 * How long does generating a plan from the checklist take, and how soon does the plan page show
 * what it made (bench/README.md § Generate)?
 *
 * Starts its own TLS-only cluster (ensureLocalCluster, var/bench-generate), a fresh database
 * `kvarter_bench_generate` in it (dropped again at the end) and the real HTTPS server in this
 * process (startServer: migrations with the built-in library, sessions, CSRF, the full request
 * path). Signs up one user and makes a property with four buildings through the API.
 *
 * Latency: the first 60 components of the built-in library (it fails, naming the count, when the
 * library has fewer) ticked for all four buildings, a third with a last-done year and a quantity,
 * as one `POST /api/plans/:id/generate`: a dry run, then the real generation into a fresh plan
 * (2026–2055), one request at a time over one keep-alive HTTPS connection, after warm-up runs;
 * p50/p95/max.
 *
 * The plan page afterwards: the web app in headless Chromium (the system's, as the browser
 * journeys drive it), a fresh browser context per load signed in by the session cookie, at
 * 1024 × 768: first-contentful-paint (`performance.getEntriesByName`) and the time from navigation
 * until the per-year view shows its first action row; the first load, which also starts the
 * browser's own caches of the machine, is not counted. Needs the web build (`scripts/bench.sh`
 * makes it).
 *
 *   npx tsx bench/generate.bench.ts
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LibraryComponent, GenerateResponse } from '../shared/schemas/library.ts';
import { sessionCookieName } from '../server/http/sessions.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { benchServer } from './bench-server.ts';
import { signUpForBench, type BenchSession } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, repoRoot, runBench, summarise, type Target } from './support.ts';

const dataDir = path.join(repoRoot, 'var', 'bench-generate');
const databaseName = 'kvarter_bench_generate';
const componentCount = 60;
const buildingNames = ['Hus A', 'Hus B', 'Hus C', 'Garage'];
const startYear = 2026;
const warmUpRuns = 2;
const runs = 10;
const pageLoads = 7;
const timeLimitMs = 8 * 60_000;

const say = (text: string) => process.stderr.write(`${text}\n`);
const bench = benchServer({ dataDir, databaseName, say });

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { target } = await bench.start();
  const agent = clientAgent(target);

  say('Signing up and making a property with four buildings…');
  const session = await signUpForBench(agent, target, { email: 'bench@example.se', name: 'Bench', accountName: 'Brf Bench' });
  const organisationId = await session.createdId(`/api/accounts/${session.accountId}/organisations`, { name: 'Brf Bench' });
  const propertyId = await session.createdId(`/api/organisations/${organisationId}/properties`, { name: 'Bench 1', boa: 5400, loa: 600 });
  const buildingIds: string[] = [];
  for (const name of buildingNames) buildingIds.push(await session.createdId(`/api/properties/${propertyId}/buildings`, { name }));

  const components = await componentsOf(session);
  if (components.length < componentCount) {
    throw new Error(
      `the library has ${components.length} components, the benchmark needs ${componentCount} ` +
        '(server/features/library/builtin/components.json: the built-in library is not in this tree yet)',
    );
  }
  const request = {
    components: components.slice(0, componentCount).flatMap((component, index) =>
      buildingIds.map((buildingId) => ({
        componentId: component.id,
        buildingId,
        ...(index % 3 === 0 ? { lastDoneYear: 1995 + (index % 25), quantity: 10 + index } : {}),
      })),
    ),
  };

  const dryRuns: number[] = [];
  const generations: number[] = [];
  let created = 0;
  let planId = '';
  say(`Generating ${componentCount} components × ${buildingNames.length} buildings: ${warmUpRuns} warm-up and ${runs} timed runs…`);
  for (let run = 0; run < warmUpRuns + runs; run += 1) {
    planId = await session.createdId(`/api/properties/${propertyId}/plans`, {
      name: `Underhållsplan ${run + 1}`,
      startYear,
      lengthYears: 30,
      clientCostPercent: 10,
      indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: startYear },
    });
    const dryRun = await timedGenerate(session, planId, { ...request, dryRun: true }, 200);
    const generation = await timedGenerate(session, planId, request, 201);
    if (generation.answer.created !== dryRun.answer.created || generation.answer.created === 0) {
      throw new Error(`the dry run said ${dryRun.answer.created} actions, the generation made ${generation.answer.created}`);
    }
    created = generation.answer.created;
    if (run >= warmUpRuns) {
      dryRuns.push(dryRun.elapsedMs);
      generations.push(generation.elapsedMs);
    }
  }

  say(`The plan page of the last plan (${created} actions), ${pageLoads} loads in Chromium…`);
  const planUrl = `https://127.0.0.1:${target.port}/accounts/${session.accountId}/plans/${planId}`;
  const paints = await measurePlanPage(target, session, planUrl);

  const dryRunSummary = summarise(dryRuns);
  const generationSummary = summarise(generations);
  const paintSummary = summarise(paints.map((load) => load.firstContentfulPaintMs));
  const rowSummary = summarise(paints.map((load) => load.firstRowMs));
  const commit = await gitDescription();
  const lines = [
    `#### generate.bench.ts — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}`,
    '',
    `${componentCount} components × ${buildingNames.length} buildings = ${request.components.length} entries, ${created} actions per generation ` +
      `into a fresh plan of 30 years. ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average before ` +
      `${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}; Node ${process.version}. HTTPS over one keep-alive connection, one request at a time, ` +
      `${warmUpRuns} warm-up runs, ${runs} timed runs; the page ${pageLoads} times, each in a fresh browser context.`,
    '',
    markdownTable(
      ['measured', 'runs', 'p50 ms', 'p95 ms', 'max ms'],
      [
        ['`POST /api/plans/:id/generate` with `dryRun: true` (200)', dryRunSummary],
        ['`POST /api/plans/:id/generate` (201, writes the actions and their change set)', generationSummary],
        ['plan page: first-contentful-paint', paintSummary],
        ['plan page: navigation → the per-year view’s first action row', rowSummary],
      ].map(([label, summary]) => {
        const { count, p50, p95, max } = summary as ReturnType<typeof summarise>;
        return [label as string, String(count), ms(p50), ms(p95), ms(max)];
      }),
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function componentsOf(session: BenchSession): Promise<LibraryComponent[]> {
  const response = await session.send('GET', '/api/library/components');
  if (response.status !== 200) throw new Error(`GET /api/library/components → ${response.status} ${response.body.slice(0, 300)}`);
  return JSON.parse(response.body) as LibraryComponent[];
}

async function timedGenerate(session: BenchSession, planId: string, body: unknown, expectedStatus: number) {
  const before = performance.now();
  const response = await session.send('POST', `/api/plans/${planId}/generate`, body);
  const elapsedMs = performance.now() - before;
  if (response.status !== expectedStatus) throw new Error(`POST /api/plans/${planId}/generate → ${response.status} ${response.body.slice(0, 300)}`);
  return { elapsedMs, answer: JSON.parse(response.body) as GenerateResponse };
}

/** Each load in a fresh context (nothing cached), signed in by the bench user's session cookie. */
async function measurePlanPage(target: Target, session: BenchSession, planUrl: string) {
  const browser = await launchBrowser();
  try {
    const loads: { firstContentfulPaintMs: number; firstRowMs: number }[] = [];
    const [name, value] = splitCookie(session.cookie);
    for (let load = 0; load < pageLoads; load += 1) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1024, height: 768 } });
      try {
        await context.addCookies([{ name, value, url: `https://127.0.0.1:${target.port}`, secure: true, httpOnly: true, sameSite: 'Lax' }]);
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(planUrl);
        // CSS locators: a role query would scan the rows and be timed with the page.
        await page.locator(`[data-section="${startYear}"] tr[data-action-id]`).first().waitFor();
        const firstRowMs = performance.now() - started;
        const firstContentfulPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
        if (load > 0) loads.push({ firstContentfulPaintMs, firstRowMs });
      } finally {
        await context.close();
      }
    }
    return loads;
  } finally {
    await browser.close();
  }
}

function splitCookie(cookie: string): [string, string] {
  const separator = cookie.indexOf('=');
  const name = cookie.slice(0, separator);
  if (name !== sessionCookieName) throw new Error(`not the session cookie: ${name}`);
  return [name, cookie.slice(separator + 1)];
}

await runBench({ name: 'generate.bench.ts', timeLimitMs, main, stop: bench.stop, say });
