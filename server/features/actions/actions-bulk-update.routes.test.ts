import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, createPropertyWithPlan, expectAllNotFound, isoTimestamp, signUpTeam, snapshotPlanData, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
/** The team's property with a building, a location and a plan (2026–2055). */
let own: Awaited<ReturnType<typeof createPropertyWithPlan>>;
/** Another account's property and plan. */
let foreign: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let foreignActionId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  own = await createPropertyWithPlan(team.editor.client, team.accountId);
  foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
  foreignActionId = created<Body>(await other.editor.client.post(`/api/plans/${foreign.planId}/actions`, { ...minimal, name: 'Deras åtgärd' })).id;
});
afterAll(async () => {
  await testApp.close();
});

type Body = Record<string, unknown> & { id: string; updatedAt: string };

const bulkUrl = (planId: string) => `/api/plans/${planId}/actions/bulk-update`;
const minimal = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };

async function createPlan(): Promise<string> {
  return created<{ id: string }>(await team.editor.client.post(`/api/properties/${own.propertyId}/plans`, { name: 'Plan', startYear: 2026 })).id;
}

async function createAction(planId: string, body: Record<string, unknown>): Promise<Body> {
  return created<Body>(await team.editor.client.post(`/api/plans/${planId}/actions`, { ...minimal, ...body }));
}

async function listActions(planId: string): Promise<Body[]> {
  const response = await team.viewer.client.get(`/api/plans/${planId}/actions`);
  expect(response.statusCode).toBe(200);
  return response.json() as Body[];
}

const byId = (actions: Body[]) => new Map(actions.map((action) => [action.id, action]));

