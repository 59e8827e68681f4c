import { randomUUID } from 'node:crypto';
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

interface Person {
  client: TestClient;
  userId: string;
  accountId: string;
  email: string;
  name: string;
}

let personCounter = 0;

async function signUp(app: TestApp, name: string, accountName: string, email = `mottagare${++personCounter}@example.se`): Promise<Person> {
  const client = new TestClient(app.app);
  const response = await client.post('/api/auth/signup', { email, password: 'correct horse battery staple', name, accountName });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json() as { user: { id: string }; account: { id: string } };
  return { client, userId: body.user.id, accountId: body.account.id, email, name };
}

const membersUrl = (accountId: string) => `/api/accounts/${accountId}/members`;
const acceptUrl = (id: string) => `/api/auth/invitations/${id}/accept`;
const declineUrl = (id: string) => `/api/auth/invitations/${id}/decline`;
const membershipsOf = async (person: Person) => (await person.client.get('/api/auth/me')).json().memberships as { accountId: string }[];

describe('invitations need the invited person’s consent', () => {
  let admin: Person;
  let invitee: Person;
  let stranger: Person;
  beforeAll(async () => {
    admin = await signUp(testApp, 'Anna Admin', 'Brf Eken');
    invitee = await signUp(testApp, 'Bertil Befintlig', 'Brf Björken');
    stranger = await signUp(testApp, 'Cecilia Främling', 'Brf Främling');
  });

  it('answers a registered and an unregistered address alike, and adds nobody', async () => {
    const registered = await admin.client.post(membersUrl(admin.accountId), { email: invitee.email, role: 'editor' });
    const unregistered = await admin.client.post(membersUrl(admin.accountId), { email: 'finns.inte@example.se', role: 'editor' });
    for (const response of [registered, unregistered]) {
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        status: 'invited',
        invitation: { id: expect.any(String), email: expect.any(String), role: 'editor', propertyIds: null, expiresAt: expect.any(String) },
      });
    }
    expect(registered.body).not.toContain(invitee.userId);
    expect(registered.body).not.toContain(invitee.name);
    // The two e-mails are the same text but for the address and the link.
    const bodies = await testApp.database.db
      .selectFrom('outbox_emails')
      .select(['recipient', 'subject', 'body'])
      .where('recipient', 'in', [invitee.email, 'finns.inte@example.se'])
      .orderBy('created_at')
      .execute();
    const masked = bodies.map((row) => ({ subject: row.subject, body: row.body.replace(/\/invitations\/[A-Za-z0-9_-]+/g, '/invitations/…') }));
    expect(masked[0]).toEqual(masked[1]);
    expect(await membershipsOf(invitee)).toEqual([expect.objectContaining({ accountId: invitee.accountId })]);
    const rows = await testApp.database.db
      .selectFrom('memberships')
      .select('user_id')
      .where('account_id', '=', admin.accountId as never)
      .execute();
    expect(rows).toEqual([{ user_id: admin.userId }]);
  });

  it('lists the signed-in person’s pending invitations with who sent them, and nobody else’s', async () => {
    const list = await invitee.client.get('/api/auth/invitations');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      {
        id: expect.any(String),
        accountName: 'Brf Eken',
        role: 'editor',
        propertyNames: null,
        invitedBy: { name: 'Anna Admin', email: admin.email },
        expiresAt: expect.any(String),
      },
    ]);
    expect((await stranger.client.get('/api/auth/invitations')).json()).toEqual([]);
    expect((await new TestClient(testApp.app).get('/api/auth/invitations')).statusCode).toBe(401);
  });

  it('answers 404 to anyone but the invited person, and for unknown or malformed ids', async () => {
    const [invitation] = (await invitee.client.get('/api/auth/invitations')).json() as { id: string }[];
    if (!invitation) throw new Error('no invitation');
    for (const url of [acceptUrl(invitation.id), declineUrl(invitation.id)]) {
      const response = await stranger.client.post(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      // The admin who sent it cannot accept it for them either.
      expect((await admin.client.post(url)).statusCode).toBe(404);
    }
    for (const id of [randomUUID(), 'not-a-uuid', '1']) {
      expect((await invitee.client.post(acceptUrl(id))).statusCode).toBe(404);
      expect((await invitee.client.post(declineUrl(id))).statusCode).toBe(404);
    }
    expect((await new TestClient(testApp.app).post(acceptUrl(invitation.id))).statusCode).toBe(401);
    expect(await membershipsOf(stranger)).toEqual([expect.objectContaining({ accountId: stranger.accountId })]);
    expect((await invitee.client.get('/api/auth/invitations')).json()).toHaveLength(1);
  });

  it('accepts once: the membership starts, the invitation leaves both lists', async () => {
    const [invitation] = (await invitee.client.get('/api/auth/invitations')).json() as { id: string }[];
    if (!invitation) throw new Error('no invitation');
    const accepted = await invitee.client.post(acceptUrl(invitation.id));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ accountId: admin.accountId, role: 'editor' });
    expect(await membershipsOf(invitee)).toContainEqual({
      accountId: admin.accountId,
      accountName: 'Brf Eken',
      role: 'editor',
      propertyIds: null,
      via: 'member',
    });
    expect((await invitee.client.get('/api/auth/invitations')).json()).toEqual([]);
    expect((await invitee.client.post(acceptUrl(invitation.id))).statusCode).toBe(404);
    expect((await invitee.client.post(declineUrl(invitation.id))).statusCode).toBe(404);
    const list = (await admin.client.get(membersUrl(admin.accountId))).json();
    expect(list.invitations.map((item: { email: string }) => item.email)).not.toContain(invitee.email);
    // Now a member: a second invitation is refused, which only the account's admin learns.
    const again = await admin.client.post(membersUrl(admin.accountId), { email: invitee.email, role: 'viewer' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'conflict', fieldCodes: { email: 'member.exists' } });
  });

  it('declines: 204, no membership, the invitation is gone and its link dead', async () => {
    const invited = await admin.client.post(membersUrl(admin.accountId), { email: stranger.email, role: 'admin' });
    const invitationId = invited.json().invitation.id as string;
    const declined = await stranger.client.post(declineUrl(invitationId));
    expect(declined.statusCode).toBe(204);
    expect(declined.body).toBe('');
    expect((await stranger.client.get('/api/auth/invitations')).json()).toEqual([]);
    expect(await membershipsOf(stranger)).toEqual([expect.objectContaining({ accountId: stranger.accountId })]);
    expect((await stranger.client.post(acceptUrl(invitationId))).statusCode).toBe(404);
    const rows = await testApp.database.db.selectFrom('invitations').select('id').where('id', '=', invitationId).execute();
    expect(rows).toEqual([]);
    const events = await testApp.database.db.selectFrom('audit_events').select(['event', 'user_id']).where('event', '=', 'invitation.declined').execute();
    expect(events).toEqual([{ event: 'invitation.declined', user_id: stranger.userId }]);
  });

  it('answers 404 for an expired invitation, in the list and on accept', async () => {
    const invited = await admin.client.post(membersUrl(admin.accountId), { email: stranger.email, role: 'viewer' });
    const invitationId = invited.json().invitation.id as string;
    await testApp.database.db
      .updateTable('invitations')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', invitationId)
      .execute();
    expect((await stranger.client.get('/api/auth/invitations')).json()).toEqual([]);
    expect((await stranger.client.post(acceptUrl(invitationId))).statusCode).toBe(404);
    expect((await stranger.client.post(declineUrl(invitationId))).statusCode).toBe(404);
  });

  it('requires the CSRF token to accept or decline', async () => {
    const invited = await admin.client.post(membersUrl(admin.accountId), { email: stranger.email, role: 'viewer' });
    const invitationId = invited.json().invitation.id as string;
    for (const url of [acceptUrl(invitationId), declineUrl(invitationId)]) {
      const response = await stranger.client.post(url, undefined, { 'x-csrf-token': 'wrong' });
      expect(response.statusCode, url).toBe(403);
    }
    expect((await stranger.client.get('/api/auth/invitations')).json()).toHaveLength(1);
  });
});

