import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../test-support/add-member.ts';
import { signUpTeam, type Person, type Team } from '../test-support/plan-data.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';
import { snapshotTenant, tenantTables } from '../test-support/tenant-snapshot.ts';
import { listAppRoutes, routeKey } from './app-routes.ts';
import { classifyRoutes, tenantRoutes, type Classification } from './route-table.ts';
import { createTenantData, fillUrl, type TenantData } from './tenant-data.ts';

/**
 * docs/product/operations-promise.md § Security suite: the cross-account matrix. Two accounts with
 * a full data set each; every member of account B sends every method of every route that takes an
 * id with account A's ids (and a valid body, so the answer is about tenancy, not validation):
 * always 404, and not one row of A changes. The routes come from the app itself, so a new route
 * fails here until it is classified.
 */
let testApp: TestApp;
let a: Team;
let b: Team;
let dataA: TenantData;
let dataB: TenantData;
let routes: Classification;
/** Was an editor of A until removed: their ids knowledge is real, their access must be gone. */
let formerMember: Person;

beforeAll(async () => {
  testApp = await createTestApp();
  const appRoutes = listAppRoutes(testApp.app);
  routes = classifyRoutes(appRoutes);
  a = await signUpTeam(testApp.app);
  b = await signUpTeam(testApp.app);
  dataA = await createTenantData(a, { contentAuthor: a.viewer });
  dataB = await createTenantData(b, { contentAuthor: b.viewer });
  const former = await signUpUser(testApp.app);
  await addMember(a.admin.client, a.accountId, former, 'editor');
  expect((await a.admin.client.delete(`/api/accounts/${a.accountId}/members/${former.userId}`)).statusCode).toBe(204);
  // Removal ended their sessions; they sign in again, as a browser would, with a fresh session.
  const client = new TestClient(testApp.app);
  expect((await client.post('/api/auth/login', { email: former.email, password: former.password })).statusCode).toBe(200);
  formerMember = { ...former, client };
});
afterAll(async () => {
  await testApp.close();
});

