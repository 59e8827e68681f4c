import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/role.ts';
import { addMember as addMemberThroughInvitation } from '../../test-support/add-member.ts';
import { putBranding } from '../../test-support/branding-form.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';
import { asAccountId, type AccountId } from '../../db/account-id.ts';

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
  accountId: AccountId;
  accountName: string;
  email: string;
  name: string;
  password: string;
}

let personCounter = 0;

/** Signs a person up with their own account (they are its admin) and keeps them signed in. */
async function signUp(name: string, accountName: string): Promise<Person> {
  personCounter += 1;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${personCounter}@example.se`;
  const password = 'correct horse battery staple';
  const client = new TestClient(testApp.app);
  const response = await client.post('/api/auth/signup', { email, password, name, accountName });
  expect(response.statusCode).toBe(201);
  const body = response.json() as { user: { id: string }; account: { id: string } };
  return { client, userId: body.user.id, accountId: asAccountId(body.account.id), accountName, email, name, password };
}

const membersUrl = (accountId: string) => `/api/accounts/${accountId}/members`;
const memberUrl = (accountId: string, userId: string) => `/api/accounts/${accountId}/members/${userId}`;
const invitationUrl = (accountId: string, invitationId: string) => `/api/accounts/${accountId}/invitations/${invitationId}`;
const asMember = (person: Person, role: Role) => ({ userId: person.userId, email: person.email, name: person.name, role, propertyIds: null });

/** Adds an existing user to the admin's account: invited, and accepted by them. */
const addMember = (admin: Person, person: Person, role: Role) => addMemberThroughInvitation(admin.client, admin.accountId, person, role);

/** The token of the newest invitation link e-mailed to an address (read from the outbox). */
async function invitationTokenSentTo(email: string): Promise<string> {
  const row = await testApp.database.db
    .selectFrom('outbox_emails')
    .select('body')
    .where('recipient', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const token = /https:\/\/localhost:8443\/invitations\/([A-Za-z0-9_-]+)/.exec(row.body)?.[1];
  if (!token) throw new Error(`no invitation link in the e-mail to ${email}: ${row.body}`);
  return token;
}

async function membershipRows(accountId: AccountId) {
  return testApp.database.db.selectFrom('memberships').select(['user_id', 'role']).where('account_id', '=', accountId).orderBy('user_id').execute();
}

describe('listing and adding members', () => {
  let admin: Person;
  let existing: Person;
  beforeAll(async () => {
    admin = await signUp('Anna Admin', 'Brf Eken');
    existing = await signUp('Bertil Befintlig', 'Brf Björken');
  });

  it('lists the members of the account and no invitations', async () => {
    const response = await admin.client.get(membersUrl(admin.accountId));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ members: [asMember(admin, 'admin')], invitations: [], canSendEmail: false });
  });

  it('invites a registered address like any other: no user id, no name, no membership until they accept', async () => {
    const response = await admin.client.post(membersUrl(admin.accountId), { email: `  ${existing.email.toUpperCase()} `, role: 'editor' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      status: 'invited',
      invitation: { id: expect.any(String), email: existing.email, role: 'editor', propertyIds: null, expiresAt: expect.any(String) },
    });
    expect(response.body).not.toContain(existing.userId);
    expect(response.body).not.toContain(existing.name);
    const invitationId = response.json().invitation.id as string;
    const me = await existing.client.get('/api/auth/me');
    expect(me.json().memberships).toEqual([{ accountId: existing.accountId, accountName: 'Brf Björken', role: 'admin', propertyIds: null, via: 'member' }]);
    const pending = await admin.client.get(membersUrl(admin.accountId));
    expect(pending.json().members).toEqual([asMember(admin, 'admin')]);
    expect(pending.json().invitations).toEqual([expect.objectContaining({ id: invitationId, email: existing.email, role: 'editor' })]);

    const emails = await testApp.database.db.selectFrom('outbox_emails').select(['subject', 'body']).where('recipient', '=', existing.email).execute();
    expect(emails).toHaveLength(1);
    // The e-mail says plainly who invited; the account name is theirs, quoted, and never in the subject.
    expect(emails[0]?.subject).toContain(admin.email);
    expect(emails[0]?.subject).not.toContain('Brf Eken');
    expect(emails[0]?.body).toContain(`"Anna Admin" <${admin.email}>`);
    expect(emails[0]?.body).toContain('"Brf Eken"');
    expect(emails[0]?.body).toContain('https://localhost:8443/invitations/');
    expect(emails[0]?.body).not.toContain('varumärket');

    const accepted = await existing.client.post(`/api/auth/invitations/${invitationId}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ accountId: admin.accountId, role: 'editor' });
    expect((await existing.client.get('/api/auth/me')).json().memberships).toEqual([
      { accountId: existing.accountId, accountName: 'Brf Björken', role: 'admin', propertyIds: null, via: 'member' },
      { accountId: admin.accountId, accountName: 'Brf Eken', role: 'editor', propertyIds: null, via: 'member' },
    ]);
    const list = await admin.client.get(membersUrl(admin.accountId));
    expect(list.json()).toEqual({ members: [asMember(admin, 'admin'), asMember(existing, 'editor')], invitations: [], canSendEmail: false });
  });

  it('refuses to add someone who already is a member with 409', async () => {
    const before = await membershipRows(admin.accountId);
    for (const email of [existing.email, admin.email]) {
      const response = await admin.client.post(membersUrl(admin.accountId), { email, role: 'viewer' });
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'conflict', fieldCodes: { email: 'member.exists' } });
    }
    expect(await membershipRows(admin.accountId)).toEqual(before);
    const emails = await testApp.database.db.selectFrom('outbox_emails').select('id').where('recipient', '=', existing.email).execute();
    expect(emails).toHaveLength(1);
  });

  it("names the account's brand in the invitation, quoted and in the body only", async () => {
    const brand = await signUp('Bertil Brand', 'Förvaltning AB');
    const branded = await putBranding(brand.client, brand.accountId, { displayName: 'Förvaltning "Norr"', colour: '#1D4F91' });
    expect(branded.statusCode).toBe(200);
    const invited = await brand.client.post(membersUrl(brand.accountId), { email: 'board@example.se', role: 'viewer' });
    expect(invited.statusCode).toBe(201);
    const email = await testApp.database.db
      .selectFrom('outbox_emails')
      .select(['subject', 'body'])
      .where('recipient', '=', 'board@example.se')
      .executeTakeFirstOrThrow();
    expect(email.subject).toBe(`${brand.email} bjuder in dig till Kvarter / ${brand.email} invites you to Kvarter`);
    const lines = email.body.split('\n');
    expect(lines).toContain('Kontot visas under varumärket, som dess administratörer har valt: "Förvaltning \\"Norr\\""');
    expect(lines).toContain('The account is shown under the brand its administrators chose: "Förvaltning \\"Norr\\""');
  });

  it('validates the e-mail address and the role', async () => {
    const badRole = await admin.client.post(membersUrl(admin.accountId), { email: 'someone@example.se', role: 'owner' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error).toMatchObject({ code: 'validation', fieldCodes: { role: 'role.invalid' } });

    const badEmail = await admin.client.post(membersUrl(admin.accountId), { email: 'not an address', role: 'viewer' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error).toMatchObject({ code: 'validation', fieldCodes: { email: 'email.invalid' } });

    const list = await admin.client.get(membersUrl(admin.accountId));
    expect(list.json()).toEqual({ members: [asMember(admin, 'admin'), asMember(existing, 'editor')], invitations: [], canSendEmail: false });
  });
});

