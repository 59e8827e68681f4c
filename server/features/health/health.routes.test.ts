import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { parseConnectionOptions } from '../../db/connection-options.ts';
import { createDatabase, type Db } from '../../db/database.ts';
import { createSelfSignedCertificate } from '../../test-support/self-signed-certificate.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

/**
 * /healthz (liveness) and /readyz (readiness) on the test cluster, and what every API route
 * answers when a connection cannot be opened for a reason that does not pass by itself: a
 * certificate that fails verify-full, refused credentials, a server that never answers. The
 * stopped and frozen cluster are in server/faults/database-outage.test.ts.
 */
let testApp: TestApp;
let directory: string;

beforeAll(async () => {
  testApp = await createTestApp();
  directory = await mkdtemp(path.join(tmpdir(), 'kvarter-readiness-'));
});
afterAll(async () => {
  await testApp.close();
  await rm(directory, { recursive: true, force: true });
});

interface LoggedApp {
  app: FastifyInstance;
  db: Db;
  logLines: { level: number; msg: string }[];
  close(): Promise<void>;
}

/** The real app on a pool of its own for the test database, as a database URL and CA file configure it. */
async function appConnectingWith(databaseUrl: string, caFile: string): Promise<LoggedApp> {
  const logLines: { level: number; msg: string }[] = [];
  const db = createDatabase(parseConnectionOptions(databaseUrl, caFile), () => undefined);
  const app = await buildApp({
    config: testApp.config,
    db,
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
    logger: { level: 'warn', stream: { write: (line: string) => void logLines.push(JSON.parse(line)) } },
    webRoot: '/nonexistent',
  });
  await app.ready();
  return {
    app,
    db,
    logLines,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

const unavailable = { error: { code: 'unavailable', message: 'The database is unavailable right now. Try again in a moment.' } };

describe('GET /healthz and GET /readyz', () => {
  it('both answer 200 while the database answers, without a session', async () => {
    for (const url of ['/healthz', '/readyz']) {
      const response = await new TestClient(testApp.app).get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.json(), url).toEqual({ status: 'ok' });
      expect(response.headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('a certificate that fails verify-full is 503 with Retry-After everywhere, not 500, and logged as an error naming the cause', async () => {
    // Another CA than the cluster's: what an app meets when another PostgreSQL has taken the port.
    const otherCaFile = path.join(directory, 'other-ca.crt');
    await writeFile(otherCaFile, (await createSelfSignedCertificate('ecdsa')).cert);
    const wrong = await appConnectingWith(testApp.database.url, otherCaFile);
    try {
      const client = new TestClient(wrong.app);
      // A signed-in user of the same installation: the session itself is read from the database.
      const signedIn = new TestClient(wrong.app);
      signedIn.cookie = (await signUpUser(testApp.app)).client.cookie;
      const answers = [
        await signedIn.get('/api/auth/me'),
        await client.get('/readyz'),
        await client.post('/api/auth/login', { email: 'someone@example.se', password: 'correct horse battery staple' }),
        await client.post('/api/auth/signup', { email: 'new@example.se', password: 'correct horse battery staple', name: 'Ny', accountName: 'Brf Ny' }),
      ];
      for (const response of answers) {
        expect(response.statusCode, response.body).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(response.json()).toEqual(unavailable);
      }
      expect((await client.get('/healthz')).statusCode).toBe(200);

      const errors = wrong.logLines.filter((line) => line.level === 50);
      expect(errors.length).toBeGreaterThanOrEqual(answers.length);
      for (const line of errors)
        expect(line.msg).toMatch(/^database unavailable: the database server's certificate failed verification .*(SELF_SIGNED|UNABLE_TO_VERIFY)/);
      expect(wrong.logLines.some((line) => line.msg === 'unhandled error')).toBe(false);
      const password = decodeURIComponent(new URL(testApp.database.url).password);
      expect(JSON.stringify(wrong.logLines)).not.toContain(password);
    } finally {
      await wrong.close();
    }
  });

  it('refused credentials are 503 with Retry-After and logged as an error, the password never', async () => {
    const url = new URL(testApp.database.url);
    url.password = 'not-the-password-of-kvarter';
    const wrong = await appConnectingWith(url.toString(), testApp.database.caFile);
    try {
      const response = await new TestClient(wrong.app).get('/readyz');
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      const errors = wrong.logLines.filter((line) => line.level === 50);
      expect(errors.map((line) => line.msg)).toEqual([expect.stringMatching(/^database unavailable: the database refused the credentials .*28P01/)]);
      expect(JSON.stringify(wrong.logLines)).not.toContain('not-the-password-of-kvarter');
    } finally {
      await wrong.close();
    }
  });

  it('a database that accepts the connection but never answers is 503 within the readiness timeout, one connection however many probes', async () => {
    const connections: net.Socket[] = [];
    const silent = net.createServer((socket) => void connections.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = new URL(testApp.database.url);
    url.hostname = 'localhost';
    url.port = String((silent.address() as net.AddressInfo).port);
    const hanging = await appConnectingWith(url.toString(), testApp.database.caFile);
    try {
      const startedAt = performance.now();
      const probes = await Promise.all(Array.from({ length: 5 }, () => new TestClient(hanging.app).get('/readyz')));
      const elapsedMs = performance.now() - startedAt;
      for (const response of probes) {
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(response.json().error).toEqual({ code: 'unavailable', message: 'The database did not answer in time. Try again in a moment.' });
      }
      // The readiness timeout (2 s), not the pool's connection timeout (5 s).
      expect(elapsedMs).toBeGreaterThanOrEqual(1_900);
      expect(elapsedMs).toBeLessThan(4_500);
      expect(connections).toHaveLength(1);
    } finally {
      for (const socket of connections) socket.destroy();
      await hanging.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
