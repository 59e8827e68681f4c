import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfCookieName } from '../http/csrf.ts';
import { sessionCookieName } from '../http/sessions.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';

/**
 * docs/product/api.md § Conventions (CSRF): a client that is not signed in stores nothing. Its
 * CSRF token comes from a secret in a signed `__Host-` cookie, not from a session row; sessions
 * are created only by signing in, signing up and accepting an invitation. A signed-in session
 * keeps its own secret, so the cookie's tokens are no good for it (decision 0027).
 */
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

async function countSessions(): Promise<number> {
  const row = await testApp.database.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the sign-in page and a curious client send before anyone signs in. */
async function anonymousRequests(client: TestClient): Promise<LightMyRequestResponse[]> {
  return [
    await client.get('/api/auth/csrf'),
    await client.get('/api/auth/me'),
    await client.get('/api/auth/csrf'),
    await client.post('/api/auth/login', { email: `nobody-${client.clientIp}@example.se`, password: 'not the right password' }),
    await client.get('/api/invitations/not-a-real-token'),
    await client.get('/api/categories'),
    await client.post('/api/auth/logout'),
  ];
}

function sessionCookiesSet(responses: LightMyRequestResponse[]): string[] {
  return responses.flatMap((response) =>
    response.cookies.filter((cookie) => cookie.name === sessionCookieName && cookie.value !== '').map((cookie) => cookie.value),
  );
}

describe('a client that is not signed in', () => {
  it('gets CSRF tokens, 401s and failed sign-ins without a session row or a session cookie', async () => {
    await signUpUser(testApp.app);
    const before = await countSessions();
    const clientCount = 25;
    const answers: LightMyRequestResponse[] = [];
    for (let index = 0; index < clientCount; index += 1) {
      answers.push(...(await anonymousRequests(new TestClient(testApp.app, `10.60.${Math.floor(index / 200)}.${index % 200}`))));
    }
    // The same client again and again, too.
    const repeated = new TestClient(testApp.app, '10.61.0.1');
    for (let index = 0; index < 20; index += 1) answers.push(await repeated.get('/api/auth/csrf'));

    expect(await countSessions()).toBe(before);
    expect(sessionCookiesSet(answers)).toEqual([]);
    const statuses = answers.slice(0, 7).map((response) => response.statusCode);
    expect(statuses).toEqual([200, 401, 200, 401, 404, 401, 204]);
    expect(answers[0]!.json()).toEqual({ csrfToken: expect.any(String) });
  });

  it('keeps its CSRF secret in a signed __Host- cookie: Secure, HttpOnly, SameSite=Strict, set once', async () => {
    const client = new TestClient(testApp.app);
    const first = await client.get('/api/auth/csrf');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${csrfCookieName}=[^;]+\\.[^;]+; Path=/; HttpOnly; Secure; SameSite=Strict$`));
    const second = await client.get('/api/auth/csrf');
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(second.json().csrfToken).not.toBe(first.json().csrfToken);
  });

  it('signs in with a stale session cookie using the anonymous token; without it, or with another client’s, 403 csrf', async () => {
    const { email, password, client: former } = await signUpUser(testApp.app);
    const staleCookie = former.cookie;
    expect((await former.post('/api/auth/logout')).statusCode).toBe(204);
    const before = await countSessions();

    // A browser that still sends the cookie of its ended session (the answers clear it; sent again
    // each time, as a client that ignores that would).
    const browser = new TestClient(testApp.app, '10.62.0.1');
    const withStaleCookie = (send: () => Promise<LightMyRequestResponse>) => {
      browser.cookie = staleCookie;
      return send();
    };
    const other = new TestClient(testApp.app, '10.62.0.2');
    await other.get('/api/auth/csrf');
    const refused = [
      await withStaleCookie(() => browser.post('/api/auth/login', { email, password })),
      await withStaleCookie(() => browser.post('/api/auth/login', { email, password }, { 'x-csrf-token': other.csrfToken! })),
    ];
    for (const [index, response] of refused.entries()) {
      expect(response.statusCode, `refusal ${index}`).toBe(403);
      expect(response.json().error.code).toBe('csrf');
    }
    // A cookie whose signature does not hold is no cookie.
    browser.csrfCookie = `${other.csrfCookie!.split('.')[0]}.forged`;
    const forged = await withStaleCookie(() => browser.post('/api/auth/login', { email, password }, { 'x-csrf-token': other.csrfToken! }));
    expect(forged.statusCode).toBe(403);
    browser.csrfCookie = undefined;

    expect((await withStaleCookie(() => browser.get('/api/auth/me'))).statusCode).toBe(401);
    expect((await withStaleCookie(() => browser.get('/api/auth/csrf'))).statusCode).toBe(200);
    expect(await countSessions()).toBe(before);

    const login = await withStaleCookie(() => browser.post('/api/auth/login', { email, password }));
    expect(login.statusCode).toBe(200);
    expect(browser.cookie).not.toBe(staleCookie);
    expect(await countSessions()).toBe(before + 1);
    expect((await browser.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('cannot use a token of its CSRF cookie for a signed-in session: that session keeps its own secret', async () => {
    const { client, accountId } = await signUpUser(testApp.app);
    const anonymous = new TestClient(testApp.app);
    await anonymous.get('/api/auth/csrf');
    client.csrfCookie = anonymous.csrfCookie;
    const response = await client.post(`/api/accounts/${accountId}/organisations`, { name: 'Brf Fel token' }, { 'x-csrf-token': anonymous.csrfToken! });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf');
    // Its own token, from its session, still works with the cookie present.
    const { csrfToken } = (await client.get('/api/auth/csrf')).json();
    expect((await client.post(`/api/accounts/${accountId}/organisations`, { name: 'Brf Rätt token' }, { 'x-csrf-token': csrfToken })).statusCode).toBe(201);
  });
});
