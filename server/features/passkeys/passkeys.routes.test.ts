import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SoftwareAuthenticator } from '../../test-support/software-authenticator.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

type User = Awaited<ReturnType<typeof signUpUser>>;

/** A signed-up user who has registered one passkey on a software authenticator of their own. */
async function userWithPasskey(name = 'Telefon') {
  const user = await signUpUser(testApp.app);
  const authenticator = new SoftwareAuthenticator(testApp.config.publicUrl);
  const passkey = await registerPasskey(user, authenticator, name);
  return { ...user, authenticator, passkey };
}

async function registerPasskey(user: User, authenticator: SoftwareAuthenticator, name: string) {
  const options = await user.client.post('/api/auth/passkeys/registration/options');
  expect(options.statusCode).toBe(200);
  const { response } = authenticator.register(options.json().options);
  const verify = await user.client.post('/api/auth/passkeys/registration/verify', { name, response });
  expect(verify.statusCode, verify.body).toBe(201);
  return verify.json() as { id: string; name: string };
}

/** A new client past the password step of `user`, with the passkey options of the second step. */
async function passwordStep(user: { email: string; password: string }) {
  const client = new TestClient(testApp.app);
  const login = await client.post('/api/auth/login', { email: user.email, password: user.password });
  return { client, login };
}

async function secondStepOptions(client: TestClient) {
  const response = await client.post('/api/auth/passkeys/second-factor/options');
  expect(response.statusCode).toBe(200);
  return response.json().options;
}

/** The stored session of `client`'s cookie (signed `<id>.<signature>`). */
async function findSessionExpiry(client: TestClient) {
  const sessionId = decodeURIComponent(client.cookie ?? '').split('.')[0] ?? '';
  return testApp.database.db.selectFrom('sessions').select(['user_id', 'expires_at']).where('id', '=', sessionId).executeTakeFirstOrThrow();
}

describe('registering a passkey', () => {
  it('makes options for the signed-in user, verifies the answer and lists the named passkey', async () => {
    const user = await signUpUser(testApp.app);
    const authenticator = new SoftwareAuthenticator(testApp.config.publicUrl);
    const response = await user.client.post('/api/auth/passkeys/registration/options');
    expect(response.statusCode).toBe(200);
    const { options } = response.json();
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'Kvarter' },
      user: { name: user.email, displayName: user.name },
      attestation: 'none',
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    const { response: answer } = authenticator.register(options);
    const verify = await user.client.post('/api/auth/passkeys/registration/verify', { name: '  Telefon  ', response: answer });
    expect(verify.statusCode).toBe(201);
    expect(verify.json()).toEqual({ id: expect.any(String), name: 'Telefon', createdAt: expect.any(String), lastUsedAt: null });
    expect((await user.client.get('/api/auth/passkeys')).json()).toEqual([verify.json()]);
    expect((await user.client.get('/api/auth/me')).json().user.twoFactor).toEqual({ totp: false, passkeys: 1, recoveryCodesLeft: 0 });

    // A second one, named apart; the first is excluded from its options so it is not made twice.
    const second = await user.client.post('/api/auth/passkeys/registration/options');
    expect(second.json().options.excludeCredentials).toEqual([{ id: answer.id, transports: ['internal'], type: 'public-key' }]);
    const laptop = await user.client.post('/api/auth/passkeys/registration/verify', {
      name: 'Jobbdatorn',
      response: authenticator.register(second.json().options).response,
    });
    expect(laptop.statusCode).toBe(201);
    expect(((await user.client.get('/api/auth/passkeys')).json() as { name: string }[]).map((item) => item.name)).toEqual(['Telefon', 'Jobbdatorn']);
    expect((await user.client.get('/api/auth/me')).json().user.twoFactor.passkeys).toBe(2);
  });

  it('refuses an answer without options, a replayed answer, a wrong origin and a bad name with 400', async () => {
    const user = await signUpUser(testApp.app);
    const authenticator = new SoftwareAuthenticator(testApp.config.publicUrl);
    const options = (await user.client.post('/api/auth/passkeys/registration/options')).json().options;
    const { response } = authenticator.register(options);
    const badName = await user.client.post('/api/auth/passkeys/registration/verify', { name: 'x'.repeat(121), response });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.fieldCodes).toEqual({ name: 'name.too_long' });
    expect((await user.client.post('/api/auth/passkeys/registration/verify', { name: 'Telefon', response })).statusCode).toBe(201);
    const replayed = await user.client.post('/api/auth/passkeys/registration/verify', { name: 'Igen', response });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.fieldCodes).toEqual({ response: 'passkey.not_verified' });

    const elsewhere = new SoftwareAuthenticator('https://evil.example');
    const next = (await user.client.post('/api/auth/passkeys/registration/options')).json().options;
    expect((await user.client.post('/api/auth/passkeys/registration/verify', { name: 'Falsk', response: elsewhere.register(next).response })).statusCode).toBe(
      400,
    );
    const malformed = await user.client.post('/api/auth/passkeys/registration/verify', { name: 'Trasig', response: { id: 'not base64!' } });
    expect(malformed.statusCode).toBe(400);
    expect((await user.client.get('/api/auth/passkeys')).json()).toHaveLength(1);
  });

  it('needs a signed-in user (401)', async () => {
    const client = new TestClient(testApp.app);
    expect((await client.get('/api/auth/passkeys')).statusCode).toBe(401);
    expect((await client.post('/api/auth/passkeys/registration/options')).statusCode).toBe(401);
  });
});

