import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

describe('signup → login → me → logout', () => {
  it('creates the user, account and admin membership, and signs in', async () => {
    const client = new TestClient(testApp.app);
    const signup = await client.post('/api/auth/signup', {
      email: '  Anna.Berg@Example.SE ',
      password: 'tvättstuga på taket',
      name: 'Anna Berg',
      accountName: 'Brf Eken',
    });
    expect(signup.statusCode).toBe(201);
    const body = signup.json();
    expect(body.user).toEqual({ id: expect.any(String), email: 'anna.berg@example.se', name: 'Anna Berg' });
    expect(body.account).toEqual({ id: expect.any(String), name: 'Brf Eken' });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(Object.keys(body.user)).not.toContain('passwordHash');

    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      // No second factor until the user sets one up.
      user: { ...body.user, twoFactor: { totp: false, passkeys: 0, recoveryCodesLeft: 0 } },
      memberships: [{ accountId: body.account.id, accountName: 'Brf Eken', role: 'admin', propertyIds: null, via: 'member' }],
      // The first user of this (fresh) installation is its operator.
      isOperator: true,
      // Amounts display-rounded and excluding VAT until the user chooses otherwise.
      displayPreferences: { vat: 'excl', isRounded: true },
    });

    const logout = await client.post('/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);

    const login = await client.post('/api/auth/login', { email: 'anna.berg@example.se', password: 'tvättstuga på taket' });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toEqual(body.user);
    expect((await client.get('/api/auth/me')).json().user.email).toBe('anna.berg@example.se');
  });

  it('stores a bcrypt hash of cost 12', async () => {
    const { userId } = await signUpUser(testApp.app);
    const row = await testApp.database.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
  });

  it('sets a __Host- session cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
    const client = new TestClient(testApp.app);
    const response = await client.post('/api/auth/signup', { email: 'cookie@example.se', password: 'a long enough passphrase', name: 'C', accountName: 'A' });
    const cookie = response.cookies.find((item) => item.name.startsWith('__Host-'));
    expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(cookie?.domain).toBeUndefined();
  });

  it('rejects a taken e-mail address with 409', async () => {
    const { email } = await signUpUser(testApp.app);
    const response = await new TestClient(testApp.app).post('/api/auth/signup', { email, password: 'another long passphrase', name: 'X', accountName: 'Y' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', fieldCodes: { email: 'email.taken' } });
  });
});

describe('display preferences', () => {
  const path = '/api/auth/display-preferences';

  it('are the user’s own: changed in one session, read in every other, and nobody else’s', async () => {
    const anna = await signUpUser(testApp.app);
    const bertil = await signUpUser(testApp.app);
    expect((await anna.client.get('/api/auth/me')).json().displayPreferences).toEqual({ vat: 'excl', isRounded: true });

    const exact = await anna.client.patch(path, { isRounded: false });
    expect(exact.statusCode).toBe(200);
    expect(exact.json()).toEqual({ vat: 'excl', isRounded: false });
    // One choice at a time: the other stays.
    expect((await anna.client.patch(path, { vat: 'incl' })).json()).toEqual({ vat: 'incl', isRounded: false });

    // Another device: a new session of the same user gets the same choices.
    const otherDevice = new TestClient(testApp.app, '10.20.0.2');
    expect((await otherDevice.post('/api/auth/login', { email: anna.email, password: anna.password })).statusCode).toBe(200);
    expect((await otherDevice.get('/api/auth/me')).json().displayPreferences).toEqual({ vat: 'incl', isRounded: false });

    // Another user, in another account, keeps the defaults, and cannot reach Anna's: the route has
    // no id, it always acts on the caller's own user.
    expect((await bertil.client.get('/api/auth/me')).json().displayPreferences).toEqual({ vat: 'excl', isRounded: true });
    expect((await bertil.client.patch(path, { isRounded: false, vat: 'excl' })).json()).toEqual({ vat: 'excl', isRounded: false });
    expect((await otherDevice.get('/api/auth/me')).json().displayPreferences).toEqual({ vat: 'incl', isRounded: false });
    const rows = await testApp.database.db
      .selectFrom('users')
      .select(['id', 'display_vat', 'display_rounded'])
      .where('id', 'in', [anna.userId, bertil.userId])
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: anna.userId, display_vat: 'incl', display_rounded: false },
        { id: bertil.userId, display_vat: 'excl', display_rounded: false },
      ]),
    );
  });

  it('answers 401 without a session and 403 without the CSRF token, and changes nothing', async () => {
    const anna = await signUpUser(testApp.app);
    const anonymous = new TestClient(testApp.app);
    await anonymous.get('/api/auth/csrf');
    const unauthenticated = await anonymous.patch(path, { isRounded: false });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.json().error.code).toBe('unauthenticated');

    const forged = new TestClient(testApp.app);
    forged.cookie = anna.client.cookie;
    const withoutToken = await forged.patch(path, { isRounded: false });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf');
    expect((await anna.client.get('/api/auth/me')).json().displayPreferences).toEqual({ vat: 'excl', isRounded: true });
  });

  it('refuses an empty change, unknown fields and wrong values with field codes', async () => {
    const { client } = await signUpUser(testApp.app);
    const cases: [unknown, Record<string, string>][] = [
      [{}, { _: 'preferences.no_change' }],
      [{ isRounded: 'yes' }, { isRounded: 'field.invalid' }],
      [{ vat: 'both' }, { vat: 'vat.invalid' }],
      [{ isRounded: true, theme: 'dark' }, { theme: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const response = await client.patch(path, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fieldCodes).toEqual(fieldCodes);
    }
    expect((await client.get('/api/auth/me')).json().displayPreferences).toEqual({ vat: 'excl', isRounded: true });
  });
});