describe('the cross-account matrix', () => {
  it('classifies every route of the app as tenant data or exempt (with a reason)', () => {
    expect(routes.unclassified, 'routes of the app that route-table.ts does not list').toEqual([]);
    expect(routes.absent, 'routes route-table.ts lists that the app does not have').toEqual([]);
    expect(tenantRoutes).toHaveLength(85);
  });

  it('snapshots every tenant table, including the ones with comments and attachments', async () => {
    expect(await tenantTables(testApp.database.db)).toEqual(
      expect.arrayContaining([
        'action_attachments',
        'action_comments',
        'action_completions',
        'actions',
        'audit_events',
        'buildings',
        'invitations',
        'locations',
        'memberships',
        'organisations',
        'plans',
        'properties',
      ]),
    );
    const snapshot = await snapshotTenant(testApp.database.db, a.accountId);
    for (const table of [
      'organisations',
      'properties',
      'buildings',
      'locations',
      'plans',
      'action_completions',
      'action_comments',
      'action_attachments',
      'share_links',
      'accounts',
    ]) {
      expect(snapshot[table], table).toHaveLength(1);
    }
    // One pending invitation, and the accepted ones of the editor, the viewer and the former member.
    expect(snapshot.invitations?.filter((row) => (row as { accepted_at: unknown }).accepted_at === null)).toHaveLength(1);
    expect(snapshot.invitations).toHaveLength(4);
    expect(snapshot.actions).toHaveLength(2);
    expect(snapshot.memberships).toHaveLength(3);
    expect(snapshot.users).toHaveLength(3);
  });

  it("answers the account's own admin 200 to every read with these ids (they are real ids)", async () => {
    for (const route of tenantRoutes.filter((item) => item.method === 'GET')) {
      const url = fillUrl(route.url, route.ids, dataA);
      const response = await a.admin.client.get(url);
      expect(response.statusCode, `GET ${url} → ${response.body.slice(0, 200)}`).toBe(200);
    }
  });

  it("answers 404 not_found to every member of another account and to a removed member, for every method of every route with the first account's ids, and changes nothing", async () => {
    const before = await snapshotTenant(testApp.database.db, a.accountId);
    const beforeB = await snapshotTenant(testApp.database.db, b.accountId);
    let checked = 0;
    for (const outsider of [b.admin, b.editor, b.viewer, formerMember]) {
      for (const route of tenantRoutes) {
        const url = fillUrl(route.url, route.ids, dataA);
        const body = route.body?.(dataA);
        const response = await outsider.client.request(route.method, url, body?.payload, body?.headers);
        const what = `${route.method} ${url} as ${outsider.email} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, what).toBe(404);
        expect(response.json(), what).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
        checked += 1;
      }
    }
    expect(checked).toBe(4 * tenantRoutes.length);
    expect(await snapshotTenant(testApp.database.db, a.accountId)).toEqual(before);
    // B's own rows are untouched as well: no write went astray into the requester's account.
    expect(withoutSessions(await snapshotTenant(testApp.database.db, b.accountId))).toEqual(withoutSessions(beforeB));
  });

  it("gives the same 404 message for another account's id as for an unknown id (ids cannot be probed)", async () => {
    const unknown: TenantData = Object.fromEntries(Object.keys(dataA).map((key) => [key, '00000000-0000-4000-8000-000000000000'])) as unknown as TenantData;
    for (const route of tenantRoutes) {
      const body = route.body?.(dataA);
      const foreign = await b.admin.client.request(route.method, fillUrl(route.url, route.ids, dataA), body?.payload, body?.headers);
      const missing = await b.admin.client.request(route.method, fillUrl(route.url, route.ids, unknown), body?.payload, body?.headers);
      expect(missing.statusCode, `${route.method} ${route.url} unknown id`).toBe(404);
      expect(foreign.body, `${route.method} ${route.url}`).toBe(missing.body);
    }
  });

  it("answers 404 when one id of a route is the other account's and the rest are the requester's own, and changes nothing", async () => {
    const before = await snapshotTenant(testApp.database.db, a.accountId);
    const beforeB = await snapshotTenant(testApp.database.db, b.accountId);
    const mixedRoutes = tenantRoutes.filter((route) => Object.keys(route.ids).length > 1);
    expect(mixedRoutes.map(routeKey)).toEqual(
      expect.arrayContaining([
        'PATCH /api/accounts/:accountId/members/:userId',
        'DELETE /api/accounts/:accountId/members/:userId',
        'DELETE /api/accounts/:accountId/invitations/:invitationId',
      ]),
    );
    for (const route of mixedRoutes) {
      for (const [parameter, kind] of Object.entries(route.ids)) {
        const url = route.url.replace(/:(\w+)/g, (_match, name: string) => (name === parameter ? dataA[kind] : dataB[route.ids[name]!]));
        const body = route.body?.(dataB);
        const response = await b.admin.client.request(route.method, url, body?.payload, body?.headers);
        expect(response.statusCode, `${route.method} ${url} (only :${parameter} is A's) → ${response.body}`).toBe(404);
      }
    }
    expect(await snapshotTenant(testApp.database.db, a.accountId)).toEqual(before);
    expect(withoutSessions(await snapshotTenant(testApp.database.db, b.accountId))).toEqual(withoutSessions(beforeB));
  });

  it("answers 404 to moving the requester's own property or organisation into the other account, and changes nothing", async () => {
    const before = await snapshotTenant(testApp.database.db, a.accountId);
    const beforeB = await snapshotTenant(testApp.database.db, b.accountId);
    for (const organisationId of [dataA.organisationId, dataA.customerOrganisationId]) {
      const response = await b.admin.client.post(`/api/properties/${dataB.propertyId}/move`, { organisationId });
      expect(response.statusCode, `property into ${organisationId} → ${response.body}`).toBe(404);
    }
    for (const accountId of [dataA.accountId, dataA.customerAccountId]) {
      const response = await b.admin.client.post(`/api/organisations/${dataB.organisationId}/move`, { accountId });
      expect(response.statusCode, `organisation into ${accountId} → ${response.body}`).toBe(404);
    }
    expect(await snapshotTenant(testApp.database.db, a.accountId)).toEqual(before);
    expect(withoutSessions(await snapshotTenant(testApp.database.db, b.accountId))).toEqual(withoutSessions(beforeB));
  });

  it("refuses another account's building and location in an action body (400 on the field), and bulk changes of its actions (404); nothing changes", async () => {
    const before = await snapshotTenant(testApp.database.db, a.accountId);
    const beforeB = await snapshotTenant(testApp.database.db, b.accountId);
    const newAction = {
      name: 'Intrång',
      category: 'fasad',
      quantity: 1,
      unit: 'st',
      unitPrice: 1,
      year: 2030,
      buildingId: dataA.buildingId,
      locationId: dataA.locationId,
    };
    const create = await b.admin.client.post(`/api/plans/${dataB.planId}/actions`, newAction);
    expect(create.statusCode, create.body).toBe(400);
    expect(create.json().error.fieldCodes).toEqual({ buildingId: 'building.not_in_property', locationId: 'location.not_in_property' });
    const update = await b.admin.client.patch(`/api/actions/${dataB.actionId}`, { buildingId: dataA.buildingId, locationId: dataA.locationId });
    expect(update.statusCode, update.body).toBe(400);
    expect(update.json().error.fieldCodes).toEqual({ buildingId: 'building.not_in_property', locationId: 'location.not_in_property' });
    const bulk = await b.admin.client.post(`/api/plans/${dataB.planId}/actions/bulk-update`, {
      actionIds: [dataB.actionId, dataA.actionId],
      changes: { status: 'urgent' },
    });
    expect(bulk.statusCode, bulk.body).toBe(404);
    expect(await snapshotTenant(testApp.database.db, a.accountId)).toEqual(before);
    expect(withoutSessions(await snapshotTenant(testApp.database.db, b.accountId))).toEqual(withoutSessions(beforeB));
  });
});

/** B's own sessions record activity while B sends requests; everything else of B must stay as it was. */
function withoutSessions(snapshot: Record<string, unknown[]>): Record<string, unknown[]> {
  const { sessions: _sessions, ...rest } = snapshot;
  return rest;
}
