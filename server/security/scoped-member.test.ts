import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/schemas/role.ts';
import { addMember } from '../test-support/add-member.ts';
import { created, signUpTeam, type Person, type Team } from '../test-support/plan-data.ts';
import { createTestApp, signUpUser, type TestApp } from '../test-support/test-app.ts';
import { snapshotTenant, type TenantSnapshot } from '../test-support/tenant-snapshot.ts';
import { routeKey } from './app-routes.ts';
import { tenantRoutes, type TenantRoute } from './route-table.ts';
import { createTenantData, fillUrl, type IdKind, type TenantData } from './tenant-data.ts';

/**
 * docs/decisions/0041-access-per-property.md: the matrices for a member limited to some properties.
 * One account holds two full data sets; a viewer and an editor are limited to the second ("own").
 * Every route with the first set's ids ("other") answers them 404 where it addresses a row of that
 * property (as for another account's row), and where it addresses the whole account either 403 or
 * an answer with nothing of the other property; nothing changes. Inside their own property they
 * get what their role gets (the role matrix's expectations).
 */
type LimitedRole = Exclude<Role, 'admin'>;
const limitedRoles: LimitedRole[] = ['viewer', 'editor'];

/** Ids that lead to the account as a whole (or beside its properties), not to one property's rows. */
const accountLevelIds = new Set<IdKind>(['accountId', 'memberUserId', 'invitationId', 'customerAccountId', 'libraryItemId']);

/**
 * Every route that takes an account-level id, and what a limited member gets: `filtered` is a 200
 * whose body names nothing of the other property. A route of this kind missing here fails the suite.
 */
const accountRoutes: Record<string, Record<LimitedRole, number | 'filtered'>> = {
  'GET /api/accounts/:accountId': { viewer: 200, editor: 200 },
  'PATCH /api/accounts/:accountId': { viewer: 403, editor: 403 },
  // The header's name, colour and logo: what every member sees, naming no property.
  'GET /api/accounts/:accountId/branding': { viewer: 200, editor: 200 },
  'GET /api/accounts/:accountId/branding/logo': { viewer: 200, editor: 200 },
  'PUT /api/accounts/:accountId/branding': { viewer: 403, editor: 403 },
  'DELETE /api/accounts/:accountId/branding': { viewer: 403, editor: 403 },
  'GET /api/accounts/:accountId/members': { viewer: 403, editor: 403 },
  'POST /api/accounts/:accountId/members': { viewer: 403, editor: 403 },
  'PATCH /api/accounts/:accountId/members/:userId': { viewer: 403, editor: 403 },
  'DELETE /api/accounts/:accountId/members/:userId': { viewer: 403, editor: 403 },
  'DELETE /api/accounts/:accountId/invitations/:invitationId': { viewer: 403, editor: 403 },
  'POST /api/accounts/:accountId/invitations/:invitationId/link': { viewer: 403, editor: 403 },
  'GET /api/accounts/:accountId/organisations': { viewer: 'filtered', editor: 'filtered' },
  'POST /api/accounts/:accountId/organisations': { viewer: 403, editor: 403 },
  // Viewers do not see the trash at all (their role); an editor sees what belonged to their properties.
  'GET /api/accounts/:accountId/trash': { viewer: 403, editor: 'filtered' },
  'GET /api/accounts/:accountId/customers': { viewer: 403, editor: 403 },
  'POST /api/accounts/:accountId/customers': { viewer: 403, editor: 403 },
  // Managing customers is for the manager account's admins, and an admin is never limited.
  'PATCH /api/customers/:accountId': { viewer: 403, editor: 403 },
  'GET /api/accounts/:accountId/portfolio': { viewer: 'filtered', editor: 'filtered' },
  'GET /api/accounts/:accountId/library-items': { viewer: 200, editor: 200 },
  'POST /api/accounts/:accountId/library-items': { viewer: 403, editor: 403 },
  'PATCH /api/library-items/:id': { viewer: 403, editor: 403 },
  'DELETE /api/library-items/:id': { viewer: 403, editor: 403 },
  'GET /api/accounts/:accountId/library-items/export': { viewer: 403, editor: 403 },
  'POST /api/accounts/:accountId/library-items/import': { viewer: 403, editor: 403 },
};

const isAccountRoute = (route: TenantRoute) => Object.values(route.ids).some((kind) => accountLevelIds.has(kind));

let testApp: TestApp;
let team: Team;
let other: TenantData;
let limited: Record<LimitedRole, Person>;
/** A property of the account limited members do not reach, in the same organisation as theirs. */
let neighbourPropertyId: string;
let ownPropertyId: string;

beforeAll(async () => {
  testApp = await createTestApp({ environment: { INVITATIONS_PER_ACCOUNT_PER_HOUR: '10000', INVITATIONS_PER_INVITER_PER_HOUR: '10000' } });
  team = await signUpTeam(testApp.app);
  other = await createTenantData(team);
  const own = await createTenantData(team);
  ownPropertyId = own.propertyId;
  neighbourPropertyId = created<{ id: string }>(await team.admin.client.post(`/api/organisations/${own.organisationId}/properties`, { name: 'Eken 6' })).id;
  limited = { viewer: await signUpUser(testApp.app), editor: await signUpUser(testApp.app) };
  for (const role of limitedRoles) await addMember(team.admin.client, team.accountId, limited[role], role, [ownPropertyId]);
});
afterAll(async () => {
  await testApp.close();
});

