import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const weekMs = 7 * 24 * 3_600_000;
const password = 'en lång och ovanlig fras';

interface Admin {
  client: TestClient;
  userId: string;
  accountId: string;
  email: string;
}

let personCounter = 0;

async function signUp(name: string, accountName: string, email = `person${++personCounter}@example.se`): Promise<Admin> {
  const client = new TestClient(testApp.app);
  const response = await client.post('/api/auth/signup', { email, password: 'correct horse battery staple', name, accountName });
  expect(response.statusCode).toBe(201);
  const body = response.json() as { user: { id: string }; account: { id: string } };
  return { client, userId: body.user.id, accountId: body.account.id, email };
}

/**
 * The token routes are rate-limited per client IP (30 a minute); each anonymous visitor here
 * comes from its own address, so the tests stay clear of the limit unless they test it.
 */
let visitorCounter = 0;
const visitor = () => {
  visitorCounter += 1;
  return new TestClient(testApp.app, `10.20.${Math.floor(visitorCounter / 250)}.${(visitorCounter % 250) + 1}`);
};

/** Every token this file saw, to check none of them was stored anywhere but in the e-mail. */
const tokensSeen: string[] = [];

/** The token of the newest invitation link e-mailed to an address (read from the outbox). */
async function invitationTokenSentTo(email: string): Promise<string> {
  const row = await testApp.database.db
    .selectFrom('outbox_emails')
    .select('body')
    .where('recipient', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const links = [...row.body.matchAll(/https:\/\/localhost:8443\/invitations\/([A-Za-z0-9_-]+)/g)].map((match) => match[1]);
  const token = links[0];
  if (!token) throw new Error(`no invitation link in the e-mail to ${email}: ${row.body}`);
  tokensSeen.push(token);
  return token;
}

async function invite(admin: Admin, email: string, role: 'viewer' | 'editor' | 'admin') {
  const response = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email, role });
  expect(response.statusCode).toBe(201);
  const body = response.json();
  expect(body.status).toBe('invited');
  return {
    invitation: body.invitation as { id: string; email: string; role: string; expiresAt: string },
    token: await invitationTokenSentTo(email.trim().toLowerCase()),
  };
}

const preview = (token: string) => visitor().get(`/api/invitations/${token}`);
const listOf = async (admin: Admin) => (await admin.client.get(`/api/accounts/${admin.accountId}/members`)).json();
const userCount = async (email: string) =>
  (
    await testApp.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).n;