describe('changing roles', () => {
  let admin: Person;
  let member: Person;
  let outsider: Person;
  beforeAll(async () => {
    admin = await signUp('Cecilia Chef', 'Brf Lönnen');
    member = await signUp('David Delägare', 'Brf Almen');
    outsider = await signUp('Erik Extern', 'Brf Boken');
    await addMember(admin, member, 'viewer');
  });

  it('changes a member role and the member sees it at once', async () => {
    const response = await admin.client.patch(memberUrl(admin.accountId, member.userId), { role: 'editor' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(asMember(member, 'editor'));

    const me = await member.client.get('/api/auth/me');
    expect(me.json().memberships).toContainEqual({ accountId: admin.accountId, accountName: 'Brf Lönnen', role: 'editor', propertyIds: null, via: 'member' });
    const list = await admin.client.get(membersUrl(admin.accountId));
    expect(list.json().members).toEqual([asMember(admin, 'admin'), asMember(member, 'editor')]);
  });

  it('rejects an invalid role with 400 and changes nothing', async () => {
    const before = await membershipRows(admin.accountId);
    for (const body of [{ role: 'superuser' }, { role: 'ADMIN' }, { role: 1 }]) {
      const response = await admin.client.patch(memberUrl(admin.accountId, member.userId), body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation');
      expect(response.json().error.fieldCodes.role).toBe('role.invalid');
    }
    expect(await membershipRows(admin.accountId)).toEqual(before);
  });

  it('answers 404 for an unknown, malformed or non-member user id', async () => {
    for (const userId of [randomUUID(), 'not-a-uuid', '1', outsider.userId]) {
      const patch = await admin.client.patch(memberUrl(admin.accountId, userId), { role: 'viewer' });
      expect(patch.statusCode, `PATCH ${userId}`).toBe(404);
      expect(patch.json().error.code).toBe('not_found');
      const remove = await admin.client.delete(memberUrl(admin.accountId, userId));
      expect(remove.statusCode, `DELETE ${userId}`).toBe(404);
      expect(remove.json().error.code).toBe('not_found');
    }
    // A malformed or unknown account id is 404 as well, never a 5xx.
    for (const accountId of ['nope', randomUUID()]) {
      expect((await admin.client.get(membersUrl(accountId))).statusCode).toBe(404);
      expect((await admin.client.patch(memberUrl(accountId, member.userId), { role: 'viewer' })).statusCode).toBe(404);
    }
    // The outsider's own membership elsewhere is untouched.
    expect(await membershipRows(outsider.accountId)).toEqual([{ user_id: outsider.userId, role: 'admin' }]);
  });

  it('never leaves the account without an admin', async () => {
    const before = await membershipRows(admin.accountId);
    const demote = await admin.client.patch(memberUrl(admin.accountId, admin.userId), { role: 'editor' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().error).toMatchObject({ code: 'validation', fieldCodes: { role: 'member.last_admin' } });
    const remove = await admin.client.delete(memberUrl(admin.accountId, admin.userId));
    expect(remove.statusCode).toBe(400);
    expect(remove.json().error).toMatchObject({ code: 'validation', fieldCodes: { role: 'member.last_admin' } });
    expect(await membershipRows(admin.accountId)).toEqual(before);
    expect((await admin.client.get('/api/auth/me')).statusCode).toBe(200);

    // With a second admin, the first may step down; then the second is the last one.
    expect((await admin.client.patch(memberUrl(admin.accountId, member.userId), { role: 'admin' })).statusCode).toBe(200);
    const stepDown = await admin.client.patch(memberUrl(admin.accountId, admin.userId), { role: 'editor' });
    expect(stepDown.statusCode).toBe(200);
    expect(stepDown.json()).toEqual(asMember(admin, 'editor'));
    const lastDemote = await member.client.patch(memberUrl(admin.accountId, member.userId), { role: 'viewer' });
    expect(lastDemote.statusCode).toBe(400);
    expect(lastDemote.json().error.fieldCodes.role).toBe('member.last_admin');
    const lastRemove = await member.client.delete(memberUrl(admin.accountId, member.userId));
    expect(lastRemove.statusCode).toBe(400);
    expect(lastRemove.json().error.fieldCodes.role).toBe('member.last_admin');

    // Restore: the first admin is admin again, the member an editor.
    expect((await member.client.patch(memberUrl(admin.accountId, admin.userId), { role: 'admin' })).statusCode).toBe(200);
    expect((await admin.client.patch(memberUrl(admin.accountId, member.userId), { role: 'editor' })).statusCode).toBe(200);
    expect((await admin.client.get(membersUrl(admin.accountId))).json().members).toEqual([asMember(admin, 'admin'), asMember(member, 'editor')]);
  });
});

describe('removing a member', () => {
  let admin: Person;
  let member: Person;
  beforeAll(async () => {
    admin = await signUp('Fanny Förvaltare', 'Brf Rönnen');
    member = await signUp('Gustav Granne', 'Brf Granen');
    // An admin, so the members endpoint works for them before the removal.
    await addMember(admin, member, 'admin');
  });

  it('takes effect at once: the removed member is signed out and loses the account', async () => {
    const secondSession = new TestClient(testApp.app);
    expect((await secondSession.post('/api/auth/login', { email: member.email, password: member.password })).statusCode).toBe(200);
    expect((await member.client.get(membersUrl(admin.accountId))).statusCode).toBe(200);
    expect((await secondSession.get('/api/auth/me')).statusCode).toBe(200);

    const response = await admin.client.delete(memberUrl(admin.accountId, member.userId));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    // Every session of theirs is revoked.
    for (const client of [member.client, secondSession]) {
      const me = await client.get('/api/auth/me');
      expect(me.statusCode).toBe(401);
      expect(me.json().error.code).toBe('unauthenticated');
      expect((await client.get(membersUrl(admin.accountId))).statusCode).toBe(401);
    }
    const sessions = await testApp.database.db.selectFrom('sessions').select('id').where('user_id', '=', member.userId).execute();
    expect(sessions).toEqual([]);

    // Signing in again works, but the account is gone for them.
    const fresh = new TestClient(testApp.app);
    expect((await fresh.post('/api/auth/login', { email: member.email, password: member.password })).statusCode).toBe(200);
    const me = await fresh.get('/api/auth/me');
    expect(me.json().memberships).toEqual([{ accountId: member.accountId, accountName: 'Brf Granen', role: 'admin', propertyIds: null, via: 'member' }]);
    const members = await fresh.get(membersUrl(admin.accountId));
    expect(members.statusCode).toBe(404);
    expect(members.json().error.code).toBe('not_found');
    const invite = await fresh.post(membersUrl(admin.accountId), { email: 'sneaky@example.se', role: 'admin' });
    expect(invite.statusCode).toBe(404);

    // The admin is unaffected and sees the member gone.
    const list = await admin.client.get(membersUrl(admin.accountId));
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ members: [asMember(admin, 'admin')], invitations: [], canSendEmail: false });

    // Removing them again: they are not a member any more.
    expect((await admin.client.delete(memberUrl(admin.accountId, member.userId))).statusCode).toBe(404);
  });
});

describe('role enforcement and account isolation', () => {
  let admin: Person;
  let viewer: Person;
  let editor: Person;
  let outsider: Person;
  let invitationId: string;
  let expectedList: unknown;
  beforeAll(async () => {
    admin = await signUp('Hanna Huvud', 'Brf Linden');
    viewer = await signUp('Ivar Insyn', 'Brf Ivars');
    editor = await signUp('Johanna Jobbar', 'Brf Johannas');
    outsider = await signUp('Karl Kund', 'Brf Annan');
    await addMember(admin, viewer, 'viewer');
    await addMember(admin, editor, 'editor');
    const invited = await admin.client.post(membersUrl(admin.accountId), { email: 'pending.person@example.se', role: 'viewer' });
    expect(invited.statusCode).toBe(201);
    invitationId = invited.json().invitation.id;
    const list = await admin.client.get(membersUrl(admin.accountId));
    expectedList = list.json();
    expect(expectedList).toEqual({
      members: [asMember(admin, 'admin'), asMember(viewer, 'viewer'), asMember(editor, 'editor')],
      invitations: [expect.objectContaining({ id: invitationId, email: 'pending.person@example.se', role: 'viewer' })],
      canSendEmail: false,
    });
  });

  /** Every member-management route of the admin's account, aimed at the admin themself and the pending invitation. */
  function memberRoutes(accountId: string, userId: string, pendingInvitationId: string) {
    return [
      (client: TestClient) => client.get(membersUrl(accountId)),
      (client: TestClient) => client.post(membersUrl(accountId), { email: 'new.person@example.se', role: 'admin' }),
      (client: TestClient) => client.patch(memberUrl(accountId, userId), { role: 'viewer' }),
      (client: TestClient) => client.delete(memberUrl(accountId, userId)),
      (client: TestClient) => client.delete(invitationUrl(accountId, pendingInvitationId)),
      (client: TestClient) => client.post(`${invitationUrl(accountId, pendingInvitationId)}/link`),
    ];
  }

  async function expectNothingChanged() {
    const list = await admin.client.get(membersUrl(admin.accountId));
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual(expectedList);
    const stray = await testApp.database.db.selectFrom('invitations').select('id').where('email', '=', 'new.person@example.se').execute();
    expect(stray).toEqual([]);
  }

  it('answers 403 to a viewer and an editor on every member route', async () => {
    for (const person of [viewer, editor]) {
      for (const [index, call] of memberRoutes(admin.accountId, admin.userId, invitationId).entries()) {
        const response = await call(person.client);
        expect(response.statusCode, `${person.name}, route ${index}`).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
      // Not even on their own membership: a member cannot raise their own role.
      const selfPromote = await person.client.patch(memberUrl(admin.accountId, person.userId), { role: 'admin' });
      expect(selfPromote.statusCode).toBe(403);
    }
    await expectNothingChanged();
  });

  it("answers 404 to a member of another account on every route with this account's ids", async () => {
    for (const [index, call] of memberRoutes(admin.accountId, admin.userId, invitationId).entries()) {
      const response = await call(outsider.client);
      expect(response.statusCode, `route ${index}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    // The same answers as for ids that do not exist at all: nothing can be probed.
    for (const [index, call] of memberRoutes(randomUUID(), randomUUID(), randomUUID()).entries()) {
      const response = await call(outsider.client);
      expect(response.statusCode, `unknown ids, route ${index}`).toBe(404);
    }
    await expectNothingChanged();
  });

  it('lets an admin reach no member or invitation of another account through their own account', async () => {
    // The outsider is admin of their own account, and aims at this account's member and invitation.
    for (const userId of [viewer.userId, admin.userId]) {
      expect((await outsider.client.patch(memberUrl(outsider.accountId, userId), { role: 'admin' })).statusCode).toBe(404);
      expect((await outsider.client.delete(memberUrl(outsider.accountId, userId))).statusCode).toBe(404);
    }
    const cancel = await outsider.client.delete(invitationUrl(outsider.accountId, invitationId));
    expect(cancel.statusCode).toBe(404);
    expect(cancel.json().error.code).toBe('not_found');
    await expectNothingChanged();
  });

  it('answers 401 to an anonymous client on every member route', async () => {
    const anonymous = new TestClient(testApp.app);
    for (const [index, call] of memberRoutes(admin.accountId, viewer.userId, invitationId).entries()) {
      const response = await call(anonymous);
      expect(response.statusCode, `route ${index}`).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
    // A session cookie without a signed-in user (the session has ended; no other kind is stored),
    // with a valid CSRF token of a client that is not signed in, is not signed in either.
    const withSession = new TestClient(testApp.app);
    expect((await withSession.post('/api/auth/login', { email: outsider.email, password: outsider.password })).statusCode).toBe(200);
    const endedCookie = withSession.cookie;
    expect((await withSession.post('/api/auth/logout')).statusCode).toBe(204);
    withSession.cookie = endedCookie;
    await withSession.get('/api/auth/csrf');
    withSession.cookie = endedCookie;
    expect(withSession.cookie).toBeDefined();
    for (const [index, call] of memberRoutes(admin.accountId, viewer.userId, invitationId).entries()) {
      // Each answer clears the ended session's cookie; a client that ignores that sends it again.
      withSession.cookie = endedCookie;
      expect((await call(withSession)).statusCode, `route ${index}`).toBe(401);
    }
    await expectNothingChanged();
  });

  it('refuses unsafe requests of a signed-in admin without the CSRF token', async () => {
    const token = admin.client.csrfToken;
    admin.client.csrfToken = undefined;
    try {
      const calls = memberRoutes(admin.accountId, viewer.userId, invitationId).slice(1);
      for (const [index, call] of calls.entries()) {
        const response = await call(admin.client);
        expect(response.statusCode, `route ${index + 1}`).toBe(403);
        expect(response.json().error.code).toBe('csrf');
      }
      const wrong = await admin.client.post(membersUrl(admin.accountId), { email: 'new.person@example.se', role: 'admin' }, { 'x-csrf-token': `${token}x` });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.code).toBe('csrf');
    } finally {
      admin.client.csrfToken = token;
    }
    await expectNothingChanged();
  });

  it('checks the role after waiting for a concurrent membership change, not before', async () => {
    // A second admin starts a change while the first admin's demotion of them is being committed:
    // the change must be judged by the role they have once it runs (viewer), not the one they had.
    const second = await signUp('Lars Lås', 'Brf Lars');
    await addMember(admin, second, 'admin');
    const db = testApp.database.db;
    let pending: ReturnType<TestClient['patch']> | undefined;
    let settled = false;
    await db.transaction().execute(async (transaction) => {
      await transaction.selectFrom('accounts').select('id').where('id', '=', admin.accountId).forUpdate().execute();
      await transaction
        .updateTable('memberships')
        .set({ role: 'viewer' })
        .where('account_id', '=', admin.accountId)
        .where('user_id', '=', second.userId)
        .execute();
      pending = second.client.patch(memberUrl(admin.accountId, viewer.userId), { role: 'admin' });
      void pending.finally(() => (settled = true));
      // Wait until the request's transaction waits for the account lock held here.
      for (let attempt = 0; ; attempt += 1) {
        const waiting = await sql<{ count: number }>`
          select count(*)::int as count from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
        if ((waiting.rows[0]?.count ?? 0) > 0 || settled) break;
        if (attempt > 500) throw new Error('the request never waited for the account lock');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    const response = await pending;
    expect(response?.statusCode).toBe(403);
    expect(response?.json().error.code).toBe('forbidden');
    // Clean up: remove the second admin, so the list is as before.
    expect((await admin.client.delete(memberUrl(admin.accountId, second.userId))).statusCode).toBe(204);
    await expectNothingChanged();
  });
});

describe('audit log', () => {
  it('records every membership change of the account, without secrets', async () => {
    const admin = await signUp('Maria Minnes', 'Brf Minnet');
    const existing = await signUp('Nils Närvarande', 'Brf Nils');
    const existingInvitationId = await addMember(admin, existing, 'viewer');
    expect((await admin.client.patch(memberUrl(admin.accountId, existing.userId), { role: 'editor' })).statusCode).toBe(200);
    expect((await admin.client.delete(memberUrl(admin.accountId, existing.userId))).statusCode).toBe(204);

    const invited = await admin.client.post(membersUrl(admin.accountId), { email: 'olle.ny@example.se', role: 'viewer' });
    expect(invited.statusCode).toBe(201);
    const invitationId = invited.json().invitation.id as string;
    const token = await invitationTokenSentTo('olle.ny@example.se');
    const newcomer = new TestClient(testApp.app, '10.9.0.1');
    const accepted = await newcomer.post(`/api/invitations/${token}/accept`, { name: 'Olle Ny', password: 'en lång och ovanlig fras' });
    expect(accepted.statusCode).toBe(201);
    const newcomerId = accepted.json().user.id as string;

    const cancelled = await admin.client.post(membersUrl(admin.accountId), { email: 'petra.aldrig@example.se', role: 'editor' });
    const cancelledId = cancelled.json().invitation.id as string;
    expect((await admin.client.delete(invitationUrl(admin.accountId, cancelledId))).statusCode).toBe(204);

    const rows = await testApp.database.db
      .selectFrom('audit_events')
      .select(['event', 'user_id', 'ip', 'details'])
      .where('account_id', '=', admin.accountId)
      .where('event', '<>', 'signup')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { event: 'member.invited', user_id: admin.userId, ip: '127.0.0.1', details: { email: existing.email, role: 'viewer', propertyIds: null } },
      { event: 'invitation.accepted', user_id: existing.userId, ip: '127.0.0.1', details: { invitationId: existingInvitationId } },
      { event: 'member.role_changed', user_id: admin.userId, ip: '127.0.0.1', details: { memberId: existing.userId, from: 'viewer', to: 'editor' } },
      { event: 'member.removed', user_id: admin.userId, ip: '127.0.0.1', details: { memberId: existing.userId } },
      { event: 'member.invited', user_id: admin.userId, ip: '127.0.0.1', details: { email: 'olle.ny@example.se', role: 'viewer', propertyIds: null } },
      { event: 'invitation.accepted', user_id: newcomerId, ip: '10.9.0.1', details: { invitationId } },
      { event: 'member.invited', user_id: admin.userId, ip: '127.0.0.1', details: { email: 'petra.aldrig@example.se', role: 'editor', propertyIds: null } },
      { event: 'invitation.cancelled', user_id: admin.userId, ip: '127.0.0.1', details: { invitationId: cancelledId } },
    ]);
    const everything = await testApp.database.db
      .selectFrom('audit_events')
      .select(sql<string>`details::text`.as('text'))
      .execute();
    expect(everything.filter((row) => row.text.includes(token))).toEqual([]);
  });
});