describe('password rules', () => {
  it('rejects a 73-byte password with a clear 400 and creates nothing', async () => {
    const password = 'å'.repeat(36) + 'x'; // 36 × 2 bytes + 1 = 73 bytes, 37 characters
    const response = await new TestClient(testApp.app).post(
      '/api/auth/signup',
      { email: 'long@example.se', password, name: 'L', accountName: 'A' },
      { 'accept-language': 'sv' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation',
      message: 'Invalid input',
      fieldCodes: { password: 'password.too_long' },
      fields: { password: 'Lösenordet får vara högst 72 byte (färre tecken om du använder å, ä, ö eller symboler).' },
    });
    const count = await testApp.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('email', '=', 'long@example.se')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('accepts exactly 72 bytes', async () => {
    const response = await new TestClient(testApp.app).post('/api/auth/signup', {
      email: 'exact@example.se',
      password: 'å'.repeat(36),
      name: 'E',
      accountName: 'A',
    });
    expect(response.statusCode).toBe(201);
  });

  it('rejects short and common passwords with field messages in English by default', async () => {
    const short = await new TestClient(testApp.app).post('/api/auth/signup', { email: 's@example.se', password: 'kort', name: 'S', accountName: 'A' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual({ password: 'The password must have at least 10 characters.' });
    const common = await new TestClient(testApp.app).post('/api/auth/signup', { email: 'c@example.se', password: 'Password123', name: 'C', accountName: 'A' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fieldCodes).toEqual({ password: 'password.common' });
  });
});

/** The default rules with short delays, so a test can fail many sign-ins quickly. */
const quickThrottle = {
  delayAfterFailures: 5,
  lockAfterFailures: 10,
  windowMs: 900_000,
  lockMs: 900_000,
  baseDelayMs: 1,
  maxDelayMs: 4,
  accountDelayAfterFailures: 10,
  accountMaxDelayMs: 4,
};

describe('sign-in failures', () => {
  it('answers a wrong password and an unknown e-mail identically', async () => {
    const { email } = await signUpUser(testApp.app);
    const wrong = await new TestClient(testApp.app, '10.0.0.1').post('/api/auth/login', { email, password: 'not the password at all' });
    const unknown = await new TestClient(testApp.app, '10.0.0.1').post('/api/auth/login', { email: 'nobody@example.se', password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong e-mail address or password' } });
  });

  it('answers 429 after 30 attempts a minute from one IP', async () => {
    const client = new TestClient(testApp.app, '10.0.0.30');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      // Different addresses, so the per-address delay and lock stay out of the way.
      statuses.push((await client.post('/api/auth/login', { email: `ip${attempt}@example.se`, password: 'whatever password' })).statusCode);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
    // 31 bcrypt comparisons in a row (cost 12, decoys included): on a busy 2-core machine that
    // can take longer than the default 30 s. The limit only guards against a hang.
  }, 120_000);

  it('locks an address after 10 failures for the failing client only, for existing and unknown addresses alike', async () => {
    const accountMaxDelayMs = 400;
    const fast = await createTestApp({ loginThrottle: { ...quickThrottle, accountMaxDelayMs } });
    try {
      const { email, password } = await signUpUser(fast.app);
      const outcomes: Record<string, { attacker: number[]; spread: number[]; other: number }> = {};
      for (const address of [email, 'ghost@example.se']) {
        // Client A guesses until it is locked out.
        const attacker = new TestClient(fast.app, '10.1.0.1');
        const fromAttacker: number[] = [];
        for (let attempt = 0; attempt < 11; attempt += 1) {
          fromAttacker.push((await attacker.post('/api/auth/login', { email: address, password: 'wrong password here' })).statusCode);
        }
        // Ten more clients, one guess each: the account-wide count grows, but never locks.
        const spread: number[] = [];
        for (let client = 0; client < 10; client += 1) {
          const guesser = new TestClient(fast.app, `10.3.${client}.1`);
          spread.push((await guesser.post('/api/auth/login', { email: address, password: 'wrong password here' })).statusCode);
        }
        const other = await new TestClient(fast.app, '10.2.0.9').post('/api/auth/login', { email: address, password: 'wrong password here' });
        outcomes[address] = { attacker: fromAttacker, spread, other: other.statusCode };
      }
      expect(outcomes[email]).toEqual({ attacker: [...Array(10).fill(401), 429], spread: Array(10).fill(401), other: 401 });
      expect(outcomes['ghost@example.se']).toEqual(outcomes[email]);

      // The owner, from another network, signs in with the right password: delayed, never refused.
      const startedAt = Date.now();
      const owner = await new TestClient(fast.app, '10.2.0.1').post('/api/auth/login', { email, password });
      const elapsedMs = Date.now() - startedAt;
      expect(owner.statusCode).toBe(200);
      expect(owner.json().user.email).toBe(email);
      expect(elapsedMs).toBeGreaterThanOrEqual(accountMaxDelayMs);
      // The delay bound plus one bcrypt comparison and a loaded test machine's slack.
      expect(elapsedMs).toBeLessThan(accountMaxDelayMs + 3_000);

      // Client A stays locked out, even with the right password.
      const locked = await new TestClient(fast.app, '10.1.0.1').post('/api/auth/login', { email, password });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('locked');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    } finally {
      await fast.close();
    }
    // 45 sequential bcrypt comparisons: the same hang guard as above.
  }, 180_000);

  it('delays every client once the address has many failures, but by no more than the account-wide bound', async () => {
    const fast = await createTestApp({ loginThrottle: { ...quickThrottle, baseDelayMs: 100, maxDelayMs: 100, accountMaxDelayMs: 300 } });
    try {
      const { email, password } = await signUpUser(fast.app);
      for (let client = 0; client < 12; client += 1) {
        await new TestClient(fast.app, `10.4.${client}.1`).post('/api/auth/login', { email, password: 'wrong password here' });
      }
      const startedAt = Date.now();
      const owner = await new TestClient(fast.app, '10.4.99.1').post('/api/auth/login', { email, password });
      expect(owner.statusCode).toBe(200);
      // 12 failures: 100 ms × 2^(12 − 10) = 400 ms, capped at 300 ms.
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
    } finally {
      await fast.close();
    }
  }, 120_000);
});

describe('CSRF', () => {
  it('refuses an unsafe request that has the session cookie but no or a wrong token', async () => {
    const { client } = await signUpUser(testApp.app);
    const token = client.csrfToken;
    client.csrfToken = undefined;
    const missing = await client.post('/api/auth/logout');
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf');
    client.csrfToken = `${token}x`;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(403);
    client.csrfToken = token;
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('hands out a token for an anonymous session', async () => {
    const client = new TestClient(testApp.app);
    const response = await client.get('/api/auth/csrf');
    expect(response.statusCode).toBe(200);
    expect(response.json().csrfToken).toEqual(expect.any(String));
  });
});

describe('sessions', () => {
  it('gives a new session id at login (no fixation)', async () => {
    const { email, password } = await signUpUser(testApp.app);
    // Someone else signed in on the same browser: a client that is not signed in has no session
    // to carry over (anonymous-requests.test.ts).
    const { client } = await signUpUser(testApp.app);
    await client.get('/api/auth/csrf');
    const before = client.cookie;
    expect(before).toBeDefined();
    await client.post('/api/auth/login', { email, password });
    expect(client.cookie).toBeDefined();
    expect(client.cookie).not.toBe(before);
  });

  it('revokes the other sessions when the password changes', async () => {
    const { client, email, password } = await signUpUser(testApp.app);
    const other = new TestClient(testApp.app);
    await other.post('/api/auth/login', { email, password });
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);

    const wrong = await client.post('/api/auth/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fieldCodes).toEqual({ currentPassword: 'password.wrong' });

    const changed = await client.post('/api/auth/password', { currentPassword: password, newPassword: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(204);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const relogin = await new TestClient(testApp.app).post('/api/auth/login', { email, password: 'a brand new passphrase' });
    expect(relogin.statusCode).toBe(200);
  });
});
