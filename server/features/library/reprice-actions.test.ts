import { afterAll, beforeAll, expect, it } from 'vitest';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
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

const library = builtinLibrary();
const component = library.components.find((candidate) => candidate.itemIds.length >= 2)!;
const items = component.itemIds.map((id) => library.items.find((item) => item.id === id)!);
const repriceUrl = (planId: string) => `/api/plans/${planId}/reprice`;

type Action = { id: string; name: string; unitPrice: number; baseYear: number | null; libraryItemId: string | null };

it('lists the linked actions priced otherwise than their item, reprices them as one change set, and undoes it', async () => {
  const ids = await createPropertyWithPlan(team.editor.client, team.accountId);
  const generated = created<{ actionIds: string[] }>(
    await team.editor.client.post(`/api/plans/${ids.planId}/generate`, { components: [{ componentId: component.id, quantity: 10 }] }),
  );
  const unlinked = created<Action>(
    await team.editor.client.post(`/api/plans/${ids.planId}/actions`, {
      name: 'Fri åtgärd',
      category: 'el',
      quantity: 1,
      unit: 'st',
      unitPrice: 5,
      year: 2027,
    }),
  );
  expect((await team.viewer.client.get(repriceUrl(ids.planId))).json()).toEqual({ actions: [] });
  expect((await team.editor.client.post(repriceUrl(ids.planId), {})).json()).toEqual({ updated: 0 });

  // A hand-edited price, and the account's own price of the first item: both differ from the library now.
  const [first, second] = generated.actionIds;
  await team.editor.client.patch(`/api/actions/${second}`, { unitPrice: 12.34, baseYear: 2019 });
  created(
    await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, {
      name: 'Vårt avtalspris',
      category: items[0]!.category,
      unit: items[0]!.unit,
      lifetimeYears: items[0]!.lifetimeYears,
      unitPrice: 777.77,
      priceYear: 2027,
      replacesItemId: items[0]!.id,
    }),
  );
  const candidates = (await team.viewer.client.get(repriceUrl(ids.planId))).json() as { actions: Array<Record<string, unknown>> };
  const actions = (await team.viewer.client.get(`/api/plans/${ids.planId}/actions`)).json() as Action[];
  const byId = new Map(actions.map((action) => [action.id, action]));
  expect(new Set(candidates.actions.map((candidate) => candidate.id))).toEqual(new Set([first, second]));
  expect(candidates.actions.find((candidate) => candidate.id === first)).toEqual({
    id: first,
    name: byId.get(first!)!.name,
    unitPrice: items[0]!.unitPrice,
    baseYear: items[0]!.priceYear,
    libraryItemId: items[0]!.id,
    libraryUnitPrice: 777.77,
    libraryPriceYear: 2027,
  });
  expect(candidates.actions.find((candidate) => candidate.id === second)).toMatchObject({
    unitPrice: 12.34,
    baseYear: 2019,
    libraryUnitPrice: items[1]!.unitPrice,
    libraryPriceYear: items[1]!.priceYear,
  });

  // Viewers may not; ids outside the plan are 404 and change nothing.
  expect((await team.viewer.client.post(repriceUrl(ids.planId), {})).statusCode).toBe(403);
  expect((await other.editor.client.post(repriceUrl(ids.planId), {})).statusCode).toBe(404);
  const foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
  expect((await team.editor.client.post(repriceUrl(foreign.planId), {})).statusCode).toBe(404);
  expect((await team.editor.client.post(repriceUrl(ids.planId), { actionIds: [first, foreign.planId] })).statusCode).toBe(404);

  // Only the one chosen, then the rest.
  const one = await team.editor.client.post(repriceUrl(ids.planId), { actionIds: [first, unlinked.id] });
  expect(one.statusCode, one.body).toBe(200);
  expect(one.json()).toEqual({ updated: 1, changeSetId: expect.any(String) });
  expect((await team.viewer.client.get(`/api/actions/${first}`)).json()).toMatchObject({ unitPrice: 777.77, baseYear: 2027, libraryItemId: items[0]!.id });
  expect((await team.viewer.client.get(`/api/actions/${second}`)).json()).toMatchObject({ unitPrice: 12.34, baseYear: 2019 });
  const rest = (await team.editor.client.post(repriceUrl(ids.planId), {})).json() as { updated: number; changeSetId: string };
  expect(rest.updated).toBe(1);
  expect((await team.viewer.client.get(`/api/actions/${second}`)).json()).toMatchObject({ unitPrice: items[1]!.unitPrice, baseYear: items[1]!.priceYear });
  expect((await team.viewer.client.get(`/api/actions/${unlinked.id}`)).json()).toMatchObject({ unitPrice: 5, baseYear: null });

  const undo = await team.editor.client.post(`/api/change-sets/${rest.changeSetId}/undo`);
  expect(undo.statusCode, undo.body).toBe(200);
  expect((await team.viewer.client.get(`/api/actions/${second}`)).json()).toMatchObject({ unitPrice: 12.34, baseYear: 2019 });
  expect(((await team.viewer.client.get(repriceUrl(ids.planId))).json() as { actions: Array<{ id: string }> }).actions.map((a) => a.id)).toEqual([second]);
});
