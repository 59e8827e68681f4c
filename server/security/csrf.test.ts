import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpTeam, type Team } from '../test-support/plan-data.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';
import { snapshotTenant } from '../test-support/tenant-snapshot.ts';
import { listAppRoutes, routeKey, type AppRoute } from './app-routes.ts';
import { tenantRoutes } from './route-table.ts';
import { createTenantData, fillUrl, json, type RequestBody, type TenantData } from './tenant-data.ts';

/**
 * docs/product/operations-promise.md § Security suite: CSRF on every unsafe route of the app. The
 * admin's own session cookie with a valid body, on the admin's own data — everything the request
 * needs to succeed except the token — and the token missing, wrong, or another session's: always
 * 403 `csrf`, nothing changed. auth.routes.test.ts shows the token being checked on one route; this
 * covers all of them.
 */
let testApp: TestApp;
let team: Team;
let data: TenantData;
let unsafeRoutes: AppRoute[];
/** An invitation of the admin to another person's account, pending: what accept and decline act on. */
let receivedInvitationId: string;
/** The public id of the admin's own session: ending it would be a valid request. */
let adminSessionId: string;

/** Shaped like a browser's passkey answer; the token check comes before anything reads it. */
const passkeyAnswer = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
};

/** Valid requests for the unsafe routes that take no tenant id. */
const exemptRequests: Record<string, () => { url: string; body?: RequestBody }> = {
  'POST /api/auth/signup': () => ({
    url: '/api/auth/signup',
    body: json({ email: 'csrf-new@example.se', password: 'correct horse battery staple', name: 'Ny', accountName: 'Brf Ny' }),
  }),
  'POST /api/accounts': () => ({ url: '/api/accounts', body: json({ name: 'Brf CSRF' }) }),
  'POST /api/auth/login': () => ({ url: '/api/auth/login', body: json({ email: team.admin.email, password: 'correct horse battery staple' }) }),
  'POST /api/auth/logout': () => ({ url: '/api/auth/logout' }),
  'POST /api/auth/password': () => ({
    url: '/api/auth/password',
    body: json({ currentPassword: 'correct horse battery staple', newPassword: 'another long enough passphrase' }),
  }),
  'POST /api/auth/password-reset': () => ({ url: '/api/auth/password-reset', body: json({ email: team.admin.email }) }),
  'POST /api/auth/password-reset/confirm': () => ({
    url: '/api/auth/password-reset/confirm',
    body: json({ token: 'not-a-real-token', password: 'correct horse battery staple' }),
  }),
  'DELETE /api/auth/sessions/:id': () => ({ url: `/api/auth/sessions/${adminSessionId}` }),
  'PATCH /api/auth/display-preferences': () => ({ url: '/api/auth/display-preferences', body: json({ isRounded: false, vat: 'incl' }) }),
  'POST /api/auth/invitations/:id/accept': () => ({ url: `/api/auth/invitations/${receivedInvitationId}/accept` }),
  'POST /api/auth/invitations/:id/decline': () => ({ url: `/api/auth/invitations/${receivedInvitationId}/decline` }),
  'POST /api/auth/totp/setup': () => ({ url: '/api/auth/totp/setup' }),
  'POST /api/auth/totp/enable': () => ({ url: '/api/auth/totp/enable', body: json({ code: '123456' }) }),
  'POST /api/auth/totp/disable': () => ({ url: '/api/auth/totp/disable', body: json({ password: 'correct horse battery staple', code: '123456' }) }),
  'POST /api/auth/login/second-factor': () => ({ url: '/api/auth/login/second-factor', body: json({ code: '123456' }) }),
  'POST /api/auth/passkeys/registration/options': () => ({ url: '/api/auth/passkeys/registration/options' }),
  'POST /api/auth/passkeys/registration/verify': () => ({
    url: '/api/auth/passkeys/registration/verify',
    body: json({ name: 'Telefon', response: passkeyAnswer }),
  }),
  'DELETE /api/auth/passkeys/:id': () => ({ url: '/api/auth/passkeys/00000000-0000-4000-8000-000000000000' }),
  'POST /api/auth/passkeys/second-factor/options': () => ({ url: '/api/auth/passkeys/second-factor/options' }),
  'POST /api/auth/passkeys/second-factor/verify': () => ({ url: '/api/auth/passkeys/second-factor/verify', body: json({ response: passkeyAnswer }) }),
  'POST /api/auth/passkeys/sign-in/options': () => ({ url: '/api/auth/passkeys/sign-in/options' }),
  'POST /api/auth/passkeys/sign-in/verify': () => ({ url: '/api/auth/passkeys/sign-in/verify', body: json({ response: passkeyAnswer }) }),
  'POST /api/invitations/:token/accept': () => ({
    url: '/api/invitations/not-a-real-token/accept',
    body: json({ name: 'Ny', password: 'correct horse battery staple' }),
  }),
};

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  const appRoutes = listAppRoutes(testApp.app);
  unsafeRoutes = appRoutes.filter((route) => route.method !== 'GET');
  data = await createTenantData(team);
  const inviter = await signUpUser(testApp.app);
  const invited = await inviter.client.post(`/api/accounts/${inviter.accountId}/members`, { email: team.admin.email, role: 'viewer' });
  receivedInvitationId = (invited.json() as { invitation: { id: string } }).invitation.id;
  const sessions = (await team.admin.client.get('/api/auth/sessions')).json() as { id: string; current: boolean }[];
  adminSessionId = sessions.find((session) => session.current)!.id;
});
afterAll(async () => {
  await testApp.close();
});