describe('the matrices for members limited to some properties', () => {
  it('classifies every route that takes an account-level id', () => {
    const unclassified = tenantRoutes.filter(isAccountRoute).filter((route) => !(routeKey(route) in accountRoutes));
    expect(unclassified.map(routeKey), 'account routes with no expectation for limited members').toEqual([]);
    expect(Object.keys(accountRoutes).filter((key) => !tenantRoutes.some((route) => routeKey(route) === key))).toEqual([]);
  });

  it('answers 404 on every row of another property, 403 or nothing of it on every account route, and changes nothing', async () => {
    const before = withoutSessions(await snapshotTenant(testApp.database.db, team.accountId));
    const otherPropertyIds = propertyLevelIds(other);
    let checked = 0;
    for (const role of limitedRoles) {
      for (const route of tenantRoutes) {
        const url = fillUrl(route.url, route.ids, other);
        const body = route.body?.(other);
        const response = await limited[role].client.request(route.method, url, body?.payload, body?.headers);
        const what = `${route.method} ${url} as limited ${role} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        const expected = isAccountRoute(route) ? accountRoutes[routeKey(route)]![role] : 404;
        expect(response.statusCode, what).toBe(expected === 'filtered' ? 200 : expected);
        if (expected === 404) expect(response.json(), what).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
        if (expected === 403) expect(response.json(), what).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
        if (response.statusCode === 200) {
          for (const id of otherPropertyIds) expect(response.body, `${what}: names ${id} of the other property`).not.toContain(id);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(limitedRoles.length * tenantRoutes.length);
    expect(withoutSessions(await snapshotTenant(testApp.database.db, team.accountId))).toEqual(before);
  });

  it('lists only their own property and its organisation, and an editor writes only inside it', async () => {
    for (const role of limitedRoles) {
      const client = limited[role].client;
      const organisations = (await client.get(`/api/accounts/${team.accountId}/organisations`)).json() as { id: string }[];
      expect(organisations).toHaveLength(1);
      const properties = (await client.get(`/api/organisations/${organisations[0]!.id}/properties`)).json() as { id: string; name: string }[];
      expect(properties.map((property) => property.id)).toEqual([ownPropertyId]);
      expect((await client.get(`/api/properties/${neighbourPropertyId}`)).statusCode).toBe(404);
      expect((await client.get(`/api/properties/${ownPropertyId}`)).statusCode).toBe(200);
      // The organisation is theirs to read by name, not to change or to add properties to.
      expect((await client.patch(`/api/organisations/${organisations[0]!.id}`, { name: 'Brf Ny' })).statusCode).toBe(403);
      expect((await client.post(`/api/organisations/${organisations[0]!.id}/properties`, { name: 'Eken 7' })).statusCode).toBe(403);
    }
    const plans = (await limited.editor.client.get(`/api/properties/${ownPropertyId}/plans`)).json() as { id: string }[];
    const action = await limited.editor.client.post(`/api/plans/${plans[0]!.id}/actions`, {
      name: 'Målning av trapphus',
      category: 'invandigt',
      quantity: 3,
      unit: 'st',
      unitPrice: 45000,
      year: 2030,
    });
    expect(action.statusCode, action.body).toBe(201);
    const me = (await limited.editor.client.get('/api/auth/me')).json() as { memberships: { accountId: string; propertyIds: string[] | null }[] };
    expect(me.memberships.find((membership) => membership.accountId === team.accountId)?.propertyIds).toEqual([ownPropertyId]);
  });

  it('answers inside their own property what their role gets, for every read and every write route', async () => {
    for (const role of limitedRoles) {
      const own = await createTenantData(team, { contentAuthor: limited[role], onProperty: (propertyId) => widenTo(role, propertyId) });
      for (const route of tenantRoutes.filter((item) => item.method === 'GET' && !isAccountRoute(item))) {
        const url = fillUrl(route.url, route.ids, own);
        const response = await limited[role].client.get(url);
        expect(response.statusCode, `GET ${url} as limited ${role} → ${response.body.slice(0, 200)}`).toBe(200);
      }
    }
    for (const route of tenantRoutes.filter((item) => item.method !== 'GET' && !isAccountRoute(item) && item.ids.id !== 'organisationId')) {
      for (const roleCase of route.roles ?? []) {
        for (const role of limitedRoles) {
          const author = roleCase.contentBy === 'other' ? team.admin : limited[role];
          const own = await createTenantData(team, { contentAuthor: author, onProperty: (propertyId) => widenTo(role, propertyId) });
          const body = route.body?.(own);
          const response = await limited[role].client.request(route.method, fillUrl(route.url, route.ids, own), body?.payload, body?.headers);
          const what = `${routeKey(route)} (${roleCase.label}) as limited ${role} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, what).toBe(route.limitedMembers?.[role] ?? roleCase.expected[role]);
        }
      }
    }
    // A fresh data set per write route and role: it grows with every route, past the default 30 s on a loaded machine.
  }, 120_000);
});

/** The ids of one data set that lead to its property's rows (and to its organisation, which holds nothing else). */
function propertyLevelIds(data: TenantData): string[] {
  return (Object.entries(data) as [IdKind, string][]).filter(([kind]) => !accountLevelIds.has(kind)).map(([, id]) => id);
}

/** Limits the member to `propertyId` (and their first property), as an admin does when they change a member's access. */
async function widenTo(role: LimitedRole, propertyId: string): Promise<void> {
  const response = await team.admin.client.patch(`/api/accounts/${team.accountId}/members/${limited[role].userId}`, {
    propertyIds: [ownPropertyId, propertyId],
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Members' sessions record activity as they send requests; every other row must stay as it was. */
function withoutSessions(snapshot: TenantSnapshot): TenantSnapshot {
  const { sessions: _sessions, ...rest } = snapshot;
  return rest;
}
