import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChildApp, type ChildApp } from '../test-support/child-app.ts';
import { FaultClient, type TimedResponse } from '../test-support/fault-client.ts';
import { queryRows, startFaultCluster, type FaultCluster } from '../test-support/fault-cluster.ts';

/**
 * docs/product/operations-promise.md § Fault suite, fault 2: PostgreSQL stops for 10 s while
 * clients keep reading and writing. Every request in the outage gets a prompt 503 with the API's
 * error shape and a clear message (no 500, no request left hanging), and once PostgreSQL is back
 * the same app process serves again without a restart, to the same signed-in session. Then the
 * nastier variant: PostgreSQL hangs (every process frozen, connections open but silent) for longer
 * than the app's query timeout; every request still gets an answer within that bound. The app runs
 * as `npm start` runs it (backup scheduler included), so a crash of anything in the process during
 * the outage fails the test too. Every 503 carries Retry-After; /healthz (liveness) stays 200 and
 * /readyz (readiness) is 503 while the database is away, promptly even while it hangs.
 */

const outageMs = 10_000;
/** Longer than the app's query timeout (30 s, server/db/database.ts), so that the timeout must act. */
const freezeMs = 40_000;
const clientCount = 4;
/** A request of the outage must be answered within this (the pool's connection timeout is 5 s). */
const boundedWaitMs = 10_000;

interface ErrorBody {
  error?: { code?: string; message?: string };
}

interface Sample {
  kind: 'read' | 'write';
  name: string;
  response?: TimedResponse<ErrorBody>;
  /** A transport failure (timeout, reset): never expected. */
  failure?: string;
  startedAt: number;
  endedAt: number;
}

let cluster: FaultCluster;
let app: ChildApp | undefined;
let client: FaultClient;
let planId: string;

beforeAll(async () => {
  cluster = await startFaultCluster('outage');
  app = await startChildApp({ entry: 'start', dataDir: cluster.dataDir, databaseUrl: cluster.databaseUrl, databaseCaFile: cluster.caFile });
  client = new FaultClient(app.baseUrl, cluster.dataDir);
  await client.signUp('outage@example.se');
  const organisationId = await client.create(`/api/accounts/${client.accountId}/organisations`, { name: 'Brf Outage' });
  const propertyId = await client.create(`/api/organisations/${organisationId}/properties`, { name: 'Outage 1', boa: 1200, loa: 100 });
  planId = await client.create(`/api/properties/${propertyId}/plans`, { name: 'Plan', startYear: 2026, clientCostPercent: 10 });
}, 180_000);

afterAll(async () => {
  client?.close();
  await app?.kill().catch(() => undefined);
  await cluster?.remove();
}, 120_000);

/**
 * Clients reading and writing (one write in four) until `stop()` resolves; each request is given
 * `timeoutMs` before the client gives up on it (a transport failure in the samples).
 */
async function underLoad(prefix: string, timeoutMs: number, during: () => Promise<void>): Promise<Sample[]> {
  const samples: Sample[] = [];
  let stop = false;
  const load = Array.from({ length: clientCount }, async (_, index) => {
    for (let sequence = 0; !stop; sequence += 1) {
      const kind = sequence % 4 === 3 ? 'write' : 'read';
      const name = `${prefix}${index}-${sequence}`;
      const startedAt = performance.now();
      try {
        const response =
          kind === 'read'
            ? await client.request<ErrorBody>('GET', `/api/plans/${planId}/actions`, undefined, timeoutMs)
            : await client.request<ErrorBody>(
                'POST',
                `/api/plans/${planId}/actions`,
                { name, category: 'el', quantity: 1, unit: 'st', unitPrice: 100, year: 2030 },
                timeoutMs,
              );
        samples.push({ kind, name, response, startedAt, endedAt: performance.now() });
        // A client that is told "try again in a moment" does not hammer the server.
        if (response.status === 503) await sleep(100);
      } catch (error) {
        samples.push({ kind, name, failure: String(error), startedAt, endedAt: performance.now() });
      }
    }
  });
  try {
    await during();
  } finally {
    stop = true;
    await Promise.all(load);
  }
  return samples;
}

/** Liveness and readiness as a probe sees them at one moment. */
async function probe(): Promise<{ healthz: TimedResponse<ErrorBody>; readyz: TimedResponse<ErrorBody> }> {
  return { healthz: await client.request<ErrorBody>('GET', '/healthz'), readyz: await client.request<ErrorBody>('GET', '/readyz') };
}

