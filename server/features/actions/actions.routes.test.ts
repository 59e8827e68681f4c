import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countPlanData,
  created,
  createPropertyWithPlan,
  expectAllNotFound,
  isoTimestamp,
  signUpTeam,
  snapshotPlanData,
  type Team,
} from '../../test-support/plan-data.ts';
import { addMember } from '../../test-support/add-member.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';
import { builtinLibrary } from '../library/builtin-library.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
/** The team's property with a building, a location and a plan (2026–2055, default settings). */
let own: Awaited<ReturnType<typeof createPropertyWithPlan>>;
/** A second building of the same property. */
let secondBuildingId: string;
/** Another property of the same organisation and account, with its own building and location. */
let sibling: { propertyId: string; buildingId: string; locationId: string };
/** Another account's property, building, location and plan. */
let foreign: Awaited<ReturnType<typeof createPropertyWithPlan>>;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  own = await createPropertyWithPlan(team.editor.client, team.accountId);
  secondBuildingId = created<{ id: string }>(await team.editor.client.post(`/api/properties/${own.propertyId}/buildings`, { name: 'Hus B' })).id;
  const siblingPropertyId = created<{ id: string }>(
    await team.editor.client.post(`/api/organisations/${own.organisationId}/properties`, { name: 'Eken 5' }),
  ).id;
  sibling = {
    propertyId: siblingPropertyId,
    buildingId: created<{ id: string }>(await team.editor.client.post(`/api/properties/${siblingPropertyId}/buildings`, { name: 'Hus A' })).id,
    locationId: created<{ id: string }>(await team.editor.client.post(`/api/properties/${siblingPropertyId}/locations`, { name: 'Tvättstuga' })).id,
  };
  foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
});
afterAll(async () => {
  await testApp.close();
});

const actionsUrl = (planId: string) => `/api/plans/${planId}/actions`;
const actionUrl = (id: string) => `/api/actions/${id}`;
const completeUrl = (id: string) => `/api/actions/${id}/complete`;
const occurrencesUrl = (planId: string, query = '') => `/api/plans/${planId}/occurrences${query}`;

/** Only the required fields: a one-off action. */
const minimal = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };

type Body = Record<string, unknown> & { id: string };

async function createAction(planId: string, body: Record<string, unknown>): Promise<Body> {
  return created<Body>(await team.editor.client.post(actionsUrl(planId), body));
}

/** A new plan of the team's property, by the editor. */
async function createPlan(body: Record<string, unknown> = {}): Promise<string> {
  return created<{ id: string }>(await team.editor.client.post(`/api/properties/${own.propertyId}/plans`, { name: 'Plan', startYear: 2026, ...body })).id;
}

/** The default answer to a one-off action created from `minimal`. */
function minimalAnswer(planId: string) {
  return {
    id: expect.any(String),
    accountId: team.accountId,
    planId,
    propertyId: own.propertyId,
    ...minimal,
    buildingId: null,
    locationId: null,
    intervalYears: null,
    status: 'planned',
    baseYear: null,
    isInvestment: false,
    tags: [],
    note: '',
    libraryItemId: null,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  };
}

