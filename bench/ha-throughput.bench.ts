/**
 * What does a second app instance buy? The HA topology (`ops ha up`, three PostgreSQL nodes with
 * synchronous replication) with one app instance and with two, side by side in one run: the same
 * seeded account and the same request mix through the HTTPS entry point, alternating 1, 2, 2, 1 so
 * that a change of the machine's load during the run weighs on both alike.
 *
 * Each round starts its own topology through the test fixture (ops/test-support/ha-topology.ts,
 * which also waits for the machine's HA slot so no HA test runs at the same time), seeds five plans
 * of 60 actions through the API, then autocannon drives the entry point with 16 keep-alive
 * connections for 20 s after a 5 s warm-up: per cycle two analyses, two action lists, one
 * occurrences list, one plan and one created action (a synchronous commit on two nodes). Any error
 * or answer other than 2xx fails the benchmark. About 8 minutes.
 *
 *   npx tsx bench/ha-throughput.bench.ts
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { categoryCodes } from '../shared/categories.ts';
import { startHaTopology, type HaTopologyFixture } from '../ops/test-support/ha-topology.ts';
import { autocannon, type AutocannonInstance, type AutocannonRequest } from './autocannon.ts';
import { signUpForBench } from './bench-session.ts';
import { clientAgent, gitDescription, markdownTable, ms, runBench, summarise, type Target } from './support.ts';

const rounds = [1, 2, 2, 1];
const planCount = 5;
const actionsPerPlan = 60;
const connections = 16;
const warmUpSeconds = 5;
const durationSeconds = 20;
const timeLimitMs = 25 * 60_000;

const say = (text: string) => process.stderr.write(`${text}\n`);

let topology: HaTopologyFixture | undefined;
let running: AutocannonInstance | undefined;

async function stopEverything(): Promise<void> {
  running?.stop();
  const stopping = topology;
  topology = undefined;
  await stopping?.dispose();
}

interface RoundResult {
  apps: number;
  requestsPerSecond: number;
  latencies: number[];
  load: number;
}

async function measure(apps: number, round: number): Promise<RoundResult> {
  say(`Round ${round}: ha up --nodes 3 --apps ${apps}…`);
  topology = await startHaTopology({ nodes: 3, apps, prefix: `bench-ha-${apps}` });
  const ca = await readFile(path.join(topology.dataDir, 'tls', 'ca.crt'), 'utf8');
  const target: Target = { port: topology.entryPort, ca };
  const { accountId, cookie, csrfToken, createdId } = await signUpForBench(clientAgent(target), target, {
    email: `ha-${round}@example.se`,
    name: 'HA',
    accountName: 'Brf HA',
  });
  const organisationId = await createdId(`/api/accounts/${accountId}/organisations`, { name: 'Brf HA' });
  const planIds: string[] = [];
  for (let plan = 0; plan < planCount; plan += 1) {
    const propertyId = await createdId(`/api/organisations/${organisationId}/properties`, { name: `Kvarteret ${plan + 1}`, boa: 2400 });
    const planId = await createdId(`/api/properties/${propertyId}/plans`, { name: 'Underhållsplan', startYear: 2026 });
    for (let index = 0; index < actionsPerPlan; index += 1) {
      await createdId(`/api/plans/${planId}/actions`, {
        name: `Åtgärd ${index + 1}`,
        category: categoryCodes[index % categoryCodes.length],
        quantity: 1 + index,
        unit: 'm2',
        unitPrice: 200 + index * 37,
        year: 2026 + (index % 30),
        intervalYears: index % 3 === 0 ? null : 10 + (index % 25),
      });
    }
    planIds.push(planId);
  }

  let counter = 0;
  const pick = () => planIds[Math.floor(Math.random() * planIds.length)]!;
  const read = (suffix: string): AutocannonRequest => ({
    method: 'GET',
    path: '/',
    setupRequest: (next) => ({ ...next, path: `/api/plans/${pick()}${suffix}` }),
  });
  const mix: AutocannonRequest[] = [
    read('/analysis'),
    read('/actions'),
    read(''),
    {
      method: 'POST',
      path: '/',
      setupRequest: (next) => {
        counter += 1;
        const body = JSON.stringify({ name: `Ny åtgärd ${counter}`, category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 1000 + counter, year: 2030 });
        return { ...next, path: `/api/plans/${pick()}/actions`, body };
      },
    },
    read('/occurrences'),
    read('/analysis'),
    read('/actions'),
  ];
  const drive = async (seconds: number) => {
    const latencies: number[] = [];
    const instance = autocannon({
      url: `https://127.0.0.1:${target.port}`,
      connections,
      pipelining: 1,
      duration: seconds,
      timeout: 30,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', accept: 'application/json' },
      requests: mix,
      tlsOptions: { ca },
    });
    running = instance;
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
    const result = await instance;
    running = undefined;
    if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
      throw new Error(`apps ${apps}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} answers other than 2xx`);
    }
    return { requestsPerSecond: result.requests.total / result.duration, latencies };
  };
  say(`  warm-up ${warmUpSeconds} s, then ${connections} connections for ${durationSeconds} s…`);
  await drive(warmUpSeconds);
  const { requestsPerSecond, latencies } = await drive(durationSeconds);
  const load = loadavg()[0]!;
  say(`  ${requestsPerSecond.toFixed(1)} req/s (load ${load.toFixed(1)})`);
  await stopEverything();
  return { apps, requestsPerSecond, latencies, load };
}

async function main(): Promise<void> {
  const results: RoundResult[] = [];
  for (const [index, apps] of rounds.entries()) results.push(await measure(apps, index + 1));
  const byApps = (apps: number) => results.filter((result) => result.apps === apps);
  const rate = (apps: number) => byApps(apps).reduce((sum, result) => sum + result.requestsPerSecond, 0) / byApps(apps).length;
  const rows = results.map((result, index) => {
    const latency = summarise(result.latencies);
    return [
      String(index + 1),
      String(result.apps),
      result.requestsPerSecond.toFixed(1),
      ms(latency.p50),
      ms(latency.p95),
      ms(latency.p99),
      result.load.toFixed(1),
    ];
  });
  console.log(`ha-throughput.bench.ts at ${await gitDescription()}, ${new Date().toISOString()}\n`);
  console.log(markdownTable(['round', 'app instances', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'load (1 min)'], rows));
  console.log(`\nTwo instances against one: ${(rate(2) / rate(1)).toFixed(2)} × the requests per second (means of two rounds each).`);
}

await runBench({ name: 'ha-throughput.bench.ts', timeLimitMs, main, stop: stopEverything, say });
