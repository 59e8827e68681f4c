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
  type Person,
  type Team,
} from '../../test-support/plan-data.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';

/** One kind of part, with the names its test gives: the one createPropertyWithPlan made, then new ones. */
interface PropertyPartCase {
  noun: 'buildings' | 'locations';
  singular: string;
  /** How its 404s name a missing part ("Building not found"). */
  notFoundNoun: string;
  /** The key of createPropertyWithPlan's part of this kind, and of the other kind. */
  idKey: 'buildingId' | 'locationId';
  otherIdKey: 'buildingId' | 'locationId';
  names: {
    /** The part createPropertyWithPlan creates. */
    existing: string;
    created: string;
    renamed: string;
    /** Valid name sent beside an unknown field. */
    withUnknownField: string;
    /** Name a viewer tries to write. */
    byViewer: string;
  };
}

const kinds: PropertyPartCase[] = [
  {
    noun: 'buildings',
    singular: 'building',
    notFoundNoun: 'Building',
    idKey: 'buildingId',
    otherIdKey: 'locationId',
    names: { existing: 'Hus A', created: 'Hus B', renamed: 'Hus C', withUnknownField: 'Hus D', byViewer: 'Hus V' },
  },
  {
    noun: 'locations',
    singular: 'location',
    notFoundNoun: 'Location',
    idKey: 'locationId',
    otherIdKey: 'buildingId',
    names: { existing: 'Tvättstuga', created: 'Vind 1', renamed: 'Vind 2', withUnknownField: 'Vind 3', byViewer: 'Vind V' },
  },
];

/**
 * The two kinds of part of a property, buildings and locations, answer the same routes under their
 * own paths: create, list, rename, delete (its actions stay, without it), validation, roles and
 * other accounts. Each kind runs on an app of its own.
 */
