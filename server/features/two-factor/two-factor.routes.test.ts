import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';
import { awaitTotpStepStart, totpCodeAt } from '../../test-support/totp-test-codes.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

/** A signed-up user who has turned TOTP on; returns the secret and the recovery codes. */
async function userWithTotp() {
  const user = await signUpUser(testApp.app);
  const setup = await user.client.post('/api/auth/totp/setup');
  const { secret } = setup.json() as { secret: string };
  await awaitTotpStepStart();
  const enable = await user.client.post('/api/auth/totp/enable', { code: await totpCodeAt(secret, 0) });
  expect(enable.statusCode).toBe(200);
  return { ...user, secret, recoveryCodes: (enable.json() as { recoveryCodes: string[] }).recoveryCodes };
}

/** A new client past the password step of `user`. */
async function passwordStep(user: { email: string; password: string }) {
  const client = new TestClient(testApp.app);
  const login = await client.post('/api/auth/login', { email: user.email, password: user.password });
  return { client, login };
}

describe('TOTP set-up', () => {
  it('answers a base32 secret and its otpauth URI, and turns on with a code from it', async () => {
    const user = await signUpUser(testApp.app);
    const setup = await user.client.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json() as { secret: string; otpauthUri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Kvarter:${user.email}`);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Kvarter');

    // Pending until enabled: me still says off, and sign-in needs only the password.
    expect((await user.client.get('/api/auth/me')).json().user.twoFactor).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });

    await awaitTotpStepStart();
    const enable = await user.client.post('/api/auth/totp/enable', { code: await totpCodeAt(secret, 0) });
    expect(enable.statusCode).toBe(200);
    const { recoveryCodes } = enable.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect((await user.client.get('/api/auth/me')).json().user.twoFactor).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 10 });
  });

  it('keeps the secret sealed and the recovery codes only as SHA-256 hashes', async () => {
    const user = await userWithTotp();
    const stored = await testApp.database.db
      .selectFrom('totp_authenticators')
      .select('sealed_secret')
      .where('user_id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(stored.sealed_secret).toMatch(/^v1\./);
    expect(stored.sealed_secret).not.toContain(user.secret);
    const hashes = await testApp.database.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.userId).execute();
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) expect(code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes.map((row) => row.code_hash)).not.toContain(user.recoveryCodes[0]);
  });

  it('refuses a wrong code with 400 and a code outside the ±1 step window', async () => {
    const user = await signUpUser(testApp.app);
    const { secret } = (await user.client.post('/api/auth/totp/setup')).json() as { secret: string };
    await awaitTotpStepStart();
    const tooOld = await user.client.post('/api/auth/totp/enable', { code: await totpCodeAt(secret, -2) });
    expect(tooOld.statusCode).toBe(400);
    expect(tooOld.json().error).toMatchObject({ code: 'validation', fieldCodes: { code: 'two_factor.code_wrong' } });
    const malformed = await user.client.post('/api/auth/totp/enable', { code: '12a456' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fieldCodes).toEqual({ code: 'two_factor.code_invalid' });
    // One step behind is accepted (a phone clock a little slow).
    expect((await user.client.post('/api/auth/totp/enable', { code: await totpCodeAt(secret, -1) })).statusCode).toBe(200);
  });

  it('refuses a second set-up while TOTP is on (409) and needs a signed-in user (401)', async () => {
    const user = await userWithTotp();
    expect((await user.client.post('/api/auth/totp/setup')).statusCode).toBe(409);
    expect((await new TestClient(testApp.app).post('/api/auth/totp/setup')).statusCode).toBe(401);
  });
});

describe('signing in with a second factor', () => {
  it('stops after the password: 200 with the challenge, and nothing is signed in', async () => {
    const user = await userWithTotp();
    const { client, login } = await passwordStep(user);
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ twoFactorRequired: true, methods: ['totp'], csrfToken: expect.any(String) });
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.get(`/api/accounts/${user.accountId}/members`)).statusCode).toBe(401);
    expect((await client.post('/api/auth/totp/setup')).statusCode).toBe(401);
  });

  it('signs in with a code of the next step, on a new session id, and refuses the same code again', async () => {
    const user = await userWithTotp();
    const { client, login } = await passwordStep(user);
    const pendingCookie = client.cookie;
    // The set-up used the current step; the next one is within the window.
    const code = await totpCodeAt(user.secret, 1);
    const second = await client.post('/api/auth/login/second-factor', { code });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ user: { id: user.userId, email: user.email, name: user.name }, csrfToken: expect.any(String) });
    expect(client.cookie).not.toBe(pendingCookie);
    expect(login.json().csrfToken).not.toBe(second.json().csrfToken);
    expect((await client.get('/api/auth/me')).json().user).toEqual({
      id: user.userId,
      email: user.email,
      name: user.name,
      twoFactor: { totp: true, passkeys: 0, recoveryCodesLeft: 10 },
    });

    // The same code in a new sign-in: replayed, refused.
    const again = await passwordStep(user);
    const replay = await again.client.post('/api/auth/login/second-factor', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_credentials');
    expect((await again.client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses the code the set-up just used, and any step before the last accepted one', async () => {
    const user = await userWithTotp();
    const { client } = await passwordStep(user);
    expect((await client.post('/api/auth/login/second-factor', { code: await totpCodeAt(user.secret, 0) })).statusCode).toBe(401);
    expect((await client.post('/api/auth/login/second-factor', { code: await totpCodeAt(user.secret, -1) })).statusCode).toBe(401);
    expect((await client.post('/api/auth/login/second-factor', { code: await totpCodeAt(user.secret, 2) })).statusCode).toBe(401);
  });

  it('accepts each recovery code once, in any case and with or without dashes', async () => {
    const user = await userWithTotp();
    const [first, second] = user.recoveryCodes as [string, string];
    const { client } = await passwordStep(user);
    const signedIn = await client.post('/api/auth/login/second-factor', { recoveryCode: first.toUpperCase().replace(/-/g, ' ') });
    expect(signedIn.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().user.twoFactor).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 9 });

    const again = await passwordStep(user);
    expect((await again.client.post('/api/auth/login/second-factor', { recoveryCode: first })).statusCode).toBe(401);
    expect((await again.client.post('/api/auth/login/second-factor', { recoveryCode: second })).statusCode).toBe(200);
  });

  it('answers 429 after 5 wrong answers, and starting over does not reset the count', async () => {
    const user = await userWithTotp();
    const { client } = await passwordStep(user);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await client.post('/api/auth/login/second-factor', { code: '000000' })).statusCode).toBe(401);
    }
    // A new sign-in after four wrong answers: the fifth still counts towards the same limit.
    const restart = await passwordStep(user);
    expect((await restart.client.post('/api/auth/login/second-factor', { recoveryCode: 'aaaa-aaaa-aaaa-aaaa' })).statusCode).toBe(401);
    const locked = await restart.client.post('/api/auth/login/second-factor', { code: await totpCodeAt(user.secret, 1) });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await restart.client.get('/api/auth/me')).statusCode).toBe(401);
    // The right code is refused too while the lock lasts, in any new sign-in.
    const later = await passwordStep(user);
    expect((await later.client.post('/api/auth/login/second-factor', { code: await totpCodeAt(user.secret, 1) })).statusCode).toBe(429);
  });

  it('needs the password step first (401) and validates the body (400)', async () => {
    const client = new TestClient(testApp.app);
    expect((await client.post('/api/auth/login/second-factor', { code: '123456' })).statusCode).toBe(401);
    const user = await userWithTotp();
    const { client: pending } = await passwordStep(user);
    expect((await pending.post('/api/auth/login/second-factor', {})).statusCode).toBe(400);
    expect((await pending.post('/api/auth/login/second-factor', { code: '123456', recoveryCode: 'aaaa-aaaa-aaaa-aaaa' })).statusCode).toBe(400);
  });

  it('signs in users without a second factor with the password alone, as before', async () => {
    const user = await signUpUser(testApp.app);
    const { client, login } = await passwordStep(user);
    expect(login.json()).toEqual({ user: { id: user.userId, email: user.email, name: user.name }, csrfToken: expect.any(String) });
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('turning TOTP off', () => {
  it('needs the password and a current code; then sign-in needs the password alone', async () => {
    const user = await userWithTotp();
    const wrongPassword = await user.client.post('/api/auth/totp/disable', { password: 'not the password', code: await totpCodeAt(user.secret, 1) });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error.fieldCodes).toEqual({ password: 'two_factor.password_wrong' });
    const wrongCode = await user.client.post('/api/auth/totp/disable', { password: user.password, code: await totpCodeAt(user.secret, -3) });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().error.fieldCodes).toEqual({ code: 'two_factor.code_wrong' });

    const disable = await user.client.post('/api/auth/totp/disable', { password: user.password, code: await totpCodeAt(user.secret, 1) });
    expect(disable.statusCode).toBe(204);
    expect((await user.client.get('/api/auth/me')).json().user.twoFactor).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
    const { login } = await passwordStep(user);
    expect(login.json().user.id).toBe(user.userId);
  });
});

describe('an account that requires a second factor', () => {
  it('refuses members without one with 403 two_factor_required, and answers them once they have one', async () => {
    const admin = await userWithTotp();
    const member = await signUpUser(testApp.app);
    await testApp.database.db.insertInto('memberships').values({ account_id: admin.accountId, user_id: member.userId, role: 'editor' }).execute();
    const organisations = `/api/accounts/${admin.accountId}/organisations`;
    expect((await member.client.get(organisations)).statusCode).toBe(200);

    const update = await admin.client.patch(`/api/accounts/${admin.accountId}`, { requireTwoFactor: true });
    expect(update.statusCode).toBe(200);
    expect(update.json()).toEqual({ id: admin.accountId, name: expect.any(String), requireTwoFactor: true, status: 'active', manager: null });

    const refused = await member.client.get(organisations);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('two_factor_required');
    // Every kind of route: a write, and a row addressed by its own id.
    expect((await member.client.post(organisations, { name: 'Brf Ny' })).json().error.code).toBe('two_factor_required');
    const organisation = (await admin.client.post(organisations, { name: 'Brf Eken' })).json() as { id: string };
    expect((await member.client.get(`/api/organisations/${organisation.id}`)).json().error.code).toBe('two_factor_required');
    // Their own account is not affected, and the account's settings say why.
    expect((await member.client.get(`/api/accounts/${member.accountId}/organisations`)).statusCode).toBe(200);
    const settings = await member.client.get(`/api/accounts/${admin.accountId}`);
    expect(settings.statusCode).toBe(200);
    expect(settings.json()).toEqual({ id: admin.accountId, name: expect.any(String), requireTwoFactor: true, status: 'active', manager: null });

    const { secret } = (await member.client.post('/api/auth/totp/setup')).json() as { secret: string };
    await awaitTotpStepStart();
    expect((await member.client.post('/api/auth/totp/enable', { code: await totpCodeAt(secret, 0) })).statusCode).toBe(200);
    const answered = await member.client.get(organisations);
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toEqual([organisation]);
  });

  it('cannot be switched on by an admin without a second factor (403)', async () => {
    const admin = await signUpUser(testApp.app);
    const refused = await admin.client.patch(`/api/accounts/${admin.accountId}`, { requireTwoFactor: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('two_factor_required');
    const row = await testApp.database.db.selectFrom('accounts').select('require_two_factor').where('id', '=', admin.accountId).executeTakeFirstOrThrow();
    expect(row.require_two_factor).toBe(false);
    expect((await admin.client.patch(`/api/accounts/${admin.accountId}`, { requireTwoFactor: false })).statusCode).toBe(200);
    expect((await admin.client.patch(`/api/accounts/${admin.accountId}`, { requireTwoFactor: 'yes' })).statusCode).toBe(400);
  });
});
