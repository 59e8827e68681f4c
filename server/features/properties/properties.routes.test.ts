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
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
let organisationId: string;
beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  organisationId = created<{ id: string }>(await team.admin.client.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Brf Eken' })).id;
});
afterAll(async () => {
  await testApp.close();
});

const propertiesUrl = (organisationId: string) => `/api/organisations/${organisationId}/properties`;
const propertyUrl = (id: string) => `/api/properties/${id}`;

const eken = { name: 'Eken 4', designation: 'Eken 4', address: 'Ekgatan 1', municipality: 'Uppsala', buildYear: 1962, boa: 2450.5, loa: 180 };

describe('creating, reading and changing properties', () => {
  let propertyId: string;

  it('creates a property with every field (201) that every member lists and reads', async () => {
    const property = created(await team.editor.client.post(propertiesUrl(organisationId), eken));
    propertyId = String(property.id);
    expect(property).toEqual({ id: expect.any(String), accountId: team.accountId, organisationId, ...eken, createdAt: isoTimestamp, updatedAt: isoTimestamp });
    for (const person of [team.admin, team.editor, team.viewer]) {
      const list = await person.client.get(propertiesUrl(organisationId));
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([property]);
      const single = await person.client.get(propertyUrl(propertyId));
      expect(single.statusCode).toBe(200);
      expect(single.json()).toEqual(property);
    }
  });

  it('creates one with a name only: the optional fields are null', async () => {
    const property = created(await team.editor.client.post(propertiesUrl(organisationId), { name: 'Björken 2', designation: '  ', address: null }));
    expect(property).toEqual({
      id: expect.any(String),
      accountId: team.accountId,
      organisationId,
      name: 'Björken 2',
      designation: null,
      address: null,
      municipality: null,
      buildYear: null,
      boa: null,
      loa: null,
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    });
    expect((await team.viewer.client.get(propertiesUrl(organisationId))).json().map((item: { name: string }) => item.name)).toEqual(['Björken 2', 'Eken 4']);
    expect((await team.editor.client.delete(propertyUrl(String(property.id)))).statusCode).toBe(204);
  });

  it('changes only the given fields; null and blank clear an optional one', async () => {
    const before = (await team.viewer.client.get(propertyUrl(propertyId))).json();
    const response = await team.editor.client.patch(propertyUrl(propertyId), { address: 'Ekgatan 3', boa: 2500, loa: null, municipality: '' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...before, address: 'Ekgatan 3', boa: 2500, loa: null, municipality: null, updatedAt: isoTimestamp });
    expect((await team.viewer.client.get(propertyUrl(propertyId))).json()).toEqual(response.json());
    const restored = await team.editor.client.patch(propertyUrl(propertyId), {
      address: eken.address,
      boa: eken.boa,
      loa: eken.loa,
      municipality: eken.municipality,
    });
    expect(restored.json()).toEqual({ ...before, updatedAt: isoTimestamp });
  });

  it('answers 400 with field codes to invalid values, and changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { name: 'field.required' }],
      [{ name: 'x'.repeat(121) }, { name: 'name.too_long' }],
      [{ name: 'Ok', designation: 'x'.repeat(121) }, { designation: 'name.too_long' }],
      [{ name: 'Ok', address: 5 }, { address: 'field.invalid' }],
      [{ name: 'Ok', buildYear: 999 }, { buildYear: 'build_year.out_of_range' }],
      [{ name: 'Ok', buildYear: 2201 }, { buildYear: 'build_year.out_of_range' }],
      [{ name: 'Ok', buildYear: 1962.5 }, { buildYear: 'number.not_integer' }],
      [{ name: 'Ok', buildYear: '1962' }, { buildYear: 'number.invalid' }],
      [{ name: 'Ok', boa: -1 }, { boa: 'area.out_of_range' }],
      [{ name: 'Ok', loa: 10_000_000.01 }, { loa: 'area.out_of_range' }],
      [{ name: 'Ok', boa: 12.345 }, { boa: 'number.too_many_decimals' }],
      [{ name: 'Ok', organisationId: randomUUID() }, { organisationId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const create = await team.editor.client.post(propertiesUrl(organisationId), body);
      expect(create.statusCode, JSON.stringify(body)).toBe(400);
      expect(create.json().error).toMatchObject({ code: 'validation', fieldCodes });
      if (Object.keys(body).length === 0) continue;
      const update = await team.editor.client.patch(propertyUrl(propertyId), body);
      expect(update.statusCode, JSON.stringify(body)).toBe(400);
      expect(update.json().error).toMatchObject({ code: 'validation', fieldCodes });
    }
    const clearName = await team.editor.client.patch(propertyUrl(propertyId), { name: null });
    expect(clearName.json().error).toMatchObject({ code: 'validation', fieldCodes: { name: 'field.required' } });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses every write of a viewer with 403 and changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const response of [
      await team.viewer.client.post(propertiesUrl(organisationId), { name: 'Viewer 1' }),
      await team.viewer.client.patch(propertyUrl(propertyId), { name: 'Viewer 1' }),
      await team.viewer.client.delete(propertyUrl(propertyId)),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it("answers 404 to another account's members for every property route, and changes nothing", async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: propertiesUrl(organisationId) },
        { method: 'POST', url: propertiesUrl(organisationId), body: { name: 'Intrång 1' } },
        { method: 'GET', url: propertyUrl(propertyId) },
        { method: 'PATCH', url: propertyUrl(propertyId), body: { name: 'Intrång 1' } },
        { method: 'DELETE', url: propertyUrl(propertyId) },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: propertiesUrl(randomUUID()) },
      { method: 'POST', url: propertiesUrl(randomUUID()), body: { name: 'X' } },
      { method: 'GET', url: propertyUrl(randomUUID()) },
      { method: 'PATCH', url: propertyUrl(randomUUID()), body: { name: 'X' } },
      { method: 'DELETE', url: propertyUrl('not-a-uuid') },
      // A property id is not an organisation id.
      { method: 'GET', url: propertiesUrl(propertyId) },
    ]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });
});

