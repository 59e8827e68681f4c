import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '../http/sessions.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';

let testApp: TestApp;
let webRoot: string;
beforeAll(async () => {
  // A tiny built web app, so static files and client routes are served as in production.
  webRoot = await mkdtemp(path.join(os.tmpdir(), 'kvarter-web-'));
  await mkdir(path.join(webRoot, 'assets'));
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Kvarter</title>');
  await writeFile(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log("kvarter");');
  testApp = await createTestApp({ webRoot });
});
afterAll(async () => {
  await testApp?.close();
  await rm(webRoot, { recursive: true, force: true });
});

const minuteMs = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The session id a client's cookie carries: the part before the signature. */
function sessionIdOf(client: TestClient): string {
  const cookie = client.cookie;
  if (!cookie) throw new Error('the client has no session cookie');
  return cookie.slice(0, cookie.indexOf('.'));
}

async function sessionRow(testApp: TestApp, id: string) {
  return testApp.database.db.selectFrom('sessions').select(['id', 'user_id', 'expires_at', 'data']).where('id', '=', id).executeTakeFirst();
}

/** When the session cookie of a response expires (epoch ms). */
function cookieExpiry(response: LightMyRequestResponse): number {
  const cookie = response.cookies.find((item) => item.name === sessionCookieName);
  if (!cookie?.expires) throw new Error('no session cookie with an expiry in the response');
  return cookie.expires.getTime();
}

async function countSessions(testApp: TestApp): Promise<number> {
  const row = await testApp.database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('idle timeout', () => {
  it('refuses a session whose expires_at has passed, even before the sweeper removes it', async () => {
    const { client } = await signUpUser(testApp.app);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    await testApp.database.db
      .updateTable('sessions')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', sessionIdOf(client))
      .execute();
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthenticated');
  });

  it('renews the session at most once a minute of activity, to about 60 minutes ahead', async () => {
    const { client, accountId } = await signUpUser(testApp.app);
    const id = sessionIdOf(client);
    const afterSignup = (await sessionRow(testApp, id))!.expires_at.getTime();
    expect(Math.abs(afterSignup - (Date.now() + 60 * minuteMs))).toBeLessThan(5_000);

    // Requests within the minute read the session but write nothing (no database write per request).
    for (const url of ['/api/auth/me', `/api/accounts/${accountId}/members`]) {
      await sleep(30);
      const response = await client.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((item) => item.name === sessionCookieName)).toBeUndefined();
      expect((await sessionRow(testApp, id))!.expires_at.getTime()).toBe(afterSignup);
    }

    // A minute later (the recorded activity is made older), the next request renews it.
    await ageLastSeen(testApp, id, 61_000);
    await sleep(30);
    const response = await client.get('/api/auth/me');
    expect(response.statusCode).toBe(200);
    // The same session: renewing it does not replace it.
    expect(sessionIdOf(client)).toBe(id);
    const renewed = (await sessionRow(testApp, id))!.expires_at.getTime();
    expect(renewed).toBeGreaterThan(afterSignup);
    expect(Math.abs(renewed - (Date.now() + 60 * minuteMs))).toBeLessThan(5_000);
    // The browser is told the same lifetime: the cookie's Expires follows the idle limit.
    expect(cookieExpiry(response)).toBeCloseTo(Date.now() + 60 * minuteMs, -4);
  });

  it('follows SESSION_IDLE_MINUTES', async () => {
    const short = await createTestApp({ environment: { SESSION_IDLE_MINUTES: '5' } });
    try {
      const { client } = await signUpUser(short.app);
      const id = sessionIdOf(client);
      const afterSignup = (await sessionRow(short, id))!.expires_at.getTime();
      expect(Math.abs(afterSignup - (Date.now() + 5 * minuteMs))).toBeLessThan(5_000);
      await ageLastSeen(short, id, 61_000);
      await sleep(30);
      const response = await client.get('/api/auth/me');
      expect(response.statusCode).toBe(200);
      const afterRequest = (await sessionRow(short, id))!.expires_at.getTime();
      expect(afterRequest).toBeGreaterThan(afterSignup);
      expect(Math.abs(afterRequest - (Date.now() + 5 * minuteMs))).toBeLessThan(5_000);
      expect(cookieExpiry(response)).toBeCloseTo(Date.now() + 5 * minuteMs, -4);
    } finally {
      await short.close();
    }
  });
});

/** Makes the session's recorded last activity `ms` older, as if that much time had passed. */
async function ageLastSeen(app: TestApp, id: string, ms: number): Promise<void> {
  const row = await sessionRow(app, id);
  const data = row!.data as { lastSeenAt: number };
  await app.database.db
    .updateTable('sessions')
    .set({ data: JSON.stringify({ ...data, lastSeenAt: data.lastSeenAt - ms }) })
    .where('id', '=', id)
    .execute();
}

describe('absolute timeout', () => {
  it('ends a session 12 hours after sign-in however active it is, and deletes its row', async () => {
    const { client } = await signUpUser(testApp.app);
    const id = sessionIdOf(client);
    const thirteenHoursAgo = Date.now() - 13 * 60 * minuteMs;
    await testApp.database.db
      .updateTable('sessions')
      .set({ data: sql`jsonb_set(data, '{authenticatedAt}', to_jsonb(${thirteenHoursAgo}::bigint))` })
      .where('id', '=', id)
      .execute();
    const row = await sessionRow(testApp, id);
    expect((row!.data as { authenticatedAt: number }).authenticatedAt).toBe(thirteenHoursAgo);
    expect(row!.expires_at.getTime()).toBeGreaterThan(Date.now() + 50 * minuteMs);

    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error).toEqual({ code: 'unauthenticated', message: 'Your session has ended. Sign in again.' });
    expect(await sessionRow(testApp, id)).toBeUndefined();
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('keeps a session signed in 11 hours ago', async () => {
    const { client } = await signUpUser(testApp.app);
    await testApp.database.db
      .updateTable('sessions')
      .set({ data: sql`jsonb_set(data, '{authenticatedAt}', to_jsonb(${Date.now() - 11 * 60 * minuteMs}::bigint))` })
      .where('id', '=', sessionIdOf(client))
      .execute();
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('session ids', () => {
  it('carry at least 128 bits: 22+ base64url characters, stored as the row id', async () => {
    const { client, userId } = await signUpUser(testApp.app);
    const cookie = client.cookie!;
    const dot = cookie.indexOf('.');
    expect(dot).toBeGreaterThan(0);
    const id = cookie.slice(0, dot);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    // 6 bits per base64url character.
    expect(id.length * 6).toBeGreaterThanOrEqual(128);
    const row = await sessionRow(testApp, id);
    expect(row).toMatchObject({ id, user_id: userId });

    // Another sign-in gets another id.
    const other = await signUpUser(testApp.app);
    expect(sessionIdOf(other.client)).not.toBe(id);
  });
});

describe('requests outside the API', () => {
  it('neither create nor extend sessions (health check, static files, client routes)', async () => {
    const { client } = await signUpUser(testApp.app);
    const id = sessionIdOf(client);
    const before = (await sessionRow(testApp, id))!.expires_at.getTime();
    const countBefore = await countSessions(testApp);
    await sleep(30);

    const anonymous = new TestClient(testApp.app);
    for (const someone of [client, anonymous]) {
      for (const url of ['/healthz', '/readyz', '/assets/app-abc123.js', '/accounts/some/page', '/']) {
        const response = await someone.get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['set-cookie'], url).toBeUndefined();
      }
    }
    expect(anonymous.cookie).toBeUndefined();
    expect(await countSessions(testApp)).toBe(countBefore);
    expect((await sessionRow(testApp, id))!.expires_at.getTime()).toBe(before);

    // The control: an API request a minute later does extend it.
    await ageLastSeen(testApp, id, 61_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await sessionRow(testApp, id))!.expires_at.getTime()).toBeGreaterThan(before);
  });
});