describe('creating, reading and changing actions', () => {
  let full: Record<string, unknown>;
  let actionId: string;

  it('creates an action with every field (201) that every member lists and reads, with no completions yet', async () => {
    full = {
      name: 'Målning fönster',
      category: 'fasad',
      buildingId: own.buildingId,
      locationId: own.locationId,
      quantity: 40,
      unit: 'st',
      unitPrice: 2500,
      year: 2027,
      intervalYears: 8,
      status: 'urgent',
      baseYear: 2025,
      isInvestment: true,
      tags: ['P-12', 'konto 4510'],
      note: 'Alla fönster mot gården.',
      libraryItemId: builtinLibrary().items[0]!.id,
    };
    const action = await createAction(own.planId, full);
    actionId = action.id;
    expect(action).toEqual({
      id: expect.any(String),
      accountId: team.accountId,
      planId: own.planId,
      propertyId: own.propertyId,
      ...full,
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    });
    for (const person of [team.admin, team.editor, team.viewer]) {
      const list = await person.client.get(actionsUrl(own.planId));
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([action]);
      const single = await person.client.get(actionUrl(actionId));
      expect(single.statusCode).toBe(200);
      expect(single.json()).toEqual({ ...action, completions: [] });
    }
  });

  it('fills in the defaults, trims text, keeps each tag once and accepts the limits', async () => {
    const planId = await createPlan();
    expect(await createAction(planId, minimal)).toEqual(minimalAnswer(planId));

    const limits = {
      name: `  ${'Å'.repeat(200)}  `,
      category: 'myndighet',
      quantity: 1_000_000_000,
      unit: ' lägenheter16tkn ',
      unitPrice: 999_999_999_999.99,
      year: 2200,
      intervalYears: 100,
      status: 'draft',
      baseYear: 1900,
      tags: [' P-1 ', 'P-1', ...Array.from({ length: 18 }, (_, index) => `${index}`.padEnd(40, 'x'))],
      note: ` ${'n'.repeat(4000)} `,
    };
    expect(await createAction(planId, limits)).toMatchObject({
      name: 'Å'.repeat(200),
      quantity: 1_000_000_000,
      unit: 'lägenheter16tkn',
      unitPrice: 999_999_999_999.99,
      year: 2200,
      intervalYears: 100,
      status: 'draft',
      baseYear: 1900,
      tags: ['P-1', ...limits.tags.slice(2)],
      note: 'n'.repeat(4000),
    });
    const smallest = await createAction(planId, {
      ...minimal,
      quantity: 0.125,
      unit: 'kg',
      unitPrice: 0.01,
      year: 1900,
      intervalYears: 1,
      isInvestment: false,
      tags: [],
      note: '',
    });
    expect(smallest).toMatchObject({ quantity: 0.125, unitPrice: 0.01, year: 1900, intervalYears: 1, buildingId: null, locationId: null });
    const cleared = await createAction(planId, {
      ...minimal,
      buildingId: null,
      locationId: null,
      intervalYears: null,
      baseYear: null,
      quantity: 0,
      unitPrice: 0,
    });
    expect(cleared).toEqual({ ...minimalAnswer(planId), quantity: 0, unitPrice: 0 });
    expect((await team.editor.client.delete(`/api/plans/${planId}`)).statusCode).toBe(204);
  });

  it('lists by year, then category in display order, then name, then id', async () => {
    const planId = await createPlan();
    const make = (year: number, category: string, name: string) => createAction(planId, { ...minimal, year, category, name });
    const fasadB = await make(2030, 'fasad', 'B');
    const markZ = await make(2030, 'mark', 'Z');
    const tak = await make(2028, 'yttertak', 'Takpapp');
    const fasadA = await make(2030, 'fasad', 'A');
    const twins = [await make(2030, 'myndighet', 'OVK'), await make(2030, 'myndighet', 'OVK')].sort((a, b) => (a.id < b.id ? -1 : 1));
    const list = (await team.viewer.client.get(actionsUrl(planId))).json() as Body[];
    // "mark" comes before "fasad" in the order of docs/product/domain.md § Categories, though not
    // alphabetically.
    expect(list.map((action) => action.id)).toEqual([tak.id, markZ.id, fasadA.id, fasadB.id, twins[0]!.id, twins[1]!.id]);
    expect((await team.viewer.client.get(actionsUrl(await createPlan()))).json()).toEqual([]);
  });

  it('changes only the given fields; null clears building, location, interval and base year', async () => {
    const before = (await team.viewer.client.get(actionUrl(actionId))).json();
    delete before.completions;
    const response = await team.editor.client.patch(actionUrl(actionId), {
      name: '  Målning fönster, gårdssidan ',
      buildingId: secondBuildingId,
      locationId: null,
      tags: [],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      ...before,
      name: 'Målning fönster, gårdssidan',
      buildingId: secondBuildingId,
      locationId: null,
      tags: [],
      updatedAt: isoTimestamp,
    });
    expect((await team.viewer.client.get(actionUrl(actionId))).json()).toEqual({ ...response.json(), completions: [] });

    const everything = {
      name: 'Byte av fönster',
      category: 'invandigt',
      buildingId: null,
      locationId: own.locationId,
      quantity: 12.5,
      unit: 'tim',
      unitPrice: 19.99,
      year: 2040,
      intervalYears: null,
      status: 'done',
      baseYear: null,
      isInvestment: false,
      tags: ['ny'],
      note: '',
    };
    const changed = await team.admin.client.patch(actionUrl(actionId), everything);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ ...before, ...everything, updatedAt: isoTimestamp });

    const restored = await team.editor.client.patch(actionUrl(actionId), full);
    expect(restored.json()).toEqual({ ...before, updatedAt: isoTimestamp });
    const unchanged = await team.editor.client.patch(actionUrl(actionId), {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual({ ...before, updatedAt: isoTimestamp });
  });

  it('answers 400 with field codes to every bad input, and writes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const createCases: [Record<string, unknown>, Record<string, string>][] = [
      [
        {},
        {
          name: 'field.required',
          category: 'field.required',
          quantity: 'field.required',
          unit: 'field.required',
          unitPrice: 'field.required',
          year: 'field.required',
        },
      ],
      [{ ...minimal, name: '   ' }, { name: 'field.required' }],
      [{ ...minimal, name: 'x'.repeat(201) }, { name: 'action.name_too_long' }],
      [{ ...minimal, name: 'Byte\u0000' }, { name: 'field.invalid_characters' }],
      [{ ...minimal, category: 'tak' }, { category: 'category.invalid' }],
      [{ ...minimal, category: 'Fasad' }, { category: 'category.invalid' }],
      [{ ...minimal, category: null }, { category: 'category.invalid' }],
      [{ ...minimal, status: 'finished' }, { status: 'status.invalid' }],
      [{ ...minimal, status: 'DONE' }, { status: 'status.invalid' }],
      [{ ...minimal, quantity: -1 }, { quantity: 'quantity.out_of_range' }],
      [{ ...minimal, quantity: -0.001 }, { quantity: 'quantity.out_of_range' }],
      [{ ...minimal, quantity: 1_000_000_001 }, { quantity: 'quantity.out_of_range' }],
      [{ ...minimal, quantity: '40' }, { quantity: 'number.invalid' }],
      [{ ...minimal, unitPrice: -0.01 }, { unitPrice: 'amount.out_of_range' }],
      [{ ...minimal, unitPrice: -2500 }, { unitPrice: 'amount.out_of_range' }],
      [{ ...minimal, unitPrice: 10.005 }, { unitPrice: 'number.too_many_decimals' }],
      [{ ...minimal, unitPrice: 1e12 }, { unitPrice: 'amount.out_of_range' }],
      [{ ...minimal, unit: '' }, { unit: 'field.required' }],
      [{ ...minimal, unit: 'x'.repeat(17) }, { unit: 'unit.too_long' }],
      [{ ...minimal, year: 1899 }, { year: 'year.out_of_range' }],
      [{ ...minimal, year: 2201 }, { year: 'year.out_of_range' }],
      [{ ...minimal, year: 2027.5 }, { year: 'number.not_integer' }],
      [{ ...minimal, year: null }, { year: 'number.invalid' }],
      [{ ...minimal, baseYear: 1899 }, { baseYear: 'year.out_of_range' }],
      [{ ...minimal, baseYear: 2201 }, { baseYear: 'year.out_of_range' }],
      [{ ...minimal, intervalYears: 0 }, { intervalYears: 'interval.out_of_range' }],
      [{ ...minimal, intervalYears: -8 }, { intervalYears: 'interval.out_of_range' }],
      [{ ...minimal, intervalYears: 101 }, { intervalYears: 'interval.out_of_range' }],
      [{ ...minimal, intervalYears: 2.5 }, { intervalYears: 'number.not_integer' }],
      [{ ...minimal, isInvestment: 'yes' }, { isInvestment: 'field.invalid' }],
      [{ ...minimal, tags: 'P-1' }, { tags: 'field.invalid' }],
      [{ ...minimal, tags: ['P-1', '  '] }, { 'tags.1': 'tag.empty' }],
      [{ ...minimal, tags: ['x'.repeat(41)] }, { 'tags.0': 'tag.too_long' }],
      [{ ...minimal, tags: [7] }, { 'tags.0': 'field.invalid' }],
      [{ ...minimal, tags: Array.from({ length: 21 }, (_, index) => `T${index}`) }, { tags: 'tags.too_many' }],
      [{ ...minimal, note: 'n'.repeat(4001) }, { note: 'note.too_long' }],
      [{ ...minimal, note: null }, { note: 'field.invalid' }],
      [{ ...minimal, buildingId: 'Hus A' }, { buildingId: 'id.invalid' }],
      [{ ...minimal, buildingId: sibling.buildingId }, { buildingId: 'building.not_in_property' }],
      [{ ...minimal, locationId: sibling.locationId }, { locationId: 'location.not_in_property' }],
      [{ ...minimal, buildingId: own.buildingId, locationId: sibling.locationId }, { locationId: 'location.not_in_property' }],
      [
        { ...minimal, buildingId: foreign.buildingId, locationId: foreign.locationId },
        { buildingId: 'building.not_in_property', locationId: 'location.not_in_property' },
      ],
      [
        { ...minimal, buildingId: randomUUID(), locationId: randomUUID() },
        { buildingId: 'building.not_in_property', locationId: 'location.not_in_property' },
      ],
      // The location's id is not a building's.
      [{ ...minimal, buildingId: own.locationId }, { buildingId: 'building.not_in_property' }],
      [{ ...minimal, planId: randomUUID() }, { planId: 'field.unknown' }],
      [
        { ...minimal, accountId: other.accountId, cost: 5 },
        { accountId: 'field.unknown', cost: 'field.unknown' },
      ],
    ];
    for (const [body, fieldCodes] of createCases) {
      const response = await team.editor.client.post(actionsUrl(own.planId), body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(response.json().error, JSON.stringify(body).slice(0, 200)).toEqual({
        code: 'validation',
        message: expect.any(String),
        fields: expect.any(Object),
        fieldCodes,
      });
    }

    const [action] = (await team.viewer.client.get(actionsUrl(own.planId))).json() as Body[];
    const updateCases: [Record<string, unknown>, Record<string, string>][] = [
      [{ name: null }, { name: 'field.required' }],
      [{ category: 'tak' }, { category: 'category.invalid' }],
      [{ status: 'closed' }, { status: 'status.invalid' }],
      [{ quantity: -5 }, { quantity: 'quantity.out_of_range' }],
      [{ unitPrice: -1 }, { unitPrice: 'amount.out_of_range' }],
      [{ year: 1800 }, { year: 'year.out_of_range' }],
      [{ year: 3000 }, { year: 'year.out_of_range' }],
      [{ baseYear: 2300 }, { baseYear: 'year.out_of_range' }],
      [{ intervalYears: 0 }, { intervalYears: 'interval.out_of_range' }],
      [{ intervalYears: 101 }, { intervalYears: 'interval.out_of_range' }],
      [{ status: null }, { status: 'status.invalid' }],
      [{ buildingId: sibling.buildingId }, { buildingId: 'building.not_in_property' }],
      [{ locationId: foreign.locationId }, { locationId: 'location.not_in_property' }],
      [
        { buildingId: sibling.buildingId, locationId: sibling.locationId, name: 'Flyttad' },
        { buildingId: 'building.not_in_property', locationId: 'location.not_in_property' },
      ],
      [{ planId: foreign.planId }, { planId: 'field.unknown' }],
      [{ propertyId: sibling.propertyId }, { propertyId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of updateCases) {
      const response = await team.editor.client.patch(actionUrl(action!.id), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error, JSON.stringify(body)).toEqual({ code: 'validation', message: expect.any(String), fields: expect.any(Object), fieldCodes });
    }

    const swedish = await team.editor.client.post(
      actionsUrl(own.planId),
      { ...minimal, category: 'tak', buildingId: sibling.buildingId },
      { 'accept-language': 'sv' },
    );
    // The body is checked first; the building only once the body is valid.
    expect(swedish.json().error.fields).toEqual({ category: 'Välj en kategori i listan.' });
    const swedishBuilding = await team.editor.client.post(actionsUrl(own.planId), { ...minimal, buildingId: sibling.buildingId }, { 'accept-language': 'sv' });
    expect(swedishBuilding.json().error.fields).toEqual({ buildingId: 'Byggnaden hör inte till den här fastigheten.' });
    const english = await team.editor.client.post(actionsUrl(own.planId), { ...minimal, intervalYears: 0 }, { 'accept-language': 'en' });
    expect(english.json().error.fields).toEqual({ intervalYears: 'Enter an interval of 1–100 years, or none for a one-off action.' });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses every write of a viewer with 403, and 401 when signed out; changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const response of [
      await team.viewer.client.post(actionsUrl(own.planId), minimal),
      await team.viewer.client.patch(actionUrl(actionId), { name: 'Viewer' }),
      await team.viewer.client.delete(actionUrl(actionId)),
      await team.viewer.client.post(completeUrl(actionId), {}),
      await team.viewer.client.post(completeUrl(actionId)),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const anonymous = new TestClient(testApp.app);
    for (const url of [actionsUrl(own.planId), actionUrl(actionId), occurrencesUrl(own.planId)]) expect((await anonymous.get(url)).statusCode).toBe(401);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it("answers 404 to another account's members for every action route, and changes nothing", async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: actionsUrl(own.planId) },
        { method: 'POST', url: actionsUrl(own.planId), body: minimal },
        // Even with their own building: the plan is not theirs.
        { method: 'POST', url: actionsUrl(own.planId), body: { ...minimal, buildingId: foreign.buildingId } },
        { method: 'GET', url: occurrencesUrl(own.planId) },
        { method: 'GET', url: occurrencesUrl(own.planId, '?vat=incl&includeInvestments=false') },
        { method: 'GET', url: actionUrl(actionId) },
        { method: 'PATCH', url: actionUrl(actionId), body: { name: 'Intrång' } },
        { method: 'PATCH', url: actionUrl(actionId), body: { buildingId: foreign.buildingId } },
        { method: 'DELETE', url: actionUrl(actionId) },
        { method: 'POST', url: completeUrl(actionId), body: {} },
        { method: 'POST', url: completeUrl(actionId), body: { year: 2027, actualCost: 1, note: 'x' } },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: actionsUrl(randomUUID()) },
      { method: 'GET', url: actionsUrl(foreign.planId) },
      { method: 'GET', url: actionsUrl(actionId) },
      { method: 'POST', url: actionsUrl(randomUUID()), body: minimal },
      { method: 'POST', url: actionsUrl(foreign.planId), body: minimal },
      { method: 'GET', url: occurrencesUrl(randomUUID()) },
      { method: 'GET', url: occurrencesUrl(foreign.planId) },
      { method: 'GET', url: occurrencesUrl('not-a-uuid') },
      { method: 'GET', url: actionUrl(randomUUID()) },
      { method: 'GET', url: actionUrl(own.planId) },
      { method: 'GET', url: actionUrl('12345') },
      { method: 'PATCH', url: actionUrl(randomUUID()), body: { name: 'X' } },
      { method: 'DELETE', url: actionUrl(randomUUID()) },
      { method: 'POST', url: completeUrl(randomUUID()), body: {} },
      { method: 'POST', url: completeUrl('x'.repeat(40)), body: {} },
    ]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });
});