describe('deleting a property', () => {
  it('answers 204 and removes its buildings, locations, plans and their actions, and nothing else', async () => {
    const doomed = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Rivs', property: 'Rivs 1', plan: 'Plan A' });
    await insertActionWithHistory(testApp.database.db, { ...doomed, accountId: team.accountId, userId: team.editor.userId });
    const neighbourId = created<{ id: string }>(await team.editor.client.post(propertiesUrl(doomed.organisationId), { name: 'Rivs 2' })).id;
    const countsBefore = await countPlanData(testApp.database.db, team.accountId);

    const response = await team.editor.client.delete(propertyUrl(doomed.propertyId));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await team.editor.client.get(propertyUrl(doomed.propertyId))).statusCode).toBe(404);
    expect((await team.editor.client.get(`/api/plans/${doomed.planId}`)).statusCode).toBe(404);
    expect((await team.editor.client.patch(`/api/buildings/${doomed.buildingId}`, { name: 'X' })).statusCode).toBe(404);
    expect((await team.editor.client.patch(`/api/locations/${doomed.locationId}`, { name: 'X' })).statusCode).toBe(404);

    expect(await countPlanData(testApp.database.db, team.accountId)).toEqual({
      ...countsBefore,
      properties: countsBefore.properties! - 1,
      buildings: countsBefore.buildings! - 1,
      locations: countsBefore.locations! - 1,
      plans: countsBefore.plans! - 1,
      actions: countsBefore.actions! - 1,
      action_completions: countsBefore.action_completions! - 1,
      action_comments: countsBefore.action_comments! - 1,
      action_attachments: countsBefore.action_attachments! - 1,
    });
    expect((await team.viewer.client.get(propertiesUrl(doomed.organisationId))).json().map((item: { id: string }) => item.id)).toEqual([neighbourId]);
  });
});
