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

const locationsUrl = (propertyId: string) => `/api/properties/${propertyId}/locations`;
const locationUrl = (id: string) => `/api/locations/${id}`;

describe('locations of a property', () => {
  let locationId: string;

  it('creates a location (201) that every member lists, by name', async () => {
    const location = created(await team.editor.client.post(locationsUrl(ids.propertyId), { name: 'Vind 1' }));
    locationId = String(location.id);
    expect(location).toEqual({ id: expect.any(String), accountId: team.accountId, propertyId: ids.propertyId, name: 'Vind 1', createdAt: isoTimestamp, updatedAt: isoTimestamp });
    for (const person of [team.admin, team.editor, team.viewer]) {
      const list = await person.client.get(locationsUrl(ids.propertyId));
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([expect.objectContaining({ id: ids.locationId, name: 'Tvättstuga' }), location]);
    }
  });

  it('renames a location (200)', async () => {
    const [, before] = (await team.viewer.client.get(locationsUrl(ids.propertyId))).json();
    const response = await team.editor.client.patch(locationUrl(locationId), { name: 'Vind 2' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...before, name: 'Vind 2', updatedAt: isoTimestamp });
    expect((await team.viewer.client.get(locationsUrl(ids.propertyId))).json()[1]).toEqual(response.json());
  });

  it('answers 400 with field codes to invalid input, and changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { name: 'field.required' }],
      [{ name: '' }, { name: 'field.required' }],
      [{ name: 'x'.repeat(121) }, { name: 'name.too_long' }],
      [{ name: 'Vind 3', propertyId: randomUUID() }, { propertyId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const create = await team.editor.client.post(locationsUrl(ids.propertyId), body);
      expect(create.statusCode, JSON.stringify(body)).toBe(400);
      expect(create.json().error).toMatchObject({ code: 'validation', fieldCodes });
      if (Object.keys(body).length === 0) continue;
      const update = await team.editor.client.patch(locationUrl(locationId), body);
      expect(update.statusCode, JSON.stringify(body)).toBe(400);
      expect(update.json().error).toMatchObject({ code: 'validation', fieldCodes });
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses every write of a viewer with 403, and 401 when signed out; changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const response of [
      await team.viewer.client.post(locationsUrl(ids.propertyId), { name: 'Vind V' }),
      await team.viewer.client.patch(locationUrl(locationId), { name: 'Vind V' }),
      await team.viewer.client.delete(locationUrl(locationId)),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get(locationsUrl(ids.propertyId))).statusCode).toBe(401);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it("answers 404 to another account's members for every location route, and changes nothing", async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: locationsUrl(ids.propertyId) },
        { method: 'POST', url: locationsUrl(ids.propertyId), body: { name: 'Intrång' } },
        { method: 'PATCH', url: locationUrl(locationId), body: { name: 'Intrång' } },
        { method: 'DELETE', url: locationUrl(locationId) },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: locationsUrl(randomUUID()) },
      { method: 'POST', url: locationsUrl(randomUUID()), body: { name: 'X' } },
      { method: 'PATCH', url: locationUrl(randomUUID()), body: { name: 'X' } },
      { method: 'DELETE', url: locationUrl(randomUUID()) },
      // Ids of other kinds are not location ids.
      { method: 'PATCH', url: locationUrl(ids.buildingId), body: { name: 'X' } },
      { method: 'DELETE', url: locationUrl(ids.propertyId) },
    ]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('deletes a location (204); its actions stay, without a location', async () => {
    const actionId = await insertActionWithHistory(testApp.database.db, { ...ids, accountId: team.accountId, locationId, userId: team.editor.userId });
    const response = await team.editor.client.delete(locationUrl(locationId));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await team.editor.client.delete(locationUrl(locationId))).statusCode).toBe(404);
    expect((await team.viewer.client.get(locationsUrl(ids.propertyId))).json()).toEqual([expect.objectContaining({ id: ids.locationId })]);
    const action = await testApp.database.db.selectFrom('actions').select(['building_id', 'location_id', 'plan_id']).where('id', '=', actionId).executeTakeFirst();
    expect(action).toEqual({ building_id: ids.buildingId, location_id: null, plan_id: ids.planId });
  });
});