describe('deleting an action', () => {
  it('answers 204 and removes it with its completions, and nothing else', async () => {
    const planId = await createPlan();
    const doomed = await createAction(planId, { ...minimal, intervalYears: 5 });
    const kept = await createAction(planId, { ...minimal, name: 'Kvar' });
    expect((await team.editor.client.post(completeUrl(doomed.id), { actualCost: 100 })).statusCode).toBe(201);
    const countsBefore = await countPlanData(testApp.database.db, team.accountId);

    const response = await team.editor.client.delete(actionUrl(doomed.id));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await team.viewer.client.get(actionUrl(doomed.id))).statusCode).toBe(404);
    expect((await team.editor.client.delete(actionUrl(doomed.id))).statusCode).toBe(404);
    expect((await team.viewer.client.get(actionsUrl(planId))).json().map((action: Body) => action.id)).toEqual([kept.id]);
    expect(await countPlanData(testApp.database.db, team.accountId)).toEqual({
      ...countsBefore,
      actions: countsBefore.actions! - 1,
      action_completions: countsBefore.action_completions! - 1,
    });
  });
});

describe('completing an action', () => {
  let planId: string;
  beforeAll(async () => {
    planId = await createPlan();
  });

  it('moves a recurring action on by its interval, as planned, and keeps the history newest first', async () => {
    const action = await createAction(planId, { ...minimal, year: 2027, intervalYears: 8, status: 'urgent' });
    const first = await team.editor.client.post(completeUrl(action.id), { actualCost: 118_000.5, note: '  Målat av Färg AB. ' });
    expect(first.statusCode).toBe(201);
    const firstCompletion = {
      id: expect.any(String),
      accountId: team.accountId,
      actionId: action.id,
      year: 2027,
      actualCost: 118_000.5,
      note: 'Målat av Färg AB.',
      completedBy: team.editor.userId,
      completedByName: team.editor.name,
      completedAt: isoTimestamp,
    };
    expect(first.json()).toEqual({ action: { ...action, year: 2035, status: 'planned', updatedAt: isoTimestamp }, completion: firstCompletion });

    // Done late, in 2037: the interval counts from then. An admin may complete too.
    const second = await team.admin.client.post(completeUrl(action.id), { year: 2037 });
    expect(second.statusCode).toBe(201);
    const secondCompletion = { ...firstCompletion, year: 2037, actualCost: null, note: '', completedBy: team.admin.userId, completedByName: team.admin.name };
    expect(second.json()).toEqual({ action: { ...action, year: 2045, status: 'planned', updatedAt: isoTimestamp }, completion: secondCompletion });

    const read = (await team.viewer.client.get(actionUrl(action.id))).json();
    expect(read).toEqual({
      ...action,
      year: 2045,
      status: 'planned',
      updatedAt: isoTimestamp,
      completions: [second.json().completion, first.json().completion],
    });
    expect((await team.viewer.client.get(actionsUrl(planId))).json()).toContainEqual(second.json().action);
  });

  it('names who recorded each completion, and nobody once that user is deleted', async () => {
    const action = await createAction(planId, { ...minimal, year: 2027, intervalYears: 5 });
    const leaving = await signUpUser(testApp.app);
    await addMember(team.admin.client, team.accountId, leaving, 'editor');
    const completion = created<{ completion: { id: string } }>(await leaving.client.post(completeUrl(action.id), {})).completion;
    const before = (await team.viewer.client.get(actionUrl(action.id))).json() as {
      completions: { id: string; completedBy: string | null; completedByName: string | null }[];
    };
    expect(before.completions).toEqual([expect.objectContaining({ id: completion.id, completedBy: leaving.userId, completedByName: leaving.name })]);
    await testApp.database.db.deleteFrom('users').where('id', '=', leaving.userId).execute();
    const after = (await team.viewer.client.get(actionUrl(action.id))).json() as typeof before;
    expect(after.completions).toEqual([expect.objectContaining({ id: completion.id, completedBy: null, completedByName: null })]);
  });

  it('turns a draft or deferred recurring action into a planned one', async () => {
    for (const status of ['draft', 'deferred', 'planned']) {
      const action = await createAction(planId, { ...minimal, year: 2030, intervalYears: 15, status });
      const response = await team.editor.client.post(completeUrl(action.id));
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().action).toMatchObject({ year: 2045, status: 'planned' });
      expect(response.json().completion).toMatchObject({ year: 2030, actualCost: null, note: '' });
    }
  });

  it('completes the next occurrence of a recurring action that is already done', async () => {
    const action = await createAction(planId, { ...minimal, year: 2027, intervalYears: 8, status: 'done' });
    const response = await team.editor.client.post(completeUrl(action.id), {});
    expect(response.statusCode).toBe(201);
    expect(response.json().completion.year).toBe(2035);
    expect(response.json().action).toMatchObject({ year: 2043, status: 'planned' });
  });

  it('makes a one-off action done in the year it was done, and refuses to complete it again with 409', async () => {
    const action = await createAction(planId, { ...minimal, year: 2028, status: 'deferred' });
    const done = await team.editor.client.post(completeUrl(action.id), { actualCost: 290_000 });
    expect(done.statusCode).toBe(201);
    expect(done.json().action).toEqual({ ...action, year: 2028, status: 'done', updatedAt: isoTimestamp });
    expect(done.json().completion).toMatchObject({ year: 2028, actualCost: 290_000 });

    const late = await createAction(planId, { ...minimal, year: 2028 });
    const lateDone = await team.editor.client.post(completeUrl(late.id), { year: 2030, note: 'Försenad' });
    expect(lateDone.json().action).toMatchObject({ year: 2030, status: 'done' });

    const before = await snapshotPlanData(testApp.database.db);
    for (const body of [{}, { year: 2031 }]) {
      const again = await team.editor.client.post(completeUrl(action.id), body, { 'accept-language': 'sv' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toEqual({
        code: 'conflict',
        message: expect.stringContaining('already done'),
        fieldCodes: { status: 'action.already_done' },
        fields: { status: 'Åtgärden är en engångsåtgärd och redan genomförd.' },
      });
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
    // Planned again by hand, it can be completed again.
    expect((await team.editor.client.patch(actionUrl(action.id), { status: 'planned', year: 2040 })).statusCode).toBe(200);
    expect((await team.editor.client.post(completeUrl(action.id))).json().action).toMatchObject({ year: 2040, status: 'done' });
    expect((await team.viewer.client.get(actionUrl(action.id))).json().completions.map((completion: { year: number }) => completion.year)).toEqual([
      2040, 2028,
    ]);
  });

  it('runs concurrent completions one after the other: each sees the action the previous one left', async () => {
    const recurring = await createAction(planId, { ...minimal, year: 2027, intervalYears: 8 });
    const responses = await Promise.all([1, 2, 3].map(() => team.editor.client.post(completeUrl(recurring.id))));
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    expect(responses.map((response) => response.json().completion.year).sort()).toEqual([2027, 2035, 2043]);
    expect((await team.viewer.client.get(actionUrl(recurring.id))).json()).toMatchObject({ year: 2051, status: 'planned' });

    const oneOff = await createAction(planId, { ...minimal, year: 2029 });
    const racing = await Promise.all([1, 2, 3].map(() => team.editor.client.post(completeUrl(oneOff.id))));
    expect(racing.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await team.viewer.client.get(actionUrl(oneOff.id))).json().completions).toHaveLength(1);
  });

  it('answers 400 to bad completions and to a next occurrence after 2200, and writes nothing', async () => {
    const recurring = await createAction(planId, { ...minimal, year: 2195, intervalYears: 10 });
    const doneRecurring = await createAction(planId, { ...minimal, year: 2195, intervalYears: 10, status: 'done' });
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [string, Record<string, unknown>, Record<string, string>][] = [
      [recurring.id, {}, { year: 'completion.next_year_out_of_range' }],
      [recurring.id, { year: 2191 }, { year: 'completion.next_year_out_of_range' }],
      [doneRecurring.id, {}, { year: 'year.out_of_range' }],
      [recurring.id, { year: 2201 }, { year: 'year.out_of_range' }],
      [recurring.id, { year: 1899 }, { year: 'year.out_of_range' }],
      [recurring.id, { year: '2027' }, { year: 'number.invalid' }],
      [recurring.id, { actualCost: -1 }, { actualCost: 'amount.out_of_range' }],
      [recurring.id, { actualCost: 1.001 }, { actualCost: 'number.too_many_decimals' }],
      [recurring.id, { note: 'n'.repeat(4001) }, { note: 'note.too_long' }],
      [recurring.id, { status: 'done' }, { status: 'field.unknown' }],
    ];
    for (const [id, body, fieldCodes] of cases) {
      const response = await team.editor.client.post(completeUrl(id), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({ code: 'validation', fieldCodes });
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
    // 2190 + 10 = 2200 still fits.
    expect((await team.editor.client.post(completeUrl(recurring.id), { year: 2190 })).json().action).toMatchObject({ year: 2200, status: 'planned' });
  });
});

describe('occurrences', () => {
  /**
   * docs/product/cost-model.md § Worked example: 2026–2055, client cost 10 %, indexation 2 % from
   * 2026, VAT 25 %.
   */
  const workedExamplePlan = { clientCostPercent: 10, vatPercent: 25, indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 } };
  const windows = { ...minimal, name: 'Målning fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 2500, year: 2027, intervalYears: 8 };

  it("follows the cost model's worked example, excluding and including VAT", async () => {
    const planId = await createPlan(workedExamplePlan);
    const action = await createAction(planId, windows);
    const excl = [
      { actionId: action.id, year: 2027, status: 'planned', overdue: false, cost: 112_200 },
      { actionId: action.id, year: 2035, status: 'planned', overdue: false, cost: 131_460.18 },
      { actionId: action.id, year: 2043, status: 'planned', overdue: false, cost: 154_026.56 },
      { actionId: action.id, year: 2051, status: 'planned', overdue: false, cost: 180_466.66 },
    ];
    for (const url of [occurrencesUrl(planId), occurrencesUrl(planId, '?vat=excl'), occurrencesUrl(planId, '?vat=excl&includeInvestments=true')]) {
      const response = await team.viewer.client.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(excl);
    }
    // Each cost × 1.25, computed unrounded and rounded to öre once.
    const incl = await team.viewer.client.get(occurrencesUrl(planId, '?vat=incl'));
    expect(incl.json()).toEqual([
      { ...excl[0], cost: 140_250 },
      { ...excl[1], cost: 164_325.23 },
      { ...excl[2], cost: 192_533.2 },
      { ...excl[3], cost: 225_583.32 },
    ]);
  });

  it('places an overdue action in the start year, and gives a done one-off none, drafts draft, urgent only the first', async () => {
    const planId = await createPlan(workedExamplePlan);
    const overdue = await createAction(planId, { ...windows, name: 'Överdue', year: 2022, intervalYears: null });
    const overdueRecurring = await createAction(planId, {
      ...windows,
      name: 'Överdue återkommande',
      category: 'el',
      year: 2020,
      intervalYears: 20,
      baseYear: 2026,
    });
    await createAction(planId, { ...windows, name: 'Klar', year: 2027, intervalYears: null, status: 'done' });
    const draft = await createAction(planId, { ...windows, name: 'Utkast', category: 'mark', year: 2040, intervalYears: 10, status: 'draft' });
    const urgent = await createAction(planId, { ...windows, name: 'Akut', category: 'yttertak', year: 2030, intervalYears: 12, status: 'urgent' });
    const doneRecurring = await createAction(planId, {
      ...windows,
      name: 'Klar återkommande',
      category: 'vatten',
      year: 2027,
      intervalYears: 25,
      status: 'done',
    });

    const response = await team.viewer.client.get(occurrencesUrl(planId));
    expect(response.statusCode).toBe(200);
    const cost = (year: number) => Number((110_000 * 1.02 ** (year - 2026)).toFixed(2));
    expect(response.json()).toEqual([
      // Overdue: placed in 2026, indexed to 2026; a recurring one continues from 2026.
      { actionId: overdueRecurring.id, year: 2026, status: 'planned', overdue: true, cost: 110_000 },
      { actionId: overdue.id, year: 2026, status: 'planned', overdue: true, cost: 110_000 },
      { actionId: urgent.id, year: 2030, status: 'urgent', overdue: false, cost: cost(2030) },
      { actionId: draft.id, year: 2040, status: 'draft', overdue: false, cost: cost(2040) },
      { actionId: urgent.id, year: 2042, status: 'planned', overdue: false, cost: cost(2042) },
      { actionId: overdueRecurring.id, year: 2046, status: 'planned', overdue: false, cost: cost(2046) },
      { actionId: draft.id, year: 2050, status: 'draft', overdue: false, cost: cost(2050) },
      // Done in 2027, next due 2027 + 25.
      { actionId: doneRecurring.id, year: 2052, status: 'planned', overdue: false, cost: cost(2052) },
      { actionId: urgent.id, year: 2054, status: 'planned', overdue: false, cost: cost(2054) },
    ]);
    expect(cost(2030)).toBe(119_067.54);
  });

  it('keeps to the window end, orders a year like the action list, and leaves out investments on request', async () => {
    const planId = await createPlan({ startYear: 2026, lengthYears: 30 });
    const last = await createAction(planId, { ...minimal, name: 'Sista året', category: 'fasad', year: 2055, quantity: 1, unitPrice: 100 });
    await createAction(planId, { ...minimal, name: 'Efter planen', year: 2056, quantity: 1, unitPrice: 100 });
    await createAction(planId, { ...minimal, name: 'Långt efter', year: 2200, intervalYears: 100, quantity: 1, unitPrice: 100 });
    const everyTen = await createAction(planId, {
      ...minimal,
      name: 'Vart tionde år',
      category: 'mark',
      year: 2035,
      intervalYears: 10,
      quantity: 2,
      unitPrice: 0.5,
    });
    const investment = await createAction(planId, {
      ...minimal,
      name: 'Nya balkonger',
      category: 'fasad',
      year: 2035,
      quantity: 3,
      unitPrice: 10,
      isInvestment: true,
    });
    const sameYear = await createAction(planId, { ...minimal, name: 'Ventilation', category: 'ventilation', year: 2035, quantity: 1, unitPrice: 1 });

    const all = await team.viewer.client.get(occurrencesUrl(planId, '?includeInvestments=true&vat=incl'));
    expect(all.json()).toEqual([
      // In 2035: mark, fasad, ventilation (the categories' display order), as in the action list.
      { actionId: everyTen.id, year: 2035, status: 'planned', overdue: false, cost: 1.25 },
      { actionId: investment.id, year: 2035, status: 'planned', overdue: false, cost: 37.5 },
      { actionId: sameYear.id, year: 2035, status: 'planned', overdue: false, cost: 1.25 },
      { actionId: everyTen.id, year: 2045, status: 'planned', overdue: false, cost: 1.25 },
      { actionId: everyTen.id, year: 2055, status: 'planned', overdue: false, cost: 1.25 },
      { actionId: last.id, year: 2055, status: 'planned', overdue: false, cost: 125 },
    ]);
    const withoutInvestments = await team.viewer.client.get(occurrencesUrl(planId, '?includeInvestments=false'));
    expect(withoutInvestments.json()).toEqual(
      all
        .json()
        .filter((occurrence: { actionId: string }) => occurrence.actionId !== investment.id)
        .map((occurrence: { cost: number }) => ({ ...occurrence, cost: occurrence.cost / 1.25 })),
    );
    expect((await team.viewer.client.get(occurrencesUrl(await createPlan()))).json()).toEqual([]);
  });

  it('follows changes to the plan and its actions', async () => {
    const planId = await createPlan(workedExamplePlan);
    const action = await createAction(planId, windows);
    expect((await team.editor.client.patch(`/api/plans/${planId}`, { startYear: 2030, lengthYears: 10, clientCostPercent: 0 })).statusCode).toBe(200);
    // Due 2027, before the new start: overdue in 2030, then 2038.
    const cost = (year: number) => Number((100_000 * 1.02 ** (year - 2026)).toFixed(2));
    expect((await team.viewer.client.get(occurrencesUrl(planId))).json()).toEqual([
      { actionId: action.id, year: 2030, status: 'planned', overdue: true, cost: cost(2030) },
      { actionId: action.id, year: 2038, status: 'planned', overdue: false, cost: cost(2038) },
    ]);
    await team.editor.client.post(completeUrl(action.id), { year: 2030 });
    expect((await team.viewer.client.get(occurrencesUrl(planId))).json()).toEqual([
      { actionId: action.id, year: 2038, status: 'planned', overdue: false, cost: cost(2038) },
    ]);
  });

  it('answers 400 to unknown query values and parameters', async () => {
    const cases: [string, Record<string, string>][] = [
      ['?vat=inkl', { vat: 'vat.invalid' }],
      ['?vat=', { vat: 'vat.invalid' }],
      ['?vat=INCL', { vat: 'vat.invalid' }],
      ['?vat=incl&vat=excl', { vat: 'vat.invalid' }],
      ['?includeInvestments=yes', { includeInvestments: 'boolean.invalid' }],
      ['?includeInvestments=1', { includeInvestments: 'boolean.invalid' }],
      ['?includeInvestments=', { includeInvestments: 'boolean.invalid' }],
      ['?asOfYear=2026', { asOfYear: 'field.unknown' }],
      ['?vat=excl&includeInvestments=maybe&x=1', { includeInvestments: 'boolean.invalid', x: 'field.unknown' }],
    ];
    for (const [query, fieldCodes] of cases) {
      const response = await team.viewer.client.get(occurrencesUrl(own.planId, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'validation', fieldCodes });
    }
    const swedish = await team.viewer.client.get(occurrencesUrl(own.planId, '?vat=moms'), { 'accept-language': 'sv' });
    expect(swedish.json().error.fields).toEqual({ vat: 'Välj inklusive (incl) eller exklusive (excl) moms.' });
  });
});
