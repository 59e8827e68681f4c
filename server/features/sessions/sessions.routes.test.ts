import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const safari = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function signIn(email: string, password: string, userAgent: string, clientIp = '10.70.0.1'): Promise<TestClient> {
  const client = new TestClient(testApp.app, clientIp);
  const response = await client.request('POST', '/api/auth/login', { email, password }, { 'user-agent': userAgent });
  expect(response.statusCode, response.body).toBe(200);
  return client;
}

async function sessionsOf(client: TestClient) {
  const response = await client.get('/api/auth/sessions');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; current: boolean; createdAt: string; lastSeenAt: string; userAgent: string | null }[];
}

describe('GET /api/auth/sessions', () => {
  it('lists where the user is signed in, marks this one, and never shows a secret session id', async () => {
    const { email, password } = await signUpUser(testApp.app);
    const desktop = await signIn(email, password, firefox);
    const phone = await signIn(email, password, safari);
    const sessions = await sessionsOf(desktop);
    // The sign-up's session, the desktop and the phone.
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((session) => session.current).map((session) => session.userAgent)).toEqual([firefox]);
    expect(sessions.map((session) => session.userAgent)).toEqual(expect.arrayContaining([firefox, safari]));
    for (const session of sessions) {
      expect(Object.keys(session).sort()).toEqual(['createdAt', 'current', 'id', 'lastSeenAt', 'userAgent']);
      expect(session.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(session.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
    }
    const secretIds = [desktop, phone].map((client) => client.cookie!.split('.')[0]!);
    const body = JSON.stringify(sessions);
    for (const secret of secretIds) expect(body).not.toContain(secret);
    expect((await sessionsOf(phone)).filter((session) => session.current).map((session) => session.userAgent)).toEqual([safari]);
  });

  it('keeps at most 400 characters of a User-Agent', async () => {
    const { email, password } = await signUpUser(testApp.app);
    const client = await signIn(email, password, `Mozilla/5.0 ${'x'.repeat(2000)}`);
    const current = (await sessionsOf(client)).find((session) => session.current);
    expect(current?.userAgent).toHaveLength(400);
  });

  it('answers 401 without a session', async () => {
    const response = await new TestClient(testApp.app).get('/api/auth/sessions');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });
});

describe('DELETE /api/auth/sessions/:id', () => {
  it('ends another session of the user', async () => {
    const { email, password } = await signUpUser(testApp.app);
    const desktop = await signIn(email, password, firefox);
    const phone = await signIn(email, password, safari);
    const phoneSession = (await sessionsOf(phone)).find((session) => session.current)!;
    expect((await desktop.delete(`/api/auth/sessions/${phoneSession.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await desktop.get('/api/auth/me')).statusCode).toBe(200);
    expect((await sessionsOf(desktop)).map((session) => session.id)).not.toContain(phoneSession.id);
    expect((await desktop.delete(`/api/auth/sessions/${phoneSession.id}`)).statusCode).toBe(404);
  });

  it('ends the current session too: that is signing out', async () => {
    const { email, password } = await signUpUser(testApp.app);
    const desktop = await signIn(email, password, firefox);
    const current = (await sessionsOf(desktop)).find((session) => session.current)!;
    const response = await desktop.delete(`/api/auth/sessions/${current.id}`);
    expect(response.statusCode).toBe(204);
    expect(desktop.cookie).toBeUndefined();
    expect((await desktop.get('/api/auth/me')).statusCode).toBe(401);
  });

  it("answers another user's session, an unknown id and a malformed id with the same 404, and ends nothing", async () => {
    const owner = await signUpUser(testApp.app);
    const stranger = await signUpUser(testApp.app);
    const ownerSessions = await sessionsOf(owner.client);
    const rowsBefore = await testApp.database.db.selectFrom('sessions').select(['id', 'user_id']).orderBy('id').execute();
    const answers = [];
    for (const id of [ownerSessions[0]!.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await stranger.client.delete(`/api/auth/sessions/${id}`);
      expect(response.statusCode, id).toBe(404);
      answers.push(response.body);
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!)).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(await testApp.database.db.selectFrom('sessions').select(['id', 'user_id']).orderBy('id').execute()).toEqual(rowsBefore);
    expect((await owner.client.get('/api/auth/me')).statusCode).toBe(200);
  });
});