describe('inviting a new e-mail address', () => {
  let admin: Admin;
  beforeAll(async () => {
    admin = await signUp('Anna Admin', 'Brf Eken');
  });

  it('makes a pending invitation valid for 7 days and e-mails a single sign-up link', async () => {
    const before = Date.now();
    const response = await admin.client.post(`/api/accounts/${admin.accountId}/members`, { email: '  Nya.Person@Example.SE ', role: 'editor' });
    const after = Date.now();
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      status: 'invited',
      invitation: { id: expect.any(String), email: 'nya.person@example.se', role: 'editor', propertyIds: null, expiresAt: expect.any(String) },
    });
    const { id, expiresAt } = body.invitation as { id: string; expiresAt: string };
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(before + weekMs - 1_000);
    expect(Date.parse(expiresAt)).toBeLessThanOrEqual(after + weekMs + 1_000);

    const list = await listOf(admin);
    expect(list).toEqual({
      members: [expect.objectContaining({ userId: admin.userId, role: 'admin' })],
      invitations: [{ ...body.invitation, createdAt: expect.any(String) }],
      canSendEmail: false,
    });
    const { createdAt } = list.invitations[0] as { createdAt: string };
    expect(Date.parse(createdAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(createdAt)).toBeLessThanOrEqual(after + 1_000);

    const emails = await testApp.database.db.selectFrom('outbox_emails').select(['subject', 'body']).where('recipient', '=', 'nya.person@example.se').execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toContain(admin.email);
    expect(emails[0]?.body).toContain('"Brf Eken"');
    const token = await invitationTokenSentTo('nya.person@example.se');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the SHA-256 of the token is stored.
    const row = await testApp.database.db
      .selectFrom('invitations')
      .select(['token_hash', 'invited_by', 'accepted_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ token_hash: createHash('sha256').update(token).digest('hex'), invited_by: admin.userId, accepted_at: null });
  });

  it('shows the invited address, account and role behind a link', async () => {
    const { token } = await invite(admin, 'visning@example.se', 'viewer');
    const response = await preview(token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ email: 'visning@example.se', accountName: 'Brf Eken', role: 'viewer', propertyNames: null });
  });

  it('signs the invited person up with the invited role and signs them in; the link then stops working', async () => {
    const { invitation, token } = await invite(admin, 'ny.medlem@example.se', 'editor');
    const client = visitor();
    const response = await client.post(`/api/invitations/${token}/accept`, { name: '  Ny Medlem ', password });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      user: { id: expect.any(String), email: 'ny.medlem@example.se', name: 'Ny Medlem' },
      accountId: admin.accountId,
      csrfToken: expect.any(String),
    });
    expect(client.cookie).toBeDefined();

    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      // A new member has no second factor yet.
      user: { ...body.user, twoFactor: { totp: false, passkeys: 0, recoveryCodesLeft: 0 } },
      memberships: [{ accountId: admin.accountId, accountName: 'Brf Eken', role: 'editor', propertyIds: null, via: 'member' }],
      isOperator: false,
      // A new member starts with the defaults: amounts without VAT, rounded.
      displayPreferences: { vat: 'excl', isRounded: true },
    });
    // The returned CSRF token belongs to the new session.
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);

    const again = await visitor().post(`/api/invitations/${token}/accept`, { name: 'Någon Annan', password: 'ytterligare en fras här' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');
    expect((await preview(token)).statusCode).toBe(404);
    expect(await userCount('ny.medlem@example.se')).toBe(1);

    const list = await listOf(admin);
    expect(list.members).toContainEqual({ userId: body.user.id, email: 'ny.medlem@example.se', name: 'Ny Medlem', role: 'editor', propertyIds: null });
    expect(list.invitations.map((item: { email: string }) => item.email)).not.toContain('ny.medlem@example.se');
    // A used invitation cannot be cancelled any more.
    expect((await admin.client.delete(`/api/accounts/${admin.accountId}/invitations/${invitation.id}`)).statusCode).toBe(404);
  });

  it('lets only one of two simultaneous acceptances of a link through', async () => {
    const { token } = await invite(admin, 'samtidig@example.se', 'viewer');
    const responses = await Promise.all(['Första', 'Andra'].map((name) => visitor().post(`/api/invitations/${token}/accept`, { name, password })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 404]);
    expect(await userCount('samtidig@example.se')).toBe(1);
    const memberships = await testApp.database.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('memberships.role')
      .where('users.email', '=', 'samtidig@example.se')
      .execute();
    expect(memberships).toEqual([{ role: 'viewer' }]);
  });

  it('answers 404 for a garbage or unknown token, never 5xx', async () => {
    const tokens = ['garbage', randomBytes(32).toString('base64url'), 'x'.repeat(150), '%00', "'; drop table invitations; --"];
    for (const token of tokens) {
      const url = `/api/invitations/${encodeURIComponent(token)}`;
      const get = await visitor().get(url);
      expect(get.statusCode, token).toBe(404);
      expect(get.json().error.code).toBe('not_found');
      const accept = await visitor().post(`${url}/accept`, { name: 'Inkräktare', password });
      expect(accept.statusCode, token).toBe(404);
      expect(accept.json().error.code).toBe('not_found');
    }
    const tooLong = await visitor().get(`/api/invitations/${'y'.repeat(5_000)}`);
    expect(tooLong.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooLong.statusCode).toBeLessThan(500);
  });

  it('replaces an earlier invitation of the same address: only the newest link works', async () => {
    const first = await invite(admin, 'ombjuden@example.se', 'viewer');
    const second = await invite(admin, 'OMBJUDEN@example.se', 'admin');
    expect(second.token).not.toBe(first.token);
    expect(second.invitation.id).not.toBe(first.invitation.id);

    expect((await preview(first.token)).statusCode).toBe(404);
    expect((await visitor().post(`/api/invitations/${first.token}/accept`, { name: 'Gammal Länk', password })).statusCode).toBe(404);
    const current = await preview(second.token);
    expect(current.statusCode).toBe(200);
    expect(current.json()).toEqual({ email: 'ombjuden@example.se', accountName: 'Brf Eken', role: 'admin', propertyNames: null });

    const pending = (await listOf(admin)).invitations.filter((item: { email: string }) => item.email === 'ombjuden@example.se');
    expect(pending).toEqual([{ ...second.invitation, createdAt: expect.any(String) }]);
    const rows = await testApp.database.db.selectFrom('invitations').select('id').where('email', '=', 'ombjuden@example.se').execute();
    expect(rows).toEqual([{ id: second.invitation.id }]);
    expect(await userCount('ombjuden@example.se')).toBe(0);
  });

  it('does not honour an expired invitation', async () => {
    const { invitation, token } = await invite(admin, 'sen@example.se', 'editor');
    await testApp.database.db
      .updateTable('invitations')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', invitation.id)
      .execute();

    expect((await preview(token)).statusCode).toBe(404);
    const accept = await visitor().post(`/api/invitations/${token}/accept`, { name: 'För Sen', password });
    expect(accept.statusCode).toBe(404);
    expect(await userCount('sen@example.se')).toBe(0);
    expect((await listOf(admin)).invitations.map((item: { id: string }) => item.id)).not.toContain(invitation.id);
  });

  it('refuses a common, short or missing password and a missing name, and keeps the link usable', async () => {
    const { token } = await invite(admin, 'svagt@example.se', 'viewer');
    const cases: Array<[unknown, Record<string, string>]> = [
      [{ name: 'Svag Svensson', password: 'Password123' }, { password: 'password.common' }],
      [{ name: 'Svag Svensson', password: 'qwertyuiop' }, { password: 'password.common' }],
      [{ name: 'Svag Svensson', password: 'kort' }, { password: 'password.too_short' }],
      [{ name: 'Svag Svensson' }, { password: 'field.required' }],
      [{ name: '   ', password }, { name: 'field.required' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const response = await visitor().post(`/api/invitations/${token}/accept`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation', fieldCodes });
    }
    expect(await userCount('svagt@example.se')).toBe(0);
    expect((await preview(token)).statusCode).toBe(200);
  });

  it('answers 409 when the address signed up on its own before accepting, and keeps the account intact', async () => {
    const { token } = await invite(admin, 'hann.fore@example.se', 'viewer');
    const self = await signUp('Hann Före', 'Brf Egen', 'hann.fore@example.se');
    const response = await visitor().post(`/api/invitations/${token}/accept`, { name: 'Hann Före', password });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', fieldCodes: { email: 'email.taken' } });
    expect(await userCount('hann.fore@example.se')).toBe(1);
    expect((await self.client.get('/api/auth/me')).json().memberships).toEqual([
      { accountId: self.accountId, accountName: 'Brf Egen', role: 'admin', propertyIds: null, via: 'member' },
    ]);
  });

  it('lists the invitation of an address that signed up meanwhile; accepting it from the list uses up the link', async () => {
    const { invitation, token } = await invite(admin, 'bytte.vag@example.se', 'editor');
    const self = await signUp('Bytte Väg', 'Brf Väg', 'bytte.vag@example.se');
    const received = await self.client.get('/api/auth/invitations');
    expect(received.statusCode).toBe(200);
    expect(received.json()).toEqual([
      {
        id: invitation.id,
        accountName: 'Brf Eken',
        role: 'editor',
        propertyNames: null,
        invitedBy: { name: 'Anna Admin', email: admin.email },
        expiresAt: invitation.expiresAt,
      },
    ]);
    const accepted = await self.client.post(`/api/auth/invitations/${invitation.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ accountId: admin.accountId, role: 'editor' });

    const list = await listOf(admin);
    expect(list.members).toContainEqual({ userId: self.userId, email: 'bytte.vag@example.se', name: 'Bytte Väg', role: 'editor', propertyIds: null });
    expect(list.invitations.map((item: { email: string }) => item.email)).not.toContain('bytte.vag@example.se');
    expect((await preview(token)).statusCode).toBe(404);
    expect((await self.client.get('/api/auth/invitations')).json()).toEqual([]);
  });
});

describe('cancelling an invitation', () => {
  let admin: Admin;
  beforeAll(async () => {
    admin = await signUp('Cecilia Chef', 'Brf Lönnen');
  });

  it('cancels a pending invitation: 204, and its link is dead', async () => {
    const { invitation, token } = await invite(admin, 'angrad@example.se', 'editor');
    const kept = await invite(admin, 'kvar@example.se', 'viewer');

    const response = await admin.client.delete(`/api/accounts/${admin.accountId}/invitations/${invitation.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    expect((await preview(token)).statusCode).toBe(404);
    expect((await visitor().post(`/api/invitations/${token}/accept`, { name: 'Ångrad', password })).statusCode).toBe(404);
    expect(await userCount('angrad@example.se')).toBe(0);
    expect((await listOf(admin)).invitations).toEqual([{ ...kept.invitation, createdAt: expect.any(String) }]);
    expect((await preview(kept.token)).statusCode).toBe(200);

    // Cancelling it again, or an id that never existed, or a malformed id: 404.
    for (const id of [invitation.id, randomUUID(), 'not-an-id']) {
      const again = await admin.client.delete(`/api/accounts/${admin.accountId}/invitations/${id}`);
      expect(again.statusCode, id).toBe(404);
      expect(again.json().error.code).toBe('not_found');
    }
    expect((await listOf(admin)).invitations).toEqual([{ ...kept.invitation, createdAt: expect.any(String) }]);
  });
});

describe('token rate limit', () => {
  it('answers 429 after 30 token look-ups a minute from one IP', async () => {
    const client = new TestClient(testApp.app, '10.30.0.1');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      statuses.push((await client.get(`/api/invitations/${randomBytes(32).toString('base64url')}`)).statusCode);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses[30]).toBe(429);
    expect(client.cookie).toBeUndefined();
  });
});

describe('secrecy of the token', () => {
  it('never stores a token (or its hash) in the audit log, and stores only hashes in invitations', async () => {
    expect(tokensSeen.length).toBeGreaterThan(5);
    const audit = await testApp.database.db
      .selectFrom('audit_events')
      .select(['event', sql<string>`details::text`.as('details')])
      .execute();
    expect(audit.map((row) => row.event)).toEqual(expect.arrayContaining(['member.invited', 'invitation.accepted', 'invitation.cancelled']));
    const invitations = await testApp.database.db
      .selectFrom('invitations')
      .select(sql<string>`to_jsonb(invitations)::text`.as('row'))
      .execute();
    for (const token of tokensSeen) {
      const hash = createHash('sha256').update(token).digest('hex');
      expect(audit.filter((row) => row.details.includes(token) || row.details.includes(hash))).toEqual([]);
      expect(invitations.filter((row) => row.row.includes(token))).toEqual([]);
    }
  });
});