describe('a passkey as the second factor', () => {
  it('stops after the password with methods ["passkey"], and the passkey finishes the sign-in', async () => {
    const user = await userWithPasskey();
    const { client, login } = await passwordStep(user);
    expect(login.json()).toEqual({ twoFactorRequired: true, methods: ['passkey'], csrfToken: expect.any(String) });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const options = await secondStepOptions(client);
    expect(options.allowCredentials).toEqual([{ id: user.authenticator.assert({ challenge: 'AAAA' }).id, transports: ['internal'], type: 'public-key' }]);
    expect(options.userVerification).toBe('preferred');
    const cookieBefore = client.cookie;
    const verify = await client.post('/api/auth/passkeys/second-factor/verify', { response: user.authenticator.assert(options) });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toEqual({ user: { id: user.userId, email: user.email, name: user.name }, csrfToken: expect.any(String) });
    expect(client.cookie).not.toBe(cookieBefore);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const listed = (await client.get('/api/auth/passkeys')).json() as { lastUsedAt: string | null }[];
    expect(listed[0]?.lastUsedAt).toEqual(expect.any(String));
  });

  it('needs the password first: options and verify without a pending sign-in are 401', async () => {
    const user = await userWithPasskey();
    const client = new TestClient(testApp.app);
    expect((await client.post('/api/auth/passkeys/second-factor/options')).statusCode).toBe(401);
    const forged = user.authenticator.assert({ challenge: 'AAAA', rpId: 'localhost' });
    expect((await client.post('/api/auth/passkeys/second-factor/verify', { response: forged })).statusCode).toBe(401);
  });

  it('refuses a replayed answer and a counter that did not go up', async () => {
    const user = await userWithPasskey();
    const first = await passwordStep(user);
    const answer = user.authenticator.assert(await secondStepOptions(first.client));
    expect((await first.client.post('/api/auth/passkeys/second-factor/verify', { response: answer })).statusCode).toBe(200);

    // The same answer in a new sign-in: its challenge is not the one asked for.
    const second = await passwordStep(user);
    await secondStepOptions(second.client);
    const replayed = await second.client.post('/api/auth/passkeys/second-factor/verify', { response: answer });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('invalid_credentials');

    // A fresh challenge signed with an old counter: a cloned authenticator.
    const cloned = user.authenticator.assert(await secondStepOptions(second.client), { signCount: 1 });
    expect((await second.client.post('/api/auth/passkeys/second-factor/verify', { response: cloned })).statusCode).toBe(401);
    const honest = user.authenticator.assert(await secondStepOptions(second.client), { signCount: 5 });
    expect((await second.client.post('/api/auth/passkeys/second-factor/verify', { response: honest })).statusCode).toBe(200);
  });

  it("refuses another user's passkey and counts it toward the same lock: 429 after 5 wrong answers", async () => {
    const user = await userWithPasskey();
    const stranger = await userWithPasskey();
    const { client } = await passwordStep(user);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const options = await secondStepOptions(client);
      const wrong = await client.post('/api/auth/passkeys/second-factor/verify', {
        response: stranger.authenticator.assert({ ...options, allowCredentials: undefined }),
      });
      expect(wrong.statusCode, `attempt ${attempt}`).toBe(401);
    }
    const options = await secondStepOptions(client);
    const right = await client.post('/api/auth/passkeys/second-factor/verify', { response: user.authenticator.assert(options) });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('locked');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    // The stranger's passkey was not touched by the attempts.
    const strangerKeys = (await stranger.client.get('/api/auth/passkeys')).json() as { lastUsedAt: string | null }[];
    expect(strangerKeys[0]?.lastUsedAt).toBeNull();
  });
});