describe('invitation limits', () => {
  it('answers 429 with Retry-After at exactly the 21st invitation of an account in an hour', async () => {
    const admin = await signUp(testApp, 'Gustav Gräns', 'Brf Gränsen');
    for (let index = 1; index <= 20; index += 1) {
      const response = await admin.client.post(membersUrl(admin.accountId), { email: `grans${index}@example.se`, role: 'viewer' });
      expect(response.statusCode, `invitation ${index}`).toBe(201);
    }
    // Cancelling does not give the allowance back: the audit log counts what was sent.
    const list = (await admin.client.get(membersUrl(admin.accountId))).json() as { invitations: { id: string }[] };
    const first = list.invitations[0];
    if (!first) throw new Error('no invitation');
    expect((await admin.client.delete(`/api/accounts/${admin.accountId}/invitations/${first.id}`)).statusCode).toBe(204);
    const refused = await admin.client.post(membersUrl(admin.accountId), { email: 'en.till@example.se', role: 'viewer' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3_500);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
    const sent = await testApp.database.db.selectFrom('outbox_emails').select('id').where('recipient', '=', 'en.till@example.se').execute();
    expect(sent).toEqual([]);
    // An hour later the allowance is back.
    await testApp.database.db
      .updateTable('audit_events')
      .set({ occurred_at: sql<Date>`occurred_at - interval '1 hour'` })
      .where('event', '=', 'member.invited')
      .where('account_id', '=', admin.accountId as never)
      .execute();
    expect((await admin.client.post(membersUrl(admin.accountId), { email: 'en.till@example.se', role: 'viewer' })).statusCode).toBe(201);
  });
});

describe('the per-inviter limit', () => {
  let limitedApp: TestApp;
  beforeAll(async () => {
    limitedApp = await createTestApp({ environment: { INVITATIONS_PER_ACCOUNT_PER_HOUR: '3', INVITATIONS_PER_INVITER_PER_HOUR: '4' } });
  });
  afterAll(async () => {
    await limitedApp.close();
  });

  it('counts one person’s invitations across every account they administer', async () => {
    const admin = await signUp(limitedApp, 'Hanna Hundra', 'Brf Ett');
    const other = await signUp(limitedApp, 'Ivar Ivrig', 'Brf Två');
    const invited = await other.client.post(membersUrl(other.accountId), { email: admin.email, role: 'admin' });
    expect((await admin.client.post(acceptUrl(invited.json().invitation.id as string))).statusCode).toBe(200);

    for (let index = 1; index <= 3; index += 1) {
      expect((await admin.client.post(membersUrl(admin.accountId), { email: `ett${index}@example.se`, role: 'viewer' })).statusCode).toBe(201);
    }
    expect((await admin.client.post(membersUrl(admin.accountId), { email: 'ett4@example.se', role: 'viewer' })).statusCode).toBe(429);
    // The other account has used one of its three; Hanna has used three of her four.
    expect((await admin.client.post(membersUrl(other.accountId), { email: 'tva1@example.se', role: 'viewer' })).statusCode).toBe(201);
    const refused = await admin.client.post(membersUrl(other.accountId), { email: 'tva2@example.se', role: 'viewer' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Ivar, another admin of that account, still may.
    expect((await other.client.post(membersUrl(other.accountId), { email: 'tva2@example.se', role: 'viewer' })).statusCode).toBe(201);
  });
});

describe('copying an invitation link without SMTP', () => {
  it('gives the admin a fresh link that replaces the e-mailed one, and never stores or logs it', async () => {
    const admin = await signUp(testApp, 'Jonna Länk', 'Brf Länken');
    const invited = await admin.client.post(membersUrl(admin.accountId), { email: 'lank@example.se', role: 'viewer' });
    const invitationId = invited.json().invitation.id as string;
    const mailed = await testApp.database.db.selectFrom('outbox_emails').select('body').where('recipient', '=', 'lank@example.se').executeTakeFirstOrThrow();
    const mailedToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mailed.body)?.[1];

    const response = await admin.client.post(`/api/accounts/${admin.accountId}/invitations/${invitationId}/link`);
    expect(response.statusCode).toBe(200);
    const { link } = response.json() as { link: string };
    expect(link).toMatch(/^https:\/\/localhost:8443\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = link.split('/').pop() ?? '';
    expect(token).not.toBe(mailedToken);
    expect((await new TestClient(testApp.app, '10.30.0.1').get(`/api/invitations/${mailedToken}`)).statusCode).toBe(404);
    expect((await new TestClient(testApp.app, '10.30.0.2').get(`/api/invitations/${token}`)).json()).toEqual({
      email: 'lank@example.se',
      accountName: 'Brf Länken',
      role: 'viewer',
      propertyNames: null,
    });
    const audit = await testApp.database.db
      .selectFrom('audit_events')
      .select(sql<string>`details::text`.as('text'))
      .execute();
    expect(audit.filter((row) => row.text.includes(token))).toEqual([]);
    const unknown = await admin.client.post(`/api/accounts/${admin.accountId}/invitations/${randomUUID()}/link`);
    expect(unknown.statusCode).toBe(404);
  });

  it('is refused with 409 where invitations go out by e-mail', async () => {
    const smtpApp = await createTestApp({ environment: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    try {
      const admin = await signUp(smtpApp, 'Karl Post', 'Brf Posten');
      const list = await admin.client.get(membersUrl(admin.accountId));
      expect(list.json().canSendEmail).toBe(true);
      const invited = await admin.client.post(membersUrl(admin.accountId), { email: 'post@example.se', role: 'viewer' });
      expect(invited.statusCode).toBe(201);
      const response = await admin.client.post(`/api/accounts/${admin.accountId}/invitations/${invited.json().invitation.id as string}/link`);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'conflict', fieldCodes: { invitation: 'invitation.sent_by_email' } });
    } finally {
      await smtpApp.close();
    }
  });
});
