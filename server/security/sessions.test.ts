import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTenant } from '../test-support/tenant-snapshot.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';
import type { AccountId } from '../db/account-id.ts';

/**
 * docs/product/operations-promise.md § Security suite: session fixation and revocation as an
 * attacker tries them. auth.routes.test.ts shows that sign-in issues a new cookie and that a
 * password change signs other sessions out; here the attacker keeps a copy of a cookie — planted
 * before sign-in, or stolen before sign-out — and replays it, cookie and CSRF token both, for reads
 * and writes.
 */
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const password = 'correct horse battery staple';

/** An attacker's copy of a client's cookie and CSRF token, as they are now. */
function copyOf(client: TestClient, clientIp = '10.50.0.66'): TestClient {
  const copy = new TestClient(testApp.app, clientIp);
  copy.cookie = client.cookie;
  copy.csrfToken = client.csrfToken;
  return copy;
}

/**
 * A planted session: the attacker opens a session and gets the victim to use its cookie. Only
 * signing in opens one (an anonymous client gets a CSRF cookie, no session: anonymous-requests.test.ts),
 * so the attacker plants a session of their own account.
 */
async function plantedSession(): Promise<{ victim: TestClient; attacker: TestClient; sessionId: string }> {
  const attacker = (await signUpUser(testApp.app)).client;
  attacker.clientIp = '10.50.0.66';
  expect((await attacker.get('/api/auth/csrf')).statusCode).toBe(200);
  expect(attacker.cookie).toBeDefined();
  const victim = new TestClient(testApp.app, '10.50.0.7');
  victim.cookie = attacker.cookie;
  victim.csrfToken = attacker.csrfToken;
  return { victim, attacker, sessionId: sessionIdOf(attacker) };
}

function sessionIdOf(client: TestClient): string {
  return client.cookie!.slice(0, client.cookie!.indexOf('.'));
}

async function sessionRowExists(id: string): Promise<boolean> {
  return (await testApp.database.db.selectFrom('sessions').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * The replayed cookie reads nothing and writes nothing. The attacker sends the copied cookie every
 * time, even after the server has answered with one that clears it (a browser would drop it).
 */
async function expectLockedOut(attacker: TestClient, accountId: AccountId): Promise<void> {
  const stolen = attacker.cookie;
  const replay = async (send: () => Promise<LightMyRequestResponse>) => {
    attacker.cookie = stolen;
    return send();
  };
  const me = await replay(() => attacker.get('/api/auth/me'));
  expect(me.statusCode).toBe(401);
  expect(me.json().error.code).toBe('unauthenticated');
  expect((await replay(() => attacker.get(`/api/accounts/${accountId}/organisations`))).statusCode).toBe(401);
  const before = await snapshotTenant(testApp.database.db, accountId);
  const write = await replay(() => attacker.post(`/api/accounts/${accountId}/organisations`, { name: 'Brf Kapad' }));
  // The token belonged to the ended session, so the write is refused before the session is even read.
  expect(write.statusCode).toBe(403);
  expect(write.json().error.code).toBe('csrf');
  expect(await snapshotTenant(testApp.database.db, accountId)).toEqual(before);
}

describe('session fixation', () => {
  it('sign-in replaces a planted session: the planted cookie stays signed out and its row is gone', async () => {
    const { email, accountId } = await signUpUser(testApp.app);
    const { victim, attacker, sessionId } = await plantedSession();
    const login = await victim.post('/api/auth/login', { email, password });
    expect(login.statusCode).toBe(200);
    expect(sessionIdOf(victim)).not.toBe(sessionId);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    expect(await sessionRowExists(sessionId)).toBe(false);
    await expectLockedOut(attacker, accountId);
  });

  it('sign-up replaces a planted session the same way', async () => {
    const { victim, attacker, sessionId } = await plantedSession();
    const signup = await victim.post('/api/auth/signup', { email: 'fixation-signup@example.se', password, name: 'Offer', accountName: 'Brf Offer' });
    expect(signup.statusCode).toBe(201);
    expect(sessionIdOf(victim)).not.toBe(sessionId);
    expect(await sessionRowExists(sessionId)).toBe(false);
    await expectLockedOut(attacker, signup.json().account.id);
  });

  it('accepting an invitation replaces a planted session the same way', async () => {
    const admin = await signUpUser(testApp.app);
    const invited = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email: 'fixation-invitee@example.se', role: 'editor' });
    expect(invited.statusCode).toBe(201);
    const email = await testApp.database.db
      .selectFrom('outbox_emails')
      .select('body')
      .where('recipient', '=', 'fixation-invitee@example.se')
      .executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(email.body)?.[1];
    expect(token).toBeDefined();
    const { victim, attacker, sessionId } = await plantedSession();
    const accepted = await victim.post(`/api/invitations/${token}/accept`, { name: 'Inbjuden', password });
    expect(accepted.statusCode).toBe(201);
    expect(sessionIdOf(victim)).not.toBe(sessionId);
    expect(await sessionRowExists(sessionId)).toBe(false);
    await expectLockedOut(attacker, admin.accountId);
  });
});

describe('revocation', () => {
  it('sign-out ends the session on the server: a copy of the cookie and token taken before is useless', async () => {
    const { client, accountId } = await signUpUser(testApp.app);
    const stolen = copyOf(client);
    expect((await stolen.get('/api/auth/me')).statusCode).toBe(200);
    const sessionId = sessionIdOf(client);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await sessionRowExists(sessionId)).toBe(false);
    await expectLockedOut(stolen, accountId);
  });

  it('a password change ends the other sessions for writes too, with their valid CSRF token', async () => {
    const { client, email, accountId } = await signUpUser(testApp.app);
    const other = new TestClient(testApp.app, '10.50.0.8');
    expect((await other.post('/api/auth/login', { email, password })).statusCode).toBe(200);
    const otherId = sessionIdOf(other);
    expect((await client.post('/api/auth/password', { currentPassword: password, newPassword: 'a brand new passphrase' })).statusCode).toBe(204);
    expect(await sessionRowExists(otherId)).toBe(false);
    await expectLockedOut(other, accountId);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });
});