describe('CSRF on every unsafe route', () => {
  it('refuses a missing, wrong or other session’s token with 403 csrf, and changes nothing', async () => {
    const before = await snapshotTenant(testApp.database.db, team.accountId);
    const users = await testApp.database.db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'display_vat', 'display_rounded'])
      .orderBy('id')
      .execute();
    const tokens: [string, string | undefined][] = [
      ['missing', undefined],
      ['wrong', `${team.admin.client.csrfToken}x`],
      ['another session’s', team.editor.client.csrfToken],
    ];
    let checked = 0;
    for (const route of unsafeRoutes) {
      const request = requestFor(route);
      for (const [label, token] of tokens) {
        // The admin's cookie in a client of its own, so the admin's real client keeps its token.
        const forged = new TestClient(testApp.app, '10.30.0.1');
        forged.cookie = team.admin.client.cookie;
        forged.csrfToken = token;
        const response = await forged.request(route.method, request.url, request.body?.payload, request.body?.headers);
        const what = `${routeKey(route)} with the ${label} token → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, what).toBe(403);
        expect(response.json().error.code, what).toBe('csrf');
        checked += 1;
      }
    }
    expect(checked).toBe(unsafeRoutes.length * tokens.length);
    expect(withoutSessions(await snapshotTenant(testApp.database.db, team.accountId))).toEqual(withoutSessions(before));
    expect(
      await testApp.database.db.selectFrom('users').select(['id', 'email', 'password_hash', 'display_vat', 'display_rounded']).orderBy('id').execute(),
    ).toEqual(users);
    // No second factor was set up or changed either.
    expect(await testApp.database.db.selectFrom('totp_authenticators').select('user_id').execute()).toEqual([]);
    expect(await testApp.database.db.selectFrom('passkeys').select('id').execute()).toEqual([]);
    // Nothing signed the admin out either, and their invitation is still pending.
    expect((await team.admin.client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await team.admin.client.get('/api/auth/invitations')).json()).toEqual([expect.objectContaining({ id: receivedInvitationId })]);
  });
});

function requestFor(route: AppRoute): { url: string; body?: RequestBody } {
  const tenantRoute = tenantRoutes.find((item) => routeKey(item) === routeKey(route));
  if (tenantRoute) return { url: fillUrl(tenantRoute.url, tenantRoute.ids, data), body: tenantRoute.body?.(data) };
  const exempt = exemptRequests[routeKey(route)];
  if (!exempt) throw new Error(`${routeKey(route)}: no valid request known; add it to route-table.ts or to exemptRequests here`);
  return exempt();
}

/** Requests with the admin's cookie may record activity on its session; nothing else may change. */
function withoutSessions(snapshot: Record<string, unknown[]>): Record<string, unknown[]> {
  const { sessions: _sessions, ...rest } = snapshot;
  return rest;
}
