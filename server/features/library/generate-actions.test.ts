import { afterAll, beforeAll, expect, it } from 'vitest';
import { created, createPropertyWithPlan, signUpTeam, snapshotPlanData, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { builtinLibrary } from './builtin-library.ts';

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

type Action = Record<string, unknown> & { id: string; name: string; year: number; libraryItemId: string | null };

const library = builtinLibrary();
const component = library.components.find((candidate) => candidate.itemIds.length >= 2)!;
const items = component.itemIds.map((id) => library.items.find((item) => item.id === id)!);
const generateUrl = (planId: string) => `/api/plans/${planId}/generate`;

async function newPlanWithTwoBuildings(owner = team) {
  const ids = await createPropertyWithPlan(owner.editor.client, owner.accountId);
  const second = created<{ id: string }>(await owner.editor.client.post(`/api/properties/${ids.propertyId}/buildings`, { name: 'Hus B' }));
  return { ...ids, secondBuildingId: second.id };
}

it('creates one draft per item of each component and building, from the items as the account sees them, as one change set', async () => {
  // A team of its own: its replacement of a built-in item must not reach the other tests.
  const team = await signUpTeam(testApp.app);
  const ids = await newPlanWithTwoBuildings(team);
  // The account's own price of the component's first item is what it generates from.
  const replacement = created<{ id: string }>(
    await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, {
      name: { sv: 'Vårt pris', en: 'Our price' },
      category: items[0]!.category,
      unit: items[0]!.unit,
      lifetimeYears: 25,
      unitPrice: 1111.11,
      priceYear: 2026,
      replacesItemId: items[0]!.id,
    }),
  );
  const body = {
    components: [
      { componentId: component.id, buildingId: ids.buildingId, lastDoneYear: 1990, quantity: 120 },
      { componentId: component.id, buildingId: ids.secondBuildingId },
    ],
  };
  const response = await team.editor.client.post(generateUrl(ids.planId), body, { 'accept-language': 'en' });
  const result = created<{ created: number; actionIds: string[]; changeSetId: string }>(response);
  expect(result.created).toBe(items.length * 2);
  expect(result.actionIds).toHaveLength(items.length * 2);

  const actions = (await team.viewer.client.get(`/api/plans/${ids.planId}/actions`)).json() as Action[];
  const expected = [ids.buildingId, ids.secondBuildingId].flatMap((buildingId) =>
    items.map((item, index) => {
      const own = index === 0;
      const lifetime = own ? 25 : item.lifetimeYears;
      return {
        id: result.actionIds[(buildingId === ids.buildingId ? 0 : items.length) + index],
        name: own ? 'Our price' : item.name.en,
        category: item.category,
        buildingId,
        locationId: null,
        quantity: buildingId === ids.buildingId ? 120 : 0,
        unit: item.unit,
        unitPrice: own ? 1111.11 : item.unitPrice,
        // Last done in 1990: next due a lifetime later; no year given: the plan's start year (2026).
        year: buildingId === ids.buildingId ? 1990 + lifetime : 2026,
        intervalYears: lifetime,
        status: 'draft',
        baseYear: own ? 2026 : item.priceYear,
        isInvestment: false,
        tags: [],
        note: '',
        libraryItemId: own ? replacement.id : item.id,
      };
    }),
  );
  const byId = new Map(actions.map(({ createdAt: _c, updatedAt: _u, accountId: _a, planId: _p, propertyId: _r, ...action }) => [action.id, action]));
  expect(expected.map((action) => byId.get(action.id!))).toEqual(expected);

  // Undoing the change set moves every draft to the trash.
  const undo = await team.editor.client.post(`/api/change-sets/${result.changeSetId}/undo`);
  expect(undo.statusCode, undo.body).toBe(200);
  expect((await team.viewer.client.get(`/api/plans/${ids.planId}/actions`)).json()).toEqual([]);
});

it('answers a dry run without writing, and never duplicates a component silently', async () => {
  const ids = await newPlanWithTwoBuildings();
  const entry = { componentId: component.id, buildingId: ids.buildingId };
  const before = await snapshotPlanData(testApp.database.db);
  const dry = await team.editor.client.post(generateUrl(ids.planId), { components: [entry], dryRun: true });
  expect(dry.statusCode, dry.body).toBe(200);
  expect(dry.json()).toMatchObject({ created: items.length, actionIds: [], alreadyGenerated: [] });
  expect(dry.json().drafts.map((draft: { libraryItemId: string; year: number }) => [draft.libraryItemId, draft.year])).toEqual(
    items.map((item) => [item.id, 2026]),
  );
  expect(await snapshotPlanData(testApp.database.db)).toEqual(before);

  created(await team.editor.client.post(generateUrl(ids.planId), { components: [entry] }));
  const again = await team.editor.client.post(generateUrl(ids.planId), {
    components: [entry, { componentId: component.id, buildingId: ids.secondBuildingId }],
  });
  expect(again.statusCode).toBe(409);
  expect(again.json().error).toMatchObject({ code: 'conflict', details: { alreadyGenerated: [entry] } });

  const skipped = created<{ created: number }>(
    await team.editor.client.post(generateUrl(ids.planId), {
      components: [entry, { componentId: component.id, buildingId: ids.secondBuildingId }],
      onExisting: 'skip',
    }),
  );
  expect(skipped).toMatchObject({ created: items.length, alreadyGenerated: [entry] });
  const added = created<{ created: number }>(await team.editor.client.post(generateUrl(ids.planId), { components: [entry], onExisting: 'add' }));
  expect(added.created).toBe(items.length);
  expect((await team.viewer.client.get(`/api/plans/${ids.planId}/actions`)).json()).toHaveLength(items.length * 3);
});

it('refuses unknown components, foreign buildings, future and too late years per field, and writes nothing', async () => {
  const ids = await newPlanWithTwoBuildings();
  const foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
  const before = await snapshotPlanData(testApp.database.db);
  const response = await team.editor.client.post(generateUrl(ids.planId), {
    components: [
      { componentId: items[0]!.id },
      { componentId: component.id, buildingId: foreign.buildingId },
      { componentId: component.id, lastDoneYear: new Date().getFullYear() + 1 },
      { componentId: component.id },
    ],
  });
  expect(response.statusCode).toBe(400);
  expect(response.json().error.fieldCodes).toEqual({
    'components.0.componentId': 'library.component_unknown',
    'components.3.componentId': 'library.generate_twice',
    'components.2.lastDoneYear': 'library.last_done_in_future',
  });
  const building = await team.editor.client.post(generateUrl(ids.planId), { components: [{ componentId: component.id, buildingId: foreign.buildingId }] });
  expect(building.json().error.fieldCodes).toEqual({ 'components.0.buildingId': 'building.not_in_property' });
  expect(await snapshotPlanData(testApp.database.db)).toEqual(before);

  expect((await team.viewer.client.post(generateUrl(ids.planId), { components: [{ componentId: component.id }] })).statusCode).toBe(403);
  expect((await other.editor.client.post(generateUrl(ids.planId), { components: [{ componentId: component.id }] })).statusCode).toBe(404);
});
