import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let chain: Awaited<ReturnType<typeof createPropertyWithPlan>>;
/** A second plan of the same property, and a plan of another property. */
let siblingPlanId: string;
let otherPlanId: string;

type Created = { id: string };

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  chain = await createPropertyWithPlan(team.editor.client, team.accountId);
  siblingPlanId = created<Created>(await team.editor.client.post(`/api/properties/${chain.propertyId}/plans`, { name: 'Sibling', startYear: 2026 })).id;
  otherPlanId = (await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Alm', property: 'Alm 1', plan: 'Other' })).planId;
});
afterAll(async () => {
  await testApp.close();
});

const db = () => testApp.database.db;

async function revisions(): Promise<{ plan: number; sibling: number; other: number }> {
  const rows = await db().selectFrom('plans').select(['id', 'revision']).where('id', 'in', [chain.planId, siblingPlanId, otherPlanId]).execute();
  const of = (id: string) => rows.find((row) => row.id === id)?.revision ?? -1;
  return { plan: of(chain.planId), sibling: of(siblingPlanId), other: of(otherPlanId) };
}

/** Inserts `count` actions into the plan in ONE statement. */
async function insertActions(planId: string, count: number, columns: { buildingId?: string; locationId?: string } = {}): Promise<string[]> {
  const propertyId =
    planId === otherPlanId
      ? (await db().selectFrom('plans').select('property_id').where('id', '=', planId).executeTakeFirstOrThrow()).property_id
      : chain.propertyId;
  const rows = await sql<{ id: string }>`
    insert into actions (account_id, property_id, plan_id, building_id, location_id, name, category, quantity, unit, unit_price, year, status)
    select ${team.accountId}::uuid, ${propertyId}::uuid, ${planId}::uuid, ${columns.buildingId ?? null}::uuid, ${columns.locationId ?? null}::uuid,
           'Åtgärd ' || i, 'fasad', 1, 'st', 100, 2030, 'planned'
    from generate_series(1, ${count}) as i
    returning id
  `.execute(db());
  return rows.rows.map((row) => row.id);
}

let before: { plan: number; sibling: number; other: number };
beforeEach(async () => {
  before = await revisions();
});

it('starts a new plan at revision 0', async () => {
  const planId = created<Created>(await team.editor.client.post(`/api/properties/${chain.propertyId}/plans`, { name: 'New', startYear: 2026 })).id;
  const row = await db().selectFrom('plans').select('revision').where('id', '=', planId).executeTakeFirstOrThrow();
  expect(row.revision).toBe(0);
});

it('bumps the plan once for an insert of many actions in one statement, and no other plan', async () => {
  await insertActions(chain.planId, 25);
  expect(await revisions()).toEqual({ ...before, plan: before.plan + 1 });
});

it('bumps the plan once for an update of many of its actions, and not for an update that matches nothing', async () => {
  await insertActions(siblingPlanId, 3);
  const afterInsert = await revisions();
  expect(afterInsert).toEqual({ ...before, sibling: before.sibling + 1 });
  await db().updateTable('actions').set({ year: 2031 }).where('plan_id', '=', siblingPlanId).execute();
  expect(await revisions()).toEqual({ ...afterInsert, sibling: afterInsert.sibling + 1 });
  await db().updateTable('actions').set({ year: 2031 }).where('plan_id', '=', siblingPlanId).where('year', '=', 1999).execute();
  expect(await revisions()).toEqual({ ...afterInsert, sibling: afterInsert.sibling + 1 });
});

it('bumps every plan touched by one statement once each', async () => {
  const [inPlan] = await insertActions(chain.planId, 1);
  const [inOther] = await insertActions(otherPlanId, 1);
  const middle = await revisions();
  expect(middle).toEqual({ plan: before.plan + 1, sibling: before.sibling, other: before.other + 1 });
  await db().deleteFrom('actions').where('id', 'in', [inPlan!, inOther!]).execute();
  expect(await revisions()).toEqual({ plan: middle.plan + 1, sibling: middle.sibling, other: middle.other + 1 });
});