it('answers 503 with Retry-After during a 10 s database outage, promptly, not ready but alive, and recovers by itself afterwards', async () => {
  let stoppingAt = 0;
  let downAt = 0;
  let restartingAt = 0;
  let upAt = 0;
  const probes: Partial<Record<'before' | 'down' | 'after', Awaited<ReturnType<typeof probe>>>> = {};
  const samples = await underLoad('outage-', 30_000, async () => {
    await sleep(2_000);
    probes.before = await probe();
    stoppingAt = performance.now();
    await cluster.stopPostgres();
    downAt = performance.now();
    const probingAt = performance.now();
    probes.down = await probe();
    await sleep(outageMs - (performance.now() - probingAt));
    restartingAt = performance.now();
    await cluster.startPostgres();
    upAt = performance.now();
    await sleep(8_000);
    probes.after = await probe();
  });

  const summary = (sample: Sample) =>
    `${sample.kind} at ${((sample.startedAt - stoppingAt) / 1000).toFixed(1)} s: ${sample.failure ?? `${sample.response!.status} ${JSON.stringify(sample.response!.body).slice(0, 200)}`}`;
  // No transport failures (hangs, resets) and nothing but success or 503 at any time.
  const unexpected = samples.filter((sample) => sample.failure || ![200, 201, 503].includes(sample.response!.status)).map(summary);
  expect(unexpected.slice(0, 10), `the app printed:\n${app!.output().slice(-4000)}`).toEqual([]);

  const before = samples.filter((sample) => sample.endedAt < stoppingAt);
  const during = samples.filter((sample) => sample.startedAt > downAt && sample.endedAt < restartingAt);
  const settled = samples.filter((sample) => sample.startedAt > upAt + 2_000);
  expect(before.length).toBeGreaterThan(10);
  expect(before.every((sample) => sample.response!.status < 300)).toBe(true);

  // In the outage: 503 with the error shape and a message that says what is going on.
  expect(during.length).toBeGreaterThan(10);
  expect(during.filter((sample) => sample.kind === 'write').length).toBeGreaterThan(0);
  expect(during.filter((sample) => sample.response!.status !== 503).map(summary)).toEqual([]);
  for (const sample of during) {
    expect(sample.response!.body).toEqual({ error: { code: 'unavailable', message: 'The database is unavailable right now. Try again in a moment.' } });
  }
  // Every 503, in the outage or as it began, says when to try again (seconds).
  const unavailable = samples.filter((sample) => sample.response?.status === 503);
  expect(unavailable.filter((sample) => !/^[1-9]\d*$/.test(String(sample.response!.headers['retry-after']))).map(summary)).toEqual([]);
  // Alive throughout; ready before and after, not in the outage.
  expect([probes.before?.healthz.status, probes.down?.healthz.status, probes.after?.healthz.status]).toEqual([200, 200, 200]);
  expect([probes.before?.readyz.status, probes.down?.readyz.status, probes.after?.readyz.status]).toEqual([200, 503, 200]);
  expect(probes.down!.readyz.headers['retry-after']).toBe('5');
  expect(probes.down!.readyz.body).toEqual({ error: { code: 'unavailable', message: 'The database is unavailable right now. Try again in a moment.' } });
  const slowest = Math.max(...during.map((sample) => sample.endedAt - sample.startedAt));
  expect(slowest).toBeLessThan(boundedWaitMs);

  // After: the same process, the same session, serving again without a restart.
  expect(() => process.kill(app!.pid, 0)).not.toThrow();
  expect(settled.length).toBeGreaterThan(10);
  expect(settled.filter((sample) => sample.response!.status >= 300).map(summary)).toEqual([]);
  const firstSuccess = samples.find((sample) => sample.startedAt > upAt && sample.response && sample.response.status < 300);
  expect(firstSuccess).toBeDefined();
  const me = await client.request('GET', '/api/auth/me');
  expect(me.status).toBe(200);

  // Every acknowledged create is stored. A create refused in the outage is not; one cut off as
  // PostgreSQL went down may have committed before its answer was lost, so it is in doubt.
  const writes = samples.filter((sample) => sample.kind === 'write');
  const acknowledged = writes.filter((sample) => sample.response?.status === 201).map((sample) => sample.name);
  const inDoubt = new Set(writes.filter((sample) => sample.response?.status !== 201 && sample.startedAt < downAt).map((sample) => sample.name));
  const stored = (
    await queryRows<{ name: string }>(cluster.databaseUrl, cluster.caFile, "select name from actions where plan_id = $1 and name like 'outage-%'", [planId])
  ).map((row) => row.name);
  expect(acknowledged.filter((name) => !stored.includes(name))).toEqual([]);
  expect(stored.filter((name) => !acknowledged.includes(name) && !inDoubt.has(name))).toEqual([]);
  console.info(
    `database outage: ${before.length} requests before, ${during.length} in the outage (slowest ${slowest.toFixed(0)} ms), ` +
      `first success ${((firstSuccess!.endedAt - upAt) / 1000).toFixed(2)} s after PostgreSQL was back, ${settled.length} after; ` +
      `stop took ${((downAt - stoppingAt) / 1000).toFixed(1)} s, start ${((upAt - restartingAt) / 1000).toFixed(1)} s`,
  );
}, 180_000);

