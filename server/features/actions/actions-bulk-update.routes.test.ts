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
/** Every bulk update answers with the change set that undoes it. */
const changeSetId = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

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
    expect(response.json()).toEqual({ updated: 3, changeSetId });

    const after = byId(await listActions(planId));
    expect(after.get(roof.id)).toEqual({ ...roof, year: 2035, status: 'urgent', updatedAt: isoTimestamp });
    expect(after.get(facade.id)).toEqual({ ...facade, year: 2035, status: 'urgent', updatedAt: isoTimestamp });
    expect(after.get(done.id)).toEqual({ ...done, year: 2035, status: 'urgent', updatedAt: isoTimestamp });
    expect(after.get(untouched.id)).toEqual(untouched);
    for (const action of [roof, facade, done]) expect(after.get(action.id)!.updatedAt > action.updatedAt).toBe(true);

    // One change at a time leaves the other field as it is.
    expect((await team.admin.client.post(bulkUrl(planId), { actionIds: [roof.id, untouched.id], changes: { status: 'deferred' } })).json()).toEqual({
      updated: 2,
      changeSetId,
    });
    expect((await team.editor.client.post(bulkUrl(planId), { actionIds: [facade.id], changes: { year: 2200 } })).json()).toEqual({ updated: 1, changeSetId });
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
      [{ actionIds: ids, set: { year: 2030 }, changes: { status: 'urgent' } }, { set: 'actions.changes_and_set' }],
      [{ actionIds: ids, set: { year: 2030 }, shiftYears: 2 }, { shiftYears: 'actions.year_and_shift' }],
      [{ actionIds: ids, changes: { year: 2030 }, shiftYears: 2 }, { shiftYears: 'actions.year_and_shift' }],
      [{ actionIds: ids, set: {} }, { set: 'actions.nothing_to_set' }],
      [{ actionIds: ids, set: { status: 'done' } }, { 'set.status': 'actions.bulk_done' }],
      [{ actionIds: ids, set: { year: 2030, name: 'Nytt namn' } }, { 'set.name': 'field.unknown' }],
      [{ actionIds: ids, set: { buildingId: 'Hus A' } }, { 'set.buildingId': 'id.invalid' }],
      [{ actionIds: ids, set: { category: 'tak' } }, { 'set.category': 'category.invalid' }],
      [{ actionIds: ids, set: { tags: 'P-1' } }, { 'set.tags': 'field.invalid' }],
      [{ actionIds: ids, set: { isInvestment: 'ja' } }, { 'set.isInvestment': 'field.invalid' }],
      [{ actionIds: ids, set: { year: 2201 } }, { 'set.year': 'year.out_of_range' }],
      [{ actionIds: ids, shiftYears: 0 }, { shiftYears: 'actions.shift_out_of_range' }],
      [{ actionIds: ids, shiftYears: 301 }, { shiftYears: 'actions.shift_out_of_range' }],
      [{ actionIds: ids, shiftYears: -301 }, { shiftYears: 'actions.shift_out_of_range' }],
      [{ actionIds: ids, shiftYears: 1.5 }, { shiftYears: 'number.not_integer' }],
      [{ actionIds: ids, shiftYears: '2' }, { shiftYears: 'number.invalid' }],
      [{ actionIds: ids, scaleUnitPricePercent: -100 }, { scaleUnitPricePercent: 'actions.scale_out_of_range' }],
      [{ actionIds: ids, scaleUnitPricePercent: -150 }, { scaleUnitPricePercent: 'actions.scale_out_of_range' }],
      [{ actionIds: ids, scaleUnitPricePercent: 1000.01 }, { scaleUnitPricePercent: 'actions.scale_out_of_range' }],
      [{ actionIds: ids, scaleUnitPricePercent: 0 }, { scaleUnitPricePercent: 'actions.scale_out_of_range' }],
      [{ actionIds: ids, scaleUnitPricePercent: 2.555 }, { scaleUnitPricePercent: 'number.too_many_decimals' }],
      [{ actionIds: ids, scaleUnitPricePercent: '10' }, { scaleUnitPricePercent: 'number.invalid' }],
      [{ actionIds: ids, scaleUnitPricePercent: null }, { scaleUnitPricePercent: 'number.invalid' }],
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
    expect(response.json()).toEqual({ updated: 10_000, changeSetId });
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