it('bumps both plans when an action moves from one to the other', async () => {
  const [id] = await insertActions(chain.planId, 1);
  const middle = await revisions();
  await db().updateTable('actions').set({ plan_id: siblingPlanId }).where('id', '=', id!).execute();
  expect(await revisions()).toEqual({ plan: middle.plan + 1, sibling: middle.sibling + 1, other: middle.other });
});

it('bumps through the API: create, PATCH, complete, bulk update and delete each add exactly one', async () => {
  const client = team.editor.client;
  const action = created<Created>(
    await client.post(`/api/plans/${siblingPlanId}/actions`, {
      name: 'Fönster',
      category: 'fasad',
      quantity: 4,
      unit: 'st',
      unitPrice: 2500,
      year: 2027,
      intervalYears: 8,
    }),
  );
  expect((await revisions()).sibling).toBe(before.sibling + 1);
  expect((await client.patch(`/api/actions/${action.id}`, { quantity: 5 })).statusCode).toBe(200);
  expect((await revisions()).sibling).toBe(before.sibling + 2);
  expect((await client.post(`/api/actions/${action.id}/complete`, { actualCost: 9000 })).statusCode).toBe(201);
  expect((await revisions()).sibling).toBe(before.sibling + 3);
  expect((await client.post(`/api/plans/${siblingPlanId}/actions/bulk-update`, { actionIds: [action.id], changes: { year: 2040 } })).statusCode).toBe(200);
  expect((await revisions()).sibling).toBe(before.sibling + 4);
  expect((await client.delete(`/api/actions/${action.id}`)).statusCode).toBe(204);
  expect(await revisions()).toEqual({ ...before, sibling: before.sibling + 5 });
});

it('bumps the plans whose actions lose their building or location when it is deleted, and no other', async () => {
  const building = created<Created>(await team.editor.client.post(`/api/properties/${chain.propertyId}/buildings`, { name: 'Hus Rivs' }));
  const location = created<Created>(await team.editor.client.post(`/api/properties/${chain.propertyId}/locations`, { name: 'Källare' }));
  await insertActions(chain.planId, 2, { buildingId: building.id, locationId: location.id });
  const middle = await revisions();
  expect((await team.editor.client.delete(`/api/buildings/${building.id}`)).statusCode).toBe(204);
  expect(await revisions()).toEqual({ ...middle, plan: middle.plan + 1 });
  expect((await team.editor.client.delete(`/api/locations/${location.id}`)).statusCode).toBe(204);
  expect(await revisions()).toEqual({ ...middle, plan: middle.plan + 2 });
  // A building no action uses changes no plan.
  const unused = created<Created>(await team.editor.client.post(`/api/properties/${chain.propertyId}/buildings`, { name: 'Förråd' }));
  expect((await team.editor.client.delete(`/api/buildings/${unused.id}`)).statusCode).toBe(204);
  expect(await revisions()).toEqual({ ...middle, plan: middle.plan + 2 });
});

it('does not bump for a rolled-back write, and lets a plan with actions be deleted (its actions by cascade)', async () => {
  await db()
    .transaction()
    .execute(async (transaction) => {
      await transaction.updateTable('actions').set({ year: 2045 }).where('plan_id', '=', chain.planId).execute();
      throw new Error('roll back');
    })
    .catch((error: unknown) => expect(String(error)).toContain('roll back'));
  expect(await revisions()).toEqual(before);

  const planId = created<Created>(await team.editor.client.post(`/api/properties/${chain.propertyId}/plans`, { name: 'Doomed', startYear: 2026 })).id;
  await insertActions(planId, 3);
  expect((await team.editor.client.delete(`/api/plans/${planId}`)).statusCode).toBe(204);
  expect(await db().selectFrom('actions').select('id').where('plan_id', '=', planId).execute()).toEqual([]);
  expect(await revisions()).toEqual(before);
});

it('keeps the revision out of every plan response', async () => {
  const response = await team.viewer.client.get(`/api/plans/${chain.planId}`);
  expect(response.statusCode).toBe(200);
  expect(Object.keys(response.json() as object)).not.toContain('revision');
  const list = await team.viewer.client.get(`/api/properties/${chain.propertyId}/plans`);
  expect(list.statusCode).toBe(200);
  expect(list.body).not.toContain('revision');
});