describe('bulk update of actions', () => {
  it('sets the year and the status of the selected actions only, each counted once, with a new updatedAt', async () => {
    const planId = await createPlan();
    const roof = await createAction(planId, { year: 2031, intervalYears: 30, status: 'planned', tags: ['P-1'] });
    const facade = await createAction(planId, { name: 'Målning fasad', category: 'fasad', year: 2028, status: 'draft', buildingId: own.buildingId });
    const done = await createAction(planId, { name: 'OVK', category: 'myndighet', year: 2025, intervalYears: 6, status: 'done' });
    const untouched = await createAction(planId, { name: 'Orörd', year: 2030 });

    const response = await team.editor.client.post(bulkUrl(planId), {
      actionIds: [roof.id, facade.id, roof.id, done.id, facade.id],
      changes: { year: 2035, status: 'urgent' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ updated: 3 });

    const after = byId(await listActions(planId));
    expect(after.get(roof.id)).toEqual({ ...roof, year: 2035, status: 'urgent', updatedAt: isoTimestamp });
    expect(after.get(facade.id)).toEqual({ ...facade, year: 2035, status: 'urgent', updatedAt: isoTimestamp });
    expect(after.get(done.id)).toEqual({ ...done, year: 2035, status: 'urgent', updatedAt: isoTimestamp });
    expect(after.get(untouched.id)).toEqual(untouched);
    for (const action of [roof, facade, done]) expect(after.get(action.id)!.updatedAt > action.updatedAt).toBe(true);

    // One change at a time leaves the other field as it is.
    expect((await team.admin.client.post(bulkUrl(planId), { actionIds: [roof.id, untouched.id], changes: { status: 'deferred' } })).json()).toEqual({
      updated: 2,
    });
    expect((await team.editor.client.post(bulkUrl(planId), { actionIds: [facade.id], changes: { year: 2200 } })).json()).toEqual({ updated: 1 });
    const last = byId(await listActions(planId));
    expect([roof, facade, done, untouched].map((action) => [last.get(action.id)!.year, last.get(action.id)!.status])).toEqual([
      [2035, 'deferred'],
      [2200, 'urgent'],
      [2035, 'urgent'],
      [2030, 'deferred'],
    ]);
    // The occurrences follow at once (the roof: urgent in 2035, then planned every 30 years).
    const occurrences = (await team.viewer.client.get(`/api/plans/${planId}/occurrences`)).json() as { actionId: string; year: number; status: string }[];
    expect(occurrences.filter((occurrence) => occurrence.actionId === roof.id).map(({ year, status }) => [year, status])).toEqual([[2035, 'deferred']]);
  });

  it('answers 400 with field codes to every bad request, and writes nothing', async () => {
    const planId = await createPlan();
    const action = await createAction(planId, {});
    const ids = [action.id];
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [unknown, Record<string, string>][] = [
      [{}, { actionIds: 'field.required', changes: 'field.required' }],
      [{ actionIds: [], changes: { year: 2030 } }, { actionIds: 'actions.none_selected' }],
      [{ actionIds: ids }, { changes: 'field.required' }],
      [{ actionIds: ids, changes: {} }, { changes: 'actions.no_change' }],
      [{ actionIds: ids, changes: { year: 1899 } }, { 'changes.year': 'year.out_of_range' }],
      [{ actionIds: ids, changes: { year: 2201 } }, { 'changes.year': 'year.out_of_range' }],
      [{ actionIds: ids, changes: { year: 2030.5 } }, { 'changes.year': 'number.not_integer' }],
      [{ actionIds: ids, changes: { year: '2030' } }, { 'changes.year': 'number.invalid' }],
      [{ actionIds: ids, changes: { year: null } }, { 'changes.year': 'number.invalid' }],
      [{ actionIds: ids, changes: { status: 'finished' } }, { 'changes.status': 'status.invalid' }],
      [{ actionIds: ids, changes: { status: 'DONE' } }, { 'changes.status': 'status.invalid' }],
      [{ actionIds: ids, changes: { status: 'done' } }, { 'changes.status': 'actions.bulk_done' }],
      [{ actionIds: ids, changes: { year: 2030, status: 'done' } }, { 'changes.status': 'actions.bulk_done' }],
      [
        { actionIds: ids, changes: { name: 'Nytt namn' } },
        { 'changes.name': 'field.unknown', changes: 'actions.no_change' },
      ],
      [{ actionIds: ids, changes: { year: 2030, name: 'Nytt namn' } }, { 'changes.name': 'field.unknown' }],
      [{ actionIds: ids, changes: { year: 2030 }, planId }, { planId: 'field.unknown' }],
      [{ actionIds: action.id, changes: { year: 2030 } }, { actionIds: 'field.invalid' }],
      [{ actionIds: [action.id, 'Hus A'], changes: { year: 2030 } }, { 'actionIds.1': 'id.invalid' }],
      [{ actionIds: [null], changes: { year: 2030 } }, { 'actionIds.0': 'id.invalid' }],
      [{ actionIds: Array.from({ length: 10_001 }, () => randomUUID()), changes: { year: 2030 } }, { actionIds: 'actions.too_many_selected' }],
      [[action.id], { _: 'field.invalid' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const what = JSON.stringify(body).slice(0, 200);
      const response = await team.editor.client.post(bulkUrl(planId), body);
      expect(response.statusCode, what).toBe(400);
      expect(response.json().error, what).toEqual({ code: 'validation', message: expect.any(String), fields: expect.any(Object), fieldCodes });
    }
    const swedish = await team.editor.client.post(bulkUrl(planId), { actionIds: ids, changes: { status: 'done' } }, { 'accept-language': 'sv' });
    expect(swedish.json().error.fields).toEqual({
      'changes.status': 'Markera åtgärder som genomförda en i taget, så att år och faktisk kostnad sparas i historiken.',
    });
    const english = await team.editor.client.post(bulkUrl(planId), { actionIds: ids, changes: {} }, { 'accept-language': 'en' });
    expect(english.json().error.fields).toEqual({ changes: 'Give a new year or a new status.' });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses a viewer with 403 and a signed-out client with 401, and changes nothing', async () => {
    const planId = await createPlan();
    const action = await createAction(planId, {});
    const before = await snapshotPlanData(testApp.database.db);
    const viewer = await team.viewer.client.post(bulkUrl(planId), { actionIds: [action.id], changes: { year: 2040 } });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.code).toBe('forbidden');
    const anonymous = await new TestClient(testApp.app).post(bulkUrl(planId), { actionIds: [action.id], changes: { year: 2040 } });
    expect(anonymous.statusCode).toBe(401);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it("answers 404 to another account's plan or actions, and to unknown ids, and changes nothing", async () => {
    const planId = await createPlan();
    const action = await createAction(planId, {});
    const valid = (actionIds: string[]) => ({ actionIds, changes: { year: 2040 } });
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'POST', url: bulkUrl(planId), body: valid([action.id]) },
        // Their own action does not make our plan theirs.
        { method: 'POST', url: bulkUrl(planId), body: valid([foreignActionId]) },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'POST', url: bulkUrl(foreign.planId), body: valid([action.id]) },
      { method: 'POST', url: bulkUrl(foreign.planId), body: valid([foreignActionId]) },
      { method: 'POST', url: bulkUrl(planId), body: valid([foreignActionId]) },
      { method: 'POST', url: bulkUrl(planId), body: valid([action.id, foreignActionId]) },
      { method: 'POST', url: bulkUrl(planId), body: valid([action.id, randomUUID()]) },
      // A plan id is not an action id.
      { method: 'POST', url: bulkUrl(planId), body: valid([planId]) },
      { method: 'POST', url: bulkUrl(randomUUID()), body: valid([action.id]) },
      { method: 'POST', url: bulkUrl(action.id), body: valid([action.id]) },
      { method: 'POST', url: bulkUrl('not-a-uuid'), body: valid([action.id]) },
    ]);
    const message = (await team.admin.client.post(bulkUrl(planId), valid([action.id, randomUUID(), randomUUID()]))).json().error.message;
    expect(message).toBe('2 of the selected actions are not in this plan (deleted meanwhile?)');
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('answers 404 and changes nothing when one action belongs to another plan of the same account', async () => {
    const planId = await createPlan();
    const secondPlanId = await createPlan();
    const mine = await createAction(planId, { name: 'Här' });
    const elsewhere = await createAction(secondPlanId, { name: 'I den andra planen' });
    const before = await snapshotPlanData(testApp.database.db);
    for (const actionIds of [[mine.id, elsewhere.id], [elsewhere.id]]) {
      const response = await team.editor.client.post(bulkUrl(planId), { actionIds, changes: { year: 2050, status: 'deferred' } });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
    expect(await listActions(planId)).toEqual([mine]);
    expect(await listActions(secondPlanId)).toEqual([elsewhere]);
  });

  it('updates 10 000 actions in one request, or none of them when one id is foreign', async () => {
    const planId = await createPlan();
    await sql`
      insert into actions (account_id, property_id, plan_id, name, category, quantity, unit, unit_price, year, status)
      select ${team.accountId}::uuid, ${own.propertyId}::uuid, ${planId}::uuid, 'Åtgärd ' || i, 'fasad', 1, 'st', 100, 2030, 'planned'
      from generate_series(1, 10000) as i
    `.execute(testApp.database.db);
    const ids = (await listActions(planId)).map((action) => action.id);
    expect(ids).toHaveLength(10_000);
    const count = async (year: number, status: 'planned' | 'urgent') =>
      Number(
        (
          await testApp.database.db
            .selectFrom('actions')
            .select((eb) => eb.fn.countAll<string>().as('count'))
            .where('plan_id', '=', planId)
            .where('year', '=', year)
            .where('status', '=', status)
            .executeTakeFirstOrThrow()
        ).count,
      );

    // 10 000 ids are ≈ 390 KB of JSON, more than the app's usual body limit.
    const withForeign = { actionIds: [...ids.slice(0, 9_999), foreignActionId], changes: { year: 2045, status: 'urgent' } };
    expect(JSON.stringify(withForeign).length).toBeGreaterThan(256 * 1024);
    expect((await team.editor.client.post(bulkUrl(planId), withForeign)).statusCode).toBe(404);
    expect(await count(2030, 'planned')).toBe(10_000);

    const response = await team.editor.client.post(bulkUrl(planId), { actionIds: ids, changes: { year: 2045, status: 'urgent' } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.json()).toEqual({ updated: 10_000 });
    expect(await count(2045, 'urgent')).toBe(10_000);
    // Every row was stamped by the one statement.
    const stamps = await sql<{ distinct: string }>`select count(distinct updated_at) as distinct from actions where plan_id = ${planId}`.execute(
      testApp.database.db,
    );
    expect(Number(stamps.rows[0]!.distinct)).toBe(1);

    const oversized = await team.editor.client.post(
      bulkUrl(planId),
      JSON.stringify({ actionIds: ids, changes: { year: 2045 }, padding: 'x'.repeat(200 * 1024) }),
      { 'content-type': 'application/json' },
    );
    expect(oversized.statusCode).toBe(413);
  });
});