describe('signing in with a passkey, without a password', () => {
  it('asks for user verification with no user named, and signs in', async () => {
    const user = await userWithPasskey();
    const client = new TestClient(testApp.app, '10.40.0.1');
    const response = await client.post('/api/auth/passkeys/sign-in/options');
    expect(response.statusCode).toBe(200);
    const { options, csrfToken } = response.json();
    expect(csrfToken).toEqual(expect.any(String));
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials).toBeUndefined();
    // The session that holds the challenge is anonymous and ends with it, after five minutes.
    const challengeSession = await findSessionExpiry(client);
    expect(challengeSession.user_id).toBeNull();
    expect(challengeSession.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const verify = await client.post('/api/auth/passkeys/sign-in/verify', { response: user.authenticator.assert(options) });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toEqual({ user: { id: user.userId, email: user.email, name: user.name }, csrfToken: expect.any(String) });
    const signedIn = await findSessionExpiry(client);
    expect(signedIn.user_id).toBe(user.userId);
    expect(signedIn.expires_at.getTime() - Date.now()).toBeGreaterThan(testApp.config.sessionIdleMs - 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    // The answer once more is refused: its challenge is gone with the sign-in.
    expect((await client.post('/api/auth/passkeys/sign-in/verify', { response: user.authenticator.assert(options) })).statusCode).toBe(401);
  });

  it('leaves the usual session lifetime to a password sign-in that follows the passkey options', async () => {
    const user = await signUpUser(testApp.app);
    const client = new TestClient(testApp.app, '10.40.0.5');
    expect((await client.post('/api/auth/passkeys/sign-in/options')).statusCode).toBe(200);
    expect((await client.post('/api/auth/login', { email: user.email, password: user.password })).statusCode).toBe(200);
    const signedIn = await findSessionExpiry(client);
    expect(signedIn.user_id).toBe(user.userId);
    expect(signedIn.expires_at.getTime() - Date.now()).toBeGreaterThan(testApp.config.sessionIdleMs - 60_000);
  });

  it('answers an unknown credential, no user verification, another user handle and a forged signature with the same 401', async () => {
    const user = await userWithPasskey();
    const unknown = new SoftwareAuthenticator(testApp.config.publicUrl);
    unknown.register({ challenge: 'AAAA', rp: { id: 'localhost' }, user: { id: 'bm9ib2R5' } });
    const bodies: unknown[] = [];
    for (const make of [
      (options: { challenge: string }) => unknown.assert(options),
      (options: { challenge: string }) => user.authenticator.assert(options, { userVerified: false }),
      (options: { challenge: string }) => {
        const answer = user.authenticator.assert(options);
        return { ...answer, response: { ...answer.response, userHandle: 'c29tZW9uZS1lbHNl' } };
      },
      (options: { challenge: string }) => {
        const answer = user.authenticator.assert(options);
        return { ...answer, response: { ...answer.response, signature: unknown.assert(options).response.signature } };
      },
    ]) {
      const client = new TestClient(testApp.app, '10.40.0.2');
      const { options } = (await client.post('/api/auth/passkeys/sign-in/options')).json();
      const response = await client.post('/api/auth/passkeys/sign-in/verify', { response: make(options) });
      expect(response.statusCode).toBe(401);
      bodies.push(response.json());
      expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    }
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
  });

  it('counts as two factors for an account that requires them', async () => {
    const admin = await userWithPasskey();
    expect((await admin.client.patch(`/api/accounts/${admin.accountId}`, { requireTwoFactor: true })).statusCode).toBe(200);
    const client = new TestClient(testApp.app, '10.40.0.3');
    const { options } = (await client.post('/api/auth/passkeys/sign-in/options')).json();
    expect((await client.post('/api/auth/passkeys/sign-in/verify', { response: admin.authenticator.assert(options) })).statusCode).toBe(200);
    expect((await client.get(`/api/accounts/${admin.accountId}/members`)).statusCode).toBe(200);
  });

  it('is throttled per client address like the password sign-in', async () => {
    const client = new TestClient(testApp.app, '10.40.0.9');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) statuses.push((await client.post('/api/auth/passkeys/sign-in/options')).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('removing a passkey', () => {
  it("removes the caller's own, answers 404 for another user's, and the sign-in needs only the password again", async () => {
    const user = await userWithPasskey();
    const stranger = await userWithPasskey();
    expect((await stranger.client.delete(`/api/auth/passkeys/${user.passkey.id}`)).statusCode).toBe(404);
    expect((await stranger.client.delete('/api/auth/passkeys/not-an-id')).statusCode).toBe(404);
    expect((await user.client.get('/api/auth/passkeys')).json()).toHaveLength(1);

    expect((await user.client.delete(`/api/auth/passkeys/${user.passkey.id}`)).statusCode).toBe(204);
    expect((await user.client.get('/api/auth/passkeys')).json()).toEqual([]);
    expect((await user.client.get('/api/auth/me')).json().user.twoFactor.passkeys).toBe(0);
    const { login } = await passwordStep(user);
    expect(login.json()).toMatchObject({ user: { id: user.userId } });

    // A removed passkey no longer signs anyone in.
    const client = new TestClient(testApp.app, '10.40.0.4');
    const { options } = (await client.post('/api/auth/passkeys/sign-in/options')).json();
    expect((await client.post('/api/auth/passkeys/sign-in/verify', { response: user.authenticator.assert(options) })).statusCode).toBe(401);
  });
});
