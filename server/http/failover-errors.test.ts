import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { buildApp } from '../app.ts';
import { parseConnectionOptions } from '../db/connection-options.ts';
import { createDatabase, type Db } from '../db/database.ts';
import { createPlanCaches } from '../plan-snapshot/plan-caches.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';
import type { FastifyInstance } from 'fastify';

/**
 * The moment of a failover as the app meets it on the real database: a write that reaches a
 * primary that has just been demoted fails with 25006 (read_only_sql_transaction). It is answered
 * 503 with Retry-After and the API's error shape, never 500 and never acknowledged
 * (docs/decisions/0050-failover-errors.md). The demoted primary is played by the test database
 * turned read-only for new sessions, with an app instance whose pool connects afterwards.
 */
let testApp: TestApp;
let writable: TestClient;
let accountId: string;
let readOnlyDb: Db;
let readOnlyApp: FastifyInstance;
const logLines: { level: number; msg: string; err?: { code?: string } }[] = [];

beforeAll(async () => {
  testApp = await createTestApp();
  // Signed up while the database is writable; the same session cookie works on every instance.
  ({ client: writable, accountId } = await signUpUser(testApp.app));
  const cluster = inject('testCluster');
  const admin = new pg.Client(parseConnectionOptions(cluster.adminUrl, cluster.caFile).pool);
  await admin.connect();
  try {
    const name = new URL(testApp.database.url).pathname.slice(1);
    await admin.query(`alter database ${name} set default_transaction_read_only = on`);
  } finally {
    await admin.end();
  }
  readOnlyDb = createDatabase(parseConnectionOptions(testApp.database.url, testApp.database.caFile), () => undefined);
  readOnlyApp = await buildApp({
    config: testApp.config,
    planCaches: createPlanCaches(),
    db: readOnlyDb,
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
    logger: {
      level: 'warn',
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(JSON.parse(chunk.toString('utf8')) as (typeof logLines)[number]);
          done();
        },
      }),
    },
    webRoot: '/nonexistent',
  });
  await readOnlyApp.ready();
});

afterAll(async () => {
  await readOnlyApp?.close();
  await readOnlyDb?.destroy();
  await testApp?.close();
});

it('answers a write that meets a read-only (just demoted) primary with 503 and Retry-After, logged as a passing outage', async () => {
  const client = new TestClient(readOnlyApp);
  client.cookie = writable.cookie;
  client.csrfCookie = writable.csrfCookie;
  client.csrfToken = writable.csrfToken;

  const response = await client.post(`/api/accounts/${accountId}/organisations`, { name: 'Brf Skrivskyddad' });
  expect({ status: response.statusCode, retryAfter: response.headers['retry-after'], body: response.json() }).toEqual({
    status: 503,
    retryAfter: '5',
    body: { error: { code: 'unavailable', message: 'The database is unavailable right now. Try again in a moment.' } },
  });
  expect(logLines.map((line) => ({ level: line.level, msg: line.msg, code: line.err?.code }))).toEqual([
    { level: 40, msg: 'database unavailable', code: '25006' },
  ]);

  // Nothing was written: the writable instance lists no organisation.
  const listed = await writable.get(`/api/accounts/${accountId}/organisations`);
  expect({ status: listed.statusCode, body: listed.json() }).toEqual({ status: 200, body: [] });
});