it('answers every request within the query timeout while PostgreSQL hangs, and recovers when it answers again', async () => {
  let frozenAt = 0;
  let thawedAt = 0;
  let frozenProbe: Awaited<ReturnType<typeof probe>> | undefined;
  const samples = await underLoad('freeze-', 60_000, async () => {
    await sleep(2_000);
    await cluster.freezePostgres();
    frozenAt = performance.now();
    await sleep(5_000);
    frozenProbe = await probe();
    await sleep(freezeMs - (performance.now() - frozenAt));
    await cluster.thawPostgres();
    thawedAt = performance.now();
    await sleep(6_000);
  });

  const summary = (sample: Sample) =>
    `${sample.kind} at ${((sample.startedAt - frozenAt) / 1000).toFixed(1)} s, ${((sample.endedAt - sample.startedAt) / 1000).toFixed(1)} s long: ${sample.failure ?? `${sample.response!.status} ${JSON.stringify(sample.response!.body).slice(0, 200)}`}`;
  const unexpected = samples.filter((sample) => sample.failure || ![200, 201, 503].includes(sample.response!.status)).map(summary);
  expect(unexpected.slice(0, 10), `the app printed:\n${app!.output().slice(-4000)}`).toEqual([]);
  // The bound: the query timeout (30 s) and a little for a busy machine; never the length of the hang.
  const tooSlow = samples.filter((sample) => sample.endedAt - sample.startedAt > 35_000).map(summary);
  expect(tooSlow).toEqual([]);

  // Answered while PostgreSQL still hung: each client's request in flight waited until the query
  // timeout ended it (at least once per client), then new connections gave up after 5 s.
  // (A request whose queries were all answered just before the freeze may still end just after it.)
  const frozen = samples.filter((sample) => sample.endedAt > frozenAt + 2_000 && sample.endedAt < thawedAt);
  expect(frozen.length).toBeGreaterThanOrEqual(clientCount);
  const answers = new Set(frozen.map((sample) => JSON.stringify(sample.response!.body).slice(0, 300)));
  const tooSlowAnswer = JSON.stringify({ error: { code: 'unavailable', message: 'The database did not answer in time. Try again in a moment.' } });
  const unavailableAnswer = JSON.stringify({ error: { code: 'unavailable', message: 'The database is unavailable right now. Try again in a moment.' } });
  expect(answers.has(tooSlowAnswer)).toBe(true);
  expect([...answers].filter((answer) => answer !== tooSlowAnswer && answer !== unavailableAnswer)).toEqual([]);
  expect(frozen.filter((sample) => sample.response!.headers['retry-after'] !== '5').map(summary)).toEqual([]);
  // Readiness gives up after its own 2 s timeout, not the query timeout; liveness does not ask the database.
  expect(frozenProbe!.healthz.status).toBe(200);
  expect(frozenProbe!.readyz.status).toBe(503);
  expect(frozenProbe!.readyz.headers['retry-after']).toBe('5');
  expect(frozenProbe!.readyz.endedAt - frozenProbe!.readyz.startedAt).toBeLessThan(4_000);

  const settled = samples.filter((sample) => sample.startedAt > thawedAt + 2_000);
  expect(settled.length).toBeGreaterThan(10);
  expect(settled.filter((sample) => sample.response!.status >= 300).map(summary)).toEqual([]);
  expect((await client.request('GET', '/api/auth/me')).status).toBe(200);
  const slowest = Math.max(...samples.map((sample) => sample.endedAt - sample.startedAt));
  const tooSlowCount = frozen.filter((sample) => JSON.stringify(sample.response!.body) === tooSlowAnswer).length;
  console.info(
    `database hang: ${frozen.length} requests answered in the ${freezeMs / 1000} s hang (${tooSlowCount} by the query timeout, ` +
      `${frozen.length - tooSlowCount} by the connection timeout), slowest of all ${(slowest / 1000).toFixed(1)} s; ${settled.length} after`,
  );
}, 180_000);
