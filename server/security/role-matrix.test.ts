import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/schemas/role.ts';
import { addMember } from '../test-support/add-member.ts';
import { signUpTeam, type Person, type Team } from '../test-support/plan-data.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';
import { snapshotTenant, type TenantSnapshot } from '../test-support/tenant-snapshot.ts';
import { listAppRoutes, routeKey } from './app-routes.ts';
import { exemptRoutes, tenantRoutes, type RoleCase, type TenantRoute } from './route-table.ts';
import { createTenantData, fillUrl } from './tenant-data.ts';

/**
 * docs/product/operations-promise.md § Security suite: the role matrix. Viewer, editor and admin of
 * one account × every write route of the app (POST/PUT/PATCH/DELETE on tenant data) → the status
 * route-table.ts expects, each on a fresh data set, since a write consumes data. A refusal (403)
 * changes no row; an allowed write changes some. A write route of the app without an expectation
 * fails the suite.
 */
const roles: Role[] = ['viewer', 'editor', 'admin'];
const writeRoutes = tenantRoutes.filter((route) => route.method !== 'GET');

let testApp: TestApp;
let team: Team;
/** Users with accounts of their own, added to the team's account when a member route needs a target. */
const spareUsers: Person[] = [];

beforeAll(async () => {
  // Each case builds its data set anew, an invitation included, so one account sends far more than
  // the hourly limit allows; the limits have tests of their own (received-invitations.routes.test.ts).
  testApp = await createTestApp({ environment: { INVITATIONS_PER_ACCOUNT_PER_HOUR: '10000', INVITATIONS_PER_INVITER_PER_HOUR: '10000' } });
  team = await signUpTeam(testApp.app);
  const memberCases = writeRoutes.filter((route) => Object.values(route.ids).includes('memberUserId')).length * roles.length;
  for (let index = 0; index < memberCases; index += 1) spareUsers.push(await signUpUser(testApp.app));
});
afterAll(async () => {
  await testApp.close();
});

describe('the role matrix', () => {
  it('has an expectation for every write route of the app', () => {
    const appWrites = listAppRoutes(testApp.app)
      .filter((route) => route.method !== 'GET')
      .map(routeKey);
    const expected = new Set(writeRoutes.filter((route) => route.roles && route.roles.length > 0).map(routeKey));
    const exempt = new Set(exemptRoutes.map(routeKey));
    expect(appWrites.filter((key) => !expected.has(key) && !exempt.has(key))).toEqual([]);
  });

  for (const route of writeRoutes) {
    for (const roleCase of route.roles ?? []) {
      it(`${routeKey(route)} (${roleCase.label}): ${roles.map((role) => `${role} ${roleCase.expected[role]}`).join(', ')}`, async () => {
        for (const role of roles) await checkRole(route, roleCase, role);
      });
    }
  }

  it('answers 401 to every route with ids when signed out, and changes nothing', async () => {
    const data = await createTenantData(team);
    const before = await snapshotTenant(testApp.database.db, team.accountId);
    const anonymous = new TestClient(testApp.app, '10.20.0.1');
    let checked = 0;
    for (const route of tenantRoutes) {
      const body = route.body?.(data);
      const response = await anonymous.request(route.method, fillUrl(route.url, route.ids, data), body?.payload, body?.headers);
      expect(response.statusCode, `${routeKey(route)} → ${response.body}`).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
      checked += 1;
    }
    expect(checked).toBe(tenantRoutes.length);
    expect(await snapshotTenant(testApp.database.db, team.accountId)).toEqual(before);
  });
});

async function checkRole(route: TenantRoute, roleCase: RoleCase, role: Role): Promise<void> {
  const actor = team[role];
  const data = await createTenantData(team, {
    contentAuthor: contentAuthorFor(roleCase, role),
    memberUserId: Object.values(route.ids).includes('memberUserId') ? await addSpareMember() : undefined,
  });
  const before = withoutSessions(await snapshotTenant(testApp.database.db, team.accountId));
  const body = route.body?.(data);
  const response: LightMyRequestResponse = await actor.client.request(route.method, fillUrl(route.url, route.ids, data), body?.payload, body?.headers);
  const what = `${routeKey(route)} (${roleCase.label}) as ${role} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, what).toBe(roleCase.expected[role]);
  const after = withoutSessions(await snapshotTenant(testApp.database.db, team.accountId));
  if (response.statusCode === 403) {
    expect(response.json(), what).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect(after, `${what}: a refused write changed rows`).toEqual(before);
  } else {
    expect(after, `${what}: an allowed write changed nothing`).not.toEqual(before);
  }
}

/** The comment or attachment a role case acts on: the actor's own, another member's, or (by default) the admin's. */
function contentAuthorFor(roleCase: RoleCase, role: Role): Person {
  if (roleCase.contentBy === 'self') return team[role];
  if (roleCase.contentBy === 'other') return role === 'editor' ? team.viewer : team.editor;
  return team.admin;
}

async function addSpareMember(): Promise<string> {
  const spare = spareUsers.pop();
  if (!spare) throw new Error('no spare user left: count the member cases in beforeAll');
  await addMember(team.admin.client, team.accountId, spare, 'viewer');
  return spare.userId;
}

/** Members' sessions record activity as they send requests; every other row must stay as it was. */
function withoutSessions(snapshot: TenantSnapshot): TenantSnapshot {
  const { sessions: _sessions, ...rest } = snapshot;
  return rest;
}