describe.each(kinds)('$noun of a property', ({ noun, singular, notFoundNoun, idKey, otherIdKey, names }) => {
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

  const partsUrl = (propertyId: string) => `/api/properties/${propertyId}/${noun}`;
  const partUrl = (id: string) => `/api/${noun}/${id}`;

  let partId: string;

  it(`creates a ${singular} (201) that every member lists, by name`, async () => {
    const part = created(await team.editor.client.post(partsUrl(ids.propertyId), { name: names.created }));
    partId = String(part.id);
    expect(part).toEqual({
      id: expect.any(String),
      accountId: team.accountId,
      propertyId: ids.propertyId,
      name: names.created,
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    });
    for (const person of [team.admin, team.editor, team.viewer]) {
      const list = await person.client.get(partsUrl(ids.propertyId));
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([expect.objectContaining({ id: ids[idKey], name: names.existing }), part]);
    }
  });

  it(`renames a ${singular} (200)`, async () => {
    const [, before] = (await team.viewer.client.get(partsUrl(ids.propertyId))).json();
    const response = await team.editor.client.patch(partUrl(partId), { name: names.renamed });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...before, name: names.renamed, updatedAt: isoTimestamp });
    expect((await team.viewer.client.get(partsUrl(ids.propertyId))).json()[1]).toEqual(response.json());
  });

  it(`refuses a name the property already has for a ${singular}, ignoring case and surrounding space: 409 on the name, nothing changed`, async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const taken = {
      code: 'conflict',
      message: `The property already has a ${singular} with this name`,
      fields: { name: `The property already has a ${singular} with this name. Choose another name.` },
      fieldCodes: { name: `${singular}.name_taken` },
    };
    for (const name of [names.existing, names.existing.toUpperCase(), `  ${names.existing.toLowerCase()} `]) {
      const create = await team.editor.client.post(partsUrl(ids.propertyId), { name });
      expect(create.statusCode, name).toBe(409);
      expect(create.json()).toEqual({ error: taken });
      const rename = await team.editor.client.patch(partUrl(partId), { name });
      expect(rename.statusCode, name).toBe(409);
      expect(rename.json()).toEqual({ error: taken });
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
    // In Swedish for a Swedish client.
    const swedish = await team.editor.client.request('POST', partsUrl(ids.propertyId), { name: names.existing }, { 'accept-language': 'sv' });
    expect(swedish.json().error.fields).toEqual({
      name: `Fastigheten har redan ${singular === 'building' ? 'en byggnad' : 'ett läge'} med det namnet. Välj ett annat namn.`,
    });
  });

  it(`lets a ${singular} change the case of its own name, and another property use the same name`, async () => {
    const recased = await team.editor.client.patch(partUrl(partId), { name: names.renamed.toUpperCase() });
    expect(recased.statusCode).toBe(200);
    expect(recased.json().name).toBe(names.renamed.toUpperCase());
    expect((await team.editor.client.patch(partUrl(partId), { name: names.renamed })).statusCode).toBe(200);
    const otherProperty = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Alm', property: 'Alm 1', plan: 'Alm' });
    const sameName = await team.editor.client.post(partsUrl(otherProperty.propertyId), { name: names.renamed });
    expect(sameName.statusCode).toBe(201);
  });

  it('answers 400 with field codes to invalid input, and changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { name: 'field.required' }],
      [{ name: '' }, { name: 'field.required' }],
      [{ name: 'x'.repeat(121) }, { name: 'name.too_long' }],
      [{ name: names.withUnknownField, propertyId: randomUUID() }, { propertyId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const create = await team.editor.client.post(partsUrl(ids.propertyId), body);
      expect(create.statusCode, JSON.stringify(body)).toBe(400);
      expect(create.json().error).toMatchObject({ code: 'validation', fieldCodes });
      if (Object.keys(body).length === 0) continue;
      const update = await team.editor.client.patch(partUrl(partId), body);
      expect(update.statusCode, JSON.stringify(body)).toBe(400);
      expect(update.json().error).toMatchObject({ code: 'validation', fieldCodes });
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses every write of a viewer with 403, and 401 when signed out; changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const response of [
      await team.viewer.client.post(partsUrl(ids.propertyId), { name: names.byViewer }),
      await team.viewer.client.patch(partUrl(partId), { name: names.byViewer }),
      await team.viewer.client.delete(partUrl(partId)),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get(partsUrl(ids.propertyId))).statusCode).toBe(401);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it(`answers 404 to another account's members for every ${singular} route, and changes nothing`, async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: partsUrl(ids.propertyId) },
        { method: 'POST', url: partsUrl(ids.propertyId), body: { name: 'Intrång' } },
        { method: 'PATCH', url: partUrl(partId), body: { name: 'Intrång' } },
        { method: 'DELETE', url: partUrl(partId) },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: partsUrl(randomUUID()) },
      { method: 'POST', url: partsUrl(randomUUID()), body: { name: 'X' } },
      { method: 'PATCH', url: partUrl(randomUUID()), body: { name: 'X' } },
      { method: 'DELETE', url: partUrl(randomUUID()) },
      // Ids of other kinds are not ids of this kind.
      { method: 'PATCH', url: partUrl(ids[otherIdKey]), body: { name: 'X' } },
      { method: 'DELETE', url: partUrl(ids.propertyId) },
    ]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it(`names the ${singular} in the 404 of its own routes, and the property in those under a property`, async () => {
    const requests: [Person, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, string][] = [
      [team.admin, 'GET', partsUrl(randomUUID()), 'Property'],
      [team.admin, 'POST', partsUrl('not-an-id'), 'Property'],
      [other.admin, 'GET', partsUrl(ids.propertyId), 'Property'],
      [team.admin, 'PATCH', partUrl(randomUUID()), notFoundNoun],
      [team.admin, 'PATCH', partUrl('not-an-id'), notFoundNoun],
      [team.admin, 'DELETE', partUrl(randomUUID()), notFoundNoun],
      [team.admin, 'DELETE', partUrl('not-an-id'), notFoundNoun],
      [other.admin, 'DELETE', partUrl(partId), notFoundNoun],
    ];
    for (const [person, method, url, what] of requests) {
      const response = await person.client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : { name: 'X' });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: `${what} not found` } });
    }
  });

  it(`deletes a ${singular} (204); its actions stay, without a ${singular}`, async () => {
    const actionId = await insertActionWithHistory(testApp.database.db, { ...ids, accountId: team.accountId, [idKey]: partId, userId: team.editor.userId });
    const response = await team.editor.client.delete(partUrl(partId));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await team.editor.client.delete(partUrl(partId))).statusCode).toBe(404);
    expect((await team.viewer.client.get(partsUrl(ids.propertyId))).json()).toEqual([expect.objectContaining({ id: ids[idKey] })]);
    const action = await testApp.database.db
      .selectFrom('actions')
      .select(['building_id', 'location_id', 'plan_id'])
      .where('id', '=', actionId)
      .executeTakeFirst();
    expect(action).toEqual({
      building_id: noun === 'buildings' ? null : ids.buildingId,
      location_id: noun === 'locations' ? null : ids.locationId,
      plan_id: ids.planId,
    });
  });
});