describe('bulk update with set, shiftYears and scaleUnitPricePercent', () => {
  it('sets category, building, location, status, tags and investment on the selected actions only', async () => {
    const planId = await createPlan();
    const roof = await createAction(planId, { year: 2031, intervalYears: 30, tags: ['P-1'] });
    const facade = await createAction(planId, { name: 'Målning fasad', category: 'fasad', year: 2028, status: 'draft', buildingId: own.buildingId });
    const untouched = await createAction(planId, { name: 'Orörd', year: 2030, buildingId: own.buildingId, locationId: own.locationId });

    const set = {
      category: 'ventilation',
      buildingId: own.buildingId,
      locationId: own.locationId,
      status: 'urgent',
      tags: ['Upphandling', 'P-2', 'Upphandling'],
      isInvestment: true,
    };
    const response = await team.editor.client.post(bulkUrl(planId), { actionIds: [roof.id, facade.id], set });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ updated: 2, changeSetId });
    const changed = { ...set, tags: ['Upphandling', 'P-2'], updatedAt: isoTimestamp };
    const after = byId(await listActions(planId));
    expect(after.get(roof.id)).toEqual({ ...roof, ...changed });
    expect(after.get(facade.id)).toEqual({ ...facade, ...changed });
    expect(after.get(untouched.id)).toEqual(untouched);

    // Null clears a building or a location; what is not given stays.
    expect(
      (await team.editor.client.post(bulkUrl(planId), { actionIds: [roof.id, untouched.id], set: { buildingId: null, locationId: null } })).json(),
    ).toEqual({
      updated: 2,
      changeSetId,
    });
    const cleared = byId(await listActions(planId));
    expect(cleared.get(roof.id)).toEqual({ ...roof, ...changed, buildingId: null, locationId: null });
    expect(cleared.get(untouched.id)).toEqual({ ...untouched, buildingId: null, locationId: null, updatedAt: isoTimestamp });
    expect(cleared.get(facade.id)).toEqual(after.get(facade.id));
  });

  it('moves the selected actions by N years and changes their unit prices by a percentage, rounded to whole öre', async () => {
    const planId = await createPlan();
    const prices = [640.5, 0.05, 99.99, 1234.56, 0.01, 0];
    const actions = [];
    for (const [index, unitPrice] of prices.entries()) actions.push(await createAction(planId, { name: `Åtgärd ${index}`, unitPrice, year: 2030 + index }));
    const [a, b, c, d, e, f] = actions as [Body, Body, Body, Body, Body, Body];
    const post = async (body: Record<string, unknown>) => {
      const response = await team.editor.client.post(bulkUrl(planId), body);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const pricesAndYears = async () => (await listActions(planId)).map((action) => [action.name, action.unitPrice, action.year]);

    // +10 %: 704.55 exactly; 0.055 rounds up to 0.06; 0 stays 0.
    expect(await post({ actionIds: [a.id, b.id, f.id], shiftYears: 2, scaleUnitPricePercent: 10 })).toEqual({ updated: 3, changeSetId });
    // −5 %: 94.9905 → 94.99; +7.25 %: 1324.0656 → 1324.07; −50 %: 0.005 → 0.01.
    expect(await post({ actionIds: [c.id], shiftYears: -3, scaleUnitPricePercent: -5 })).toEqual({ updated: 1, changeSetId });
    expect(await post({ actionIds: [d.id], scaleUnitPricePercent: 7.25 })).toEqual({ updated: 1, changeSetId });
    expect(await post({ actionIds: [e.id], scaleUnitPricePercent: -50, set: { status: 'deferred' } })).toEqual({ updated: 1, changeSetId });
    expect(await pricesAndYears()).toEqual([
      ['Åtgärd 2', 94.99, 2029],
      ['Åtgärd 0', 704.55, 2032],
      ['Åtgärd 1', 0.06, 2033],
      ['Åtgärd 3', 1324.07, 2033],
      ['Åtgärd 4', 0.01, 2034],
      ['Åtgärd 5', 0, 2037],
    ]);
    expect(byId(await listActions(planId)).get(e.id)!.status).toBe('deferred');

    // The older `changes` and the new fields together.
    expect(await post({ actionIds: [a.id], changes: { status: 'urgent' }, scaleUnitPricePercent: 999.99 })).toEqual({ updated: 1, changeSetId });
    const moved = byId(await listActions(planId)).get(a.id)!;
    // 704.55 × 10.9999 = 7749.98 (7749.979545 rounded).
    expect([moved.unitPrice, moved.year, moved.status]).toEqual([7749.98, 2032, 'urgent']);
  });

  it('answers 400 naming how many actions a move would put outside 1900–2200, or a price above the limit, and writes nothing', async () => {
    const planId = await createPlan();
    const late = await createAction(planId, { name: 'Sen', year: 2195 });
    const later = await createAction(planId, { name: 'Senare', year: 2198 });
    const early = await createAction(planId, { name: 'Tidig', year: 2031, unitPrice: 999_999_999_999.99 });
    const ids = [late.id, later.id, early.id];
    const before = await snapshotPlanData(testApp.database.db);

    const forwards = await team.editor.client.post(bulkUrl(planId), { actionIds: ids, shiftYears: 5 }, { 'accept-language': 'sv' });
    expect(forwards.statusCode).toBe(400);
    expect(forwards.json().error).toEqual({
      code: 'validation',
      message: '1 of the 3 selected actions would fall outside 1900–2200',
      fields: { shiftYears: 'Några av de valda åtgärderna skulle hamna före år 1900 eller efter år 2200.' },
      fieldCodes: { shiftYears: 'actions.shift_outside_years' },
    });
    expect((await team.editor.client.post(bulkUrl(planId), { actionIds: ids, shiftYears: 6 })).json().error.message).toBe(
      '2 of the 3 selected actions would fall outside 1900–2200',
    );
    expect((await team.editor.client.post(bulkUrl(planId), { actionIds: ids, shiftYears: -132 })).json().error.message).toBe(
      '1 of the 3 selected actions would fall outside 1900–2200',
    );
    const pricier = await team.editor.client.post(bulkUrl(planId), { actionIds: ids, scaleUnitPricePercent: 0.01 });
    expect(pricier.statusCode).toBe(400);
    expect(pricier.json().error.fieldCodes).toEqual({ scaleUnitPricePercent: 'actions.scaled_price_out_of_range' });
    expect(pricier.json().error.message).toBe('1 of the 3 selected actions would get a unit price above 999 999 999 999.99 kr');
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);

    // Right up to the limits is fine.
    const response = await team.editor.client.post(bulkUrl(planId), { actionIds: [late.id, later.id], shiftYears: 2 });
    expect(response.json()).toEqual({ updated: 2, changeSetId });
    expect((await listActions(planId)).map((action) => action.year)).toEqual([2031, 2197, 2200]);
  });

  it('refuses a building or location of another property with 400 on that field, and a foreign action with 404, writing nothing', async () => {
    const planId = await createPlan();
    const action = await createAction(planId, {});
    const elsewhere = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Lönnen', property: 'Lönnen 2', plan: 'Plan' });
    const before = await snapshotPlanData(testApp.database.db);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ buildingId: elsewhere.buildingId }, { 'set.buildingId': 'building.not_in_property' }],
      [{ locationId: elsewhere.locationId }, { 'set.locationId': 'location.not_in_property' }],
      [
        { buildingId: foreign.buildingId, locationId: foreign.locationId },
        { 'set.buildingId': 'building.not_in_property', 'set.locationId': 'location.not_in_property' },
      ],
      [{ buildingId: randomUUID() }, { 'set.buildingId': 'building.not_in_property' }],
    ];
    for (const [set, fieldCodes] of cases) {
      const response = await team.editor.client.post(bulkUrl(planId), { actionIds: [action.id], set });
      expect(response.statusCode, JSON.stringify(set)).toBe(400);
      expect(response.json().error.fieldCodes).toEqual(fieldCodes);
    }
    for (const body of [
      { actionIds: [action.id, foreignActionId], shiftYears: 1 },
      { actionIds: [action.id, randomUUID()], scaleUnitPricePercent: 10 },
      { actionIds: [action.id, foreignActionId], set: { tags: ['X'] } },
    ]) {
      const response = await team.editor.client.post(bulkUrl(planId), body);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe('1 of the selected actions are not in this plan (deleted meanwhile?)');
    }
    const viewer = await team.viewer.client.post(bulkUrl(planId), { actionIds: [action.id], shiftYears: 1 });
    expect(viewer.statusCode).toBe(403);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('writes one change set naming every changed field, none for a refused request, and undoes as a whole', async () => {
    const planId = await createPlan();
    const roof = await createAction(planId, { year: 2031, unitPrice: 640.5, tags: ['P-1'] });
    const facade = await createAction(planId, { name: 'Målning fasad', category: 'fasad', year: 2028, unitPrice: 99.99 });
    const changeSetCount = async () =>
      Number((await sql<{ count: string }>`select count(*) from change_sets where plan_id = ${planId}`.execute(testApp.database.db)).rows[0]!.count);

    expect((await team.editor.client.post(bulkUrl(planId), { actionIds: [roof.id, facade.id], shiftYears: 200 })).statusCode).toBe(400);
    expect((await team.editor.client.post(bulkUrl(planId), { actionIds: [roof.id, randomUUID()], shiftYears: 1 })).statusCode).toBe(404);
    expect(await changeSetCount()).toBe(0);

    const response = await team.editor.client.post(bulkUrl(planId), {
      actionIds: [roof.id, facade.id],
      set: { status: 'urgent', tags: ['P-2'] },
      shiftYears: 2,
      scaleUnitPricePercent: 10,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { changeSetId: id } = response.json() as { changeSetId: string };
    const changeSet = await testApp.database.db
      .selectFrom('change_sets')
      .select(['kind', 'created_by', 'undone_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(changeSet).toEqual({ kind: 'bulk-update', created_by: team.editor.userId, undone_at: null });
    const recorded = await testApp.database.db
      .selectFrom('plan_changes')
      .select(['action_id', 'kind', 'changes', 'user_id'])
      .where('change_set_id', '=', id)
      .orderBy('action_name')
      .execute();
    expect(recorded).toEqual([
      {
        action_id: roof.id,
        kind: 'updated',
        user_id: team.editor.userId,
        changes: {
          year: { from: 2031, to: 2033 },
          status: { from: 'planned', to: 'urgent' },
          tags: { from: ['P-1'], to: ['P-2'] },
          unitPrice: { from: 640.5, to: 704.55 },
        },
      },
      {
        action_id: facade.id,
        kind: 'updated',
        user_id: team.editor.userId,
        changes: {
          year: { from: 2028, to: 2030 },
          status: { from: 'planned', to: 'urgent' },
          tags: { from: [], to: ['P-2'] },
          unitPrice: { from: 99.99, to: 109.99 },
        },
      },
    ]);

    const undone = await team.editor.client.post(`/api/change-sets/${id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    const after = byId(await listActions(planId));
    expect(after.get(roof.id)).toEqual({ ...roof, updatedAt: isoTimestamp });
    expect(after.get(facade.id)).toEqual({ ...facade, updatedAt: isoTimestamp });
  });
});
