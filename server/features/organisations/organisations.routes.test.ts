import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countPlanData,
  created,
  createPropertyWithPlan,
  expectAllNotFound,
  insertActionWithHistory,
  isoTimestamp,
  signUpTeam,
  snapshotPlanData,
  type Team,
} from '../../test-support/plan-data.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

const organisationsUrl = (accountId: string) => `/api/accounts/${accountId}/organisations`;
const organisationUrl = (id: string) => `/api/organisations/${id}`;

describe('creating, reading and renaming organisations', () => {
  it('creates one for an editor (201), which every member then lists and reads', async () => {
    const response = await team.editor.client.post(organisationsUrl(team.accountId), { name: '  Brf Eken  ' });
    const organisation = created(response);
    expect(organisation).toEqual({ id: expect.any(String), accountId: team.accountId, name: 'Brf Eken', createdAt: isoTimestamp, updatedAt: isoTimestamp });

    for (const person of [team.admin, team.editor, team.viewer]) {
      const list = await person.client.get(organisationsUrl(team.accountId));
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([organisation]);
      const single = await person.client.get(organisationUrl(String(organisation.id)));
      expect(single.statusCode).toBe(200);
      expect(single.json()).toEqual(organisation);
    }
  });

  it('lists by name', async () => {
    const zeta = created(await team.admin.client.post(organisationsUrl(team.accountId), { name: 'Zeta förvaltning' }));
    const alfa = created(await team.admin.client.post(organisationsUrl(team.accountId), { name: 'Alfa bestånd' }));
    const names = (await team.viewer.client.get(organisationsUrl(team.accountId))).json().map((item: { name: string }) => item.name);
    expect(names).toEqual(['Alfa bestånd', 'Brf Eken', 'Zeta förvaltning']);
    for (const organisation of [zeta, alfa]) expect((await team.admin.client.delete(organisationUrl(String(organisation.id)))).statusCode).toBe(204);
  });

  it('renames (200 with the whole organisation); an empty change leaves the name', async () => {
    const organisation = created(await team.editor.client.post(organisationsUrl(team.accountId), { name: 'Bestånd Norr' }));
    const renamed = await team.editor.client.patch(organisationUrl(String(organisation.id)), { name: 'Bestånd Söder' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual({ ...organisation, name: 'Bestånd Söder', updatedAt: isoTimestamp });
    expect(Date.parse(renamed.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(String(organisation.updatedAt)));

    const unchanged = await team.editor.client.patch(organisationUrl(String(organisation.id)), {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json().name).toBe('Bestånd Söder');
    expect((await team.editor.client.get(organisationUrl(String(organisation.id)))).json().name).toBe('Bestånd Söder');
    expect((await team.editor.client.delete(organisationUrl(String(organisation.id)))).statusCode).toBe(204);
  });

  it('answers 400 with field codes to invalid names and unknown fields, and changes nothing', async () => {
    const [organisation] = (await team.admin.client.get(organisationsUrl(team.accountId))).json() as { id: string }[];
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [unknown, Record<string, string>][] = [
      [{}, { name: 'field.required' }],
      [{ name: '   ' }, { name: 'field.required' }],
      [{ name: 'x'.repeat(121) }, { name: 'name.too_long' }],
      [{ name: 42 }, { name: 'field.required' }],
      [{ name: 'Brf\u0000' }, { name: 'field.invalid_characters' }],
      [{ name: 'Brf Ok', accountId: other.accountId }, { accountId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const create = await team.admin.client.post(organisationsUrl(team.accountId), body);
      expect(create.statusCode, JSON.stringify(body)).toBe(400);
      expect(create.json().error).toMatchObject({ code: 'validation', fieldCodes });
    }
    for (const [body, fieldCodes] of cases.filter(([body]) => Object.keys(body as object).length > 0)) {
      const update = await team.admin.client.patch(organisationUrl(organisation!.id), body);
      expect(update.statusCode, JSON.stringify(body)).toBe(400);
      expect(update.json().error).toMatchObject({ code: 'validation', fieldCodes });
    }
    // Messages follow Accept-Language.
    const swedish = await team.admin.client.post(organisationsUrl(team.accountId), {}, { 'accept-language': 'sv-SE' });
    expect(swedish.json().error.fields).toEqual({ name: 'Fältet måste fyllas i.' });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('answers 401 when signed out', async () => {
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get(organisationsUrl(team.accountId))).statusCode).toBe(401);
    expect((await anonymous.post(organisationsUrl(team.accountId), { name: 'X' })).statusCode).toBe(401);
  });
});

describe('permissions and tenancy', () => {
  it('refuses every write of a viewer with 403 and changes nothing', async () => {
    const [organisation] = (await team.admin.client.get(organisationsUrl(team.accountId))).json() as { id: string }[];
    const before = await snapshotPlanData(testApp.database.db);
    for (const response of [
      await team.viewer.client.post(organisationsUrl(team.accountId), { name: 'Brf Viewer' }),
      await team.viewer.client.patch(organisationUrl(organisation!.id), { name: 'Brf Viewer' }),
      await team.viewer.client.delete(organisationUrl(organisation!.id)),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it("answers 404 to another account's members for every organisation route, and changes nothing", async () => {
    const [organisation] = (await team.admin.client.get(organisationsUrl(team.accountId))).json() as { id: string }[];
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: organisationsUrl(team.accountId) },
        { method: 'POST', url: organisationsUrl(team.accountId), body: { name: 'Intrång' } },
        { method: 'GET', url: organisationUrl(organisation!.id) },
        { method: 'PATCH', url: organisationUrl(organisation!.id), body: { name: 'Intrång' } },
        { method: 'DELETE', url: organisationUrl(organisation!.id) },
      ]);
    }
    // Their own account shows none of it.
    expect((await other.admin.client.get(organisationsUrl(other.accountId))).json()).toEqual([]);
    // Unknown and malformed ids are the same 404.
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: organisationsUrl(randomUUID()) },
      { method: 'POST', url: organisationsUrl(randomUUID()), body: { name: 'X' } },
      { method: 'GET', url: organisationUrl(randomUUID()) },
      { method: 'GET', url: organisationUrl('not-a-uuid') },
      { method: 'PATCH', url: organisationUrl(randomUUID()), body: { name: 'X' } },
      { method: 'DELETE', url: organisationUrl(randomUUID()) },
    ]);
    // The message does not tell a foreign id from an unknown one.
    const foreign = await other.admin.client.get(organisationUrl(organisation!.id));
    const unknown = await other.admin.client.get(organisationUrl(randomUUID()));
    expect(foreign.json()).toEqual(unknown.json());
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('lets a member of several accounts work in each, by the role of each', async () => {
    // The viewer of `team` is the admin of their own account (signUpTeam signs everyone up with one).
    const memberships = (await team.viewer.client.get('/api/auth/me')).json().memberships as { accountId: string; role: string }[];
    expect(memberships).toContainEqual(expect.objectContaining({ accountId: team.accountId, role: 'viewer' }));
    const ownAccount = memberships.find((membership) => membership.role === 'admin');
    const mine = created(await team.viewer.client.post(organisationsUrl(ownAccount!.accountId), { name: 'Eget bestånd' }));
    expect(mine.accountId).toBe(ownAccount!.accountId);
    expect((await team.viewer.client.post(organisationsUrl(team.accountId), { name: 'Eget bestånd' })).statusCode).toBe(403);
  });
});

describe('deleting an organisation', () => {
  it('answers 204 and removes its properties and everything under them', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Rivs', property: 'Rivs 1', plan: 'Plan' });
    await insertActionWithHistory(testApp.database.db, { ...ids, accountId: team.accountId, userId: team.editor.userId });
    const kept = await createPropertyWithPlan(other.editor.client, other.accountId);
    await insertActionWithHistory(testApp.database.db, { ...kept, accountId: other.accountId, userId: other.editor.userId });
    const otherBefore = await snapshotPlanData(testApp.database.db);

    const response = await team.editor.client.delete(organisationUrl(ids.organisationId));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await team.editor.client.get(organisationUrl(ids.organisationId))).statusCode).toBe(404);
    expect((await team.editor.client.delete(organisationUrl(ids.organisationId))).statusCode).toBe(404);
    expect((await team.editor.client.get(`/api/properties/${ids.propertyId}`)).statusCode).toBe(404);
    expect((await team.editor.client.get(`/api/plans/${ids.planId}`)).statusCode).toBe(404);

    const db = testApp.database.db;
    expect(await db.selectFrom('properties').select('id').where('organisation_id', '=', ids.organisationId).execute()).toEqual([]);
    for (const table of ['buildings', 'locations', 'plans'] as const) {
      expect(await db.selectFrom(table).select('id').where('property_id', '=', ids.propertyId).execute(), table).toEqual([]);
    }
    expect(await countPlanData(db, team.accountId)).toMatchObject({ actions: 0, action_completions: 0, action_comments: 0, action_attachments: 0 });
    // The other account's data is untouched.
    const otherAfter = await snapshotPlanData(db);
    for (const [table, rows] of Object.entries(otherBefore)) {
      const theirs = (list: unknown[]) => list.filter((row) => (row as { account_id: string }).account_id === other.accountId);
      expect(theirs(otherAfter[table]!), table).toEqual(theirs(rows));
    }
  });
});
