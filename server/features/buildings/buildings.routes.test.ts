import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
let ids: Awaited<ReturnType<typeof createPropertyWithPlan>>;
beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  ids = await createPropertyWithPlan(team.admin.client, team.accountId);
});
afterAll(async () => {
  await testApp.close();
});

const buildingsUrl = (propertyId: string) => `/api/properties/${propertyId}/buildings`;
const buildingUrl = (id: string) => `/api/buildings/${id}`;

describe('buildings of a property', () => {
  let buildingId: string;

  it('creates a building (201) that every member lists, by name', async () => {
    const building = created(await team.editor.client.post(buildingsUrl(ids.propertyId), { name: 'Hus B' }));
    buildingId = String(building.id);
    expect(building).toEqual({ id: expect.any(String), accountId: team.accountId, propertyId: ids.propertyId, name: 'Hus B', createdAt: isoTimestamp, updatedAt: isoTimestamp });
    for (const person of [team.admin, team.editor, team.viewer]) {
      const list = await person.client.get(buildingsUrl(ids.propertyId));
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([expect.objectContaining({ id: ids.buildingId, name: 'Hus A' }), building]);
    }
  });

  it('renames a building (200)', async () => {
    const [, before] = (await team.viewer.client.get(buildingsUrl(ids.propertyId))).json();
    const response = await team.editor.client.patch(buildingUrl(buildingId), { name: 'Hus C' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...before, name: 'Hus C', updatedAt: isoTimestamp });
    expect((await team.viewer.client.get(buildingsUrl(ids.propertyId))).json()[1]).toEqual(response.json());
  });

  it('answers 400 with field codes to invalid input, and changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { name: 'field.required' }],
      [{ name: '' }, { name: 'field.required' }],
      [{ name: 'x'.repeat(121) }, { name: 'name.too_long' }],
      [{ name: 'Hus D', propertyId: randomUUID() }, { propertyId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const create = await team.editor.client.post(buildingsUrl(ids.propertyId), body);
      expect(create.statusCode, JSON.stringify(body)).toBe(400);
      expect(create.json().error).toMatchObject({ code: 'validation', fieldCodes });
      if (Object.keys(body).length === 0) continue;
      const update = await team.editor.client.patch(buildingUrl(buildingId), body);
      expect(update.statusCode, JSON.stringify(body)).toBe(400);
      expect(update.json().error).toMatchObject({ code: 'validation', fieldCodes });
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses every write of a viewer with 403, and 401 when signed out; changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const response of [
      await team.viewer.client.post(buildingsUrl(ids.propertyId), { name: 'Hus V' }),
      await team.viewer.client.patch(buildingUrl(buildingId), { name: 'Hus V' }),
      await team.viewer.client.delete(buildingUrl(buildingId)),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get(buildingsUrl(ids.propertyId))).statusCode).toBe(401);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it("answers 404 to another account's members for every building route, and changes nothing", async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: buildingsUrl(ids.propertyId) },
        { method: 'POST', url: buildingsUrl(ids.propertyId), body: { name: 'Intrång' } },
        { method: 'PATCH', url: buildingUrl(buildingId), body: { name: 'Intrång' } },
        { method: 'DELETE', url: buildingUrl(buildingId) },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: buildingsUrl(randomUUID()) },
      { method: 'POST', url: buildingsUrl(randomUUID()), body: { name: 'X' } },
      { method: 'PATCH', url: buildingUrl(randomUUID()), body: { name: 'X' } },
      { method: 'DELETE', url: buildingUrl(randomUUID()) },
      // Ids of other kinds are not building ids.
      { method: 'PATCH', url: buildingUrl(ids.locationId), body: { name: 'X' } },
      { method: 'DELETE', url: buildingUrl(ids.propertyId) },
    ]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('deletes a building (204); its actions stay, without a building', async () => {
    const actionId = await insertActionWithHistory(testApp.database.db, { ...ids, accountId: team.accountId, buildingId, userId: team.editor.userId });
    const response = await team.editor.client.delete(buildingUrl(buildingId));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await team.editor.client.delete(buildingUrl(buildingId))).statusCode).toBe(404);
    expect((await team.viewer.client.get(buildingsUrl(ids.propertyId))).json()).toEqual([expect.objectContaining({ id: ids.buildingId })]);
    const action = await testApp.database.db.selectFrom('actions').select(['building_id', 'location_id', 'plan_id']).where('id', '=', actionId).executeTakeFirst();
    expect(action).toEqual({ building_id: null, location_id: ids.locationId, plan_id: ids.planId });
  });
});
