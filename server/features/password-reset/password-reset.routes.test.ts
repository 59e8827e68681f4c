import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

async function resetEmailsTo(recipient: string): Promise<string[]> {
  const rows = await testApp.database.db.selectFrom('outbox_emails').select('body').where('recipient', '=', recipient).orderBy('created_at').execute();
  return rows.map((row) => row.body);
}

/** The token of the newest reset link e-mailed to the address. */
async function resetTokenFor(recipient: string): Promise<string> {
  const body = (await resetEmailsTo(recipient)).at(-1) ?? '';
  const token = /https:\/\/localhost:8443\/reset-password\?token=([A-Za-z0-9_-]{40,})/.exec(body)?.[1];
  if (!token) throw new Error(`no reset link in: ${body}`);
  return token;
}

describe('POST /api/auth/password-reset', () => {
  it('answers 202 {} alike for a known and an unknown address, and e-mails a link only to the known one, storing only its hash', async () => {
    const { email } = await signUpUser(testApp.app);
    const known = await new TestClient(testApp.app, '10.60.0.1').post('/api/auth/password-reset', { email: email.toUpperCase() });
    const unknown = await new TestClient(testApp.app, '10.60.0.1').post('/api/auth/password-reset', { email: 'ingen@example.se' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual({});
    expect(unknown.body).toBe(known.body);
    expect(await resetEmailsTo('ingen@example.se')).toEqual([]);

    const token = await resetTokenFor(email);
    const rows = await testApp.database.db.selectFrom('password_reset_tokens').select(['token_hash', 'expires_at', 'created_at']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    // 30 minutes.
    expect(rows[0]!.expires_at.getTime() - rows[0]!.created_at.getTime()).toBeCloseTo(30 * 60_000, -3);
  });

  it('sends at most 3 e-mails an hour to one address, and answers the same past the limit', async () => {
    const { email } = await signUpUser(testApp.app);
    const answers: string[] = [];
    for (let request = 0; request < 5; request += 1) {
      const response = await new TestClient(testApp.app, `10.61.0.${request}`).post('/api/auth/password-reset', { email });
      answers.push(`${response.statusCode} ${response.body}`);
    }
    expect(answers).toEqual(Array(5).fill('202 {}'));
    expect(await resetEmailsTo(email)).toHaveLength(3);
  });

  it('sends nothing more to anyone once one client has made 10 requests in the hour', async () => {
    const { email } = await signUpUser(testApp.app);
    const client = new TestClient(testApp.app, '10.62.0.1');
    for (let request = 0; request < 10; request += 1) {
      expect((await client.post('/api/auth/password-reset', { email: `okand${request}@example.se` })).statusCode).toBe(202);
    }
    const past = await client.post('/api/auth/password-reset', { email });
    expect(past.statusCode).toBe(202);
    expect(past.json()).toEqual({});
    expect(await resetEmailsTo(email)).toEqual([]);
    // Another client still can.
    await new TestClient(testApp.app, '10.62.0.2').post('/api/auth/password-reset', { email });
    expect(await resetEmailsTo(email)).toHaveLength(1);
  });

  it('refuses a malformed address with the validation shape', async () => {
    const response = await new TestClient(testApp.app, '10.63.0.1').post('/api/auth/password-reset', { email: 'inte en adress' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation');
    expect(response.json().error.fieldCodes).toEqual({ email: expect.any(String) });
  });
});

describe('POST /api/auth/password-reset/confirm', () => {
  it('sets the new password, ends every session of the user, and works only once', async () => {
    const { client, email, password, userId } = await signUpUser(testApp.app);
    const laptop = new TestClient(testApp.app, '10.64.0.2');
    expect((await laptop.post('/api/auth/login', { email, password })).statusCode).toBe(200);
    await new TestClient(testApp.app, '10.64.0.1').post('/api/auth/password-reset', { email });
    const token = await resetTokenFor(email);

    // Confirmed from the signed-in browser itself: it is signed out as well.
    const confirmed = await client.post('/api/auth/password-reset/confirm', { token, password: 'ett helt nytt lösenord' });
    expect(confirmed.statusCode).toBe(204);
    expect(client.cookie).toBeUndefined();
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(401);
    expect(await testApp.database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).toEqual([]);

    const again = await new TestClient(testApp.app, '10.64.0.3').post('/api/auth/password-reset/confirm', { token, password: 'ännu ett nytt lösenord' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');

    expect((await new TestClient(testApp.app, '10.64.0.4').post('/api/auth/login', { email, password })).statusCode).toBe(401);
    expect((await new TestClient(testApp.app, '10.64.0.5').post('/api/auth/login', { email, password: 'ett helt nytt lösenord' })).statusCode).toBe(200);
    const events = await testApp.database.db.selectFrom('audit_events').select('event').where('user_id', '=', userId).execute();
    expect(events.map((row) => row.event)).toEqual(expect.arrayContaining(['password.reset_requested', 'password.reset']));
  });

  it('answers 400 invalid_token to an unknown and an expired token, and voids older links once one is used', async () => {
    const { email } = await signUpUser(testApp.app);
    const body = { password: 'ett helt nytt lösenord' };
    const unknown = await new TestClient(testApp.app, '10.65.0.1').post('/api/auth/password-reset/confirm', { ...body, token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ error: { code: 'invalid_token', message: expect.any(String) } });

    await new TestClient(testApp.app, '10.65.0.2').post('/api/auth/password-reset', { email });
    const expired = await resetTokenFor(email);
    await testApp.database.db
      .updateTable('password_reset_tokens')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('token_hash', '=', createHash('sha256').update(expired).digest('hex'))
      .execute();
    const late = await new TestClient(testApp.app, '10.65.0.3').post('/api/auth/password-reset/confirm', { ...body, token: expired });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('invalid_token');

    await new TestClient(testApp.app, '10.65.0.4').post('/api/auth/password-reset', { email });
    const older = await resetTokenFor(email);
    await new TestClient(testApp.app, '10.65.0.5').post('/api/auth/password-reset', { email });
    const newer = await resetTokenFor(email);
    expect((await new TestClient(testApp.app, '10.65.0.6').post('/api/auth/password-reset/confirm', { ...body, token: newer })).statusCode).toBe(204);
    const void_ = await new TestClient(testApp.app, '10.65.0.7').post('/api/auth/password-reset/confirm', { ...body, token: older });
    expect(void_.json().error.code).toBe('invalid_token');
  });

  it('applies the password policy, and the link still works after a refused password', async () => {
    const { email } = await signUpUser(testApp.app);
    await new TestClient(testApp.app, '10.66.0.1').post('/api/auth/password-reset', { email });
    const token = await resetTokenFor(email);
    const client = new TestClient(testApp.app, '10.66.0.2');
    const short = await client.post('/api/auth/password-reset/confirm', { token, password: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'validation', fieldCodes: { password: 'password.too_short' } });
    const common = await client.post('/api/auth/password-reset/confirm', { token, password: 'Password123' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({ code: 'validation', fieldCodes: { password: 'password.common' } });
    expect((await client.post('/api/auth/password-reset/confirm', { token, password: 'ett helt nytt lösenord' })).statusCode).toBe(204);
  });

  it('throttles token guessing: 10 attempts a minute per client, then 429', async () => {
    const guesser = new TestClient(testApp.app, '10.67.0.1');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const token = createHash('sha256').update(String(attempt)).digest('base64url');
      statuses.push((await guesser.post('/api/auth/password-reset/confirm', { token, password: 'ett helt nytt lösenord' })).statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    // A real link from the same client is refused too until the minute has passed; another client's is not.
    const { email } = await signUpUser(testApp.app);
    await new TestClient(testApp.app, '10.67.0.2').post('/api/auth/password-reset', { email });
    const token = await resetTokenFor(email);
    expect((await guesser.post('/api/auth/password-reset/confirm', { token, password: 'ett helt nytt lösenord' })).statusCode).toBe(429);
    expect(
      (await new TestClient(testApp.app, '10.67.0.3').post('/api/auth/password-reset/confirm', { token, password: 'ett helt nytt lösenord' })).statusCode,
    ).toBe(204);
  });
});
