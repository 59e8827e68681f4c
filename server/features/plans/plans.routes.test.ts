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
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
let propertyId: string;
beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  const organisation = created<{ id: string }>(await team.admin.client.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Brf Eken' }));
  propertyId = created<{ id: string }>(await team.admin.client.post(`/api/organisations/${organisation.id}/properties`, { name: 'Eken 4' })).id;
});
afterAll(async () => {
  await testApp.close();
});

const plansUrl = (propertyId: string) => `/api/properties/${propertyId}/plans`;
const planUrl = (id: string) => `/api/plans/${id}`;

/** The plan of docs/product/cost-model.md § Worked example, with a fund. */
const fullPlan = {
  name: 'Underhållsplan 2026–2055',
  startYear: 2026,
  lengthYears: 30,
  clientCostPercent: 10,
  vatPercent: 25,
  indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
  fund: { openingBalance: 1_250_000.5, currentProvisionPerYear: 400_000, provisionGrowthPercent: 2.5, interestRatePercent: 1.25, minimumBalance: 200_000 },
};

describe('creating and reading plans', () => {
  let planId: string;

  it('creates a plan with every setting (201) that every member lists and reads', async () => {
    const plan = created(await team.editor.client.post(plansUrl(propertyId), fullPlan));
    planId = String(plan.id);
    expect(plan).toEqual({ id: expect.any(String), accountId: team.accountId, propertyId, ...fullPlan, createdAt: isoTimestamp, updatedAt: isoTimestamp });
    for (const person of [team.admin, team.editor, team.viewer]) {
      const list = await person.client.get(plansUrl(propertyId));
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([plan]);
      const single = await person.client.get(planUrl(planId));
      expect(single.statusCode).toBe(200);
      expect(single.json()).toEqual(plan);
    }
  });

  it('fills in the defaults: 30 years, 25 % VAT, no client cost, indexation off, an empty fund', async () => {
    const plan = created(await team.editor.client.post(plansUrl(propertyId), { name: 'Kort plan', startYear: 2027 }));
    expect(plan).toEqual({
      id: expect.any(String),
      accountId: team.accountId,
      propertyId,
      name: 'Kort plan',
      startYear: 2027,
      lengthYears: 30,
      clientCostPercent: 0,
      vatPercent: 25,
      indexation: { enabled: false, annualRatePercent: 0, defaultBaseYear: null },
      fund: { openingBalance: 0, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    });
    // Indexation without a default base year, and the largest amounts, come back as sent.
    const edges = created(
      await team.editor.client.post(plansUrl(propertyId), {
        name: 'Gränsvärden',
        startYear: 2200,
        lengthYears: 1,
        clientCostPercent: 12.345,
        vatPercent: 0,
        indexation: { enabled: true, annualRatePercent: -1.75 },
        fund: { openingBalance: 999_999_999_999.99, currentProvisionPerYear: 0.01, provisionGrowthPercent: -50, interestRatePercent: 50, minimumBalance: 0 },
      }),
    );
    expect(edges).toMatchObject({
      startYear: 2200,
      lengthYears: 1,
      clientCostPercent: 12.345,
      vatPercent: 0,
      indexation: { enabled: true, annualRatePercent: -1.75, defaultBaseYear: null },
      fund: { openingBalance: 999_999_999_999.99, currentProvisionPerYear: 0.01, provisionGrowthPercent: -50, interestRatePercent: 50, minimumBalance: 0 },
    });
    const names = (await team.viewer.client.get(plansUrl(propertyId))).json().map((item: { name: string }) => item.name);
    expect(names).toEqual(['Gränsvärden', 'Kort plan', fullPlan.name]);
    for (const id of [plan.id, edges.id]) expect((await team.editor.client.delete(planUrl(String(id)))).statusCode).toBe(204);
  });

  it('changes only the given fields, also inside indexation and fund', async () => {
    const before = (await team.viewer.client.get(planUrl(planId))).json();
    const response = await team.editor.client.patch(planUrl(planId), {
      name: 'Reviderad plan',
      lengthYears: 40,
      indexation: { defaultBaseYear: null },
      fund: { openingBalance: 900_000 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      ...before,
      name: 'Reviderad plan',
      lengthYears: 40,
      indexation: { ...before.indexation, defaultBaseYear: null },
      fund: { ...before.fund, openingBalance: 900_000 },
      updatedAt: isoTimestamp,
    });
    expect((await team.viewer.client.get(planUrl(planId))).json()).toEqual(response.json());

    const restored = await team.editor.client.patch(planUrl(planId), {
      name: fullPlan.name,
      lengthYears: 30,
      indexation: fullPlan.indexation,
      fund: fullPlan.fund,
    });
    expect(restored.json()).toEqual({ ...before, updatedAt: isoTimestamp });
    const unchanged = await team.editor.client.patch(planUrl(planId), {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual({ ...before, updatedAt: isoTimestamp });
  });

  it('answers 400 with field codes to invalid settings, and changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const valid = { name: 'Plan', startYear: 2026 };
    const createCases: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { name: 'field.required', startYear: 'field.required' }],
      [{ name: 'Plan' }, { startYear: 'field.required' }],
      [{ ...valid, startYear: 1899 }, { startYear: 'year.out_of_range' }],
      [{ ...valid, startYear: 2201 }, { startYear: 'year.out_of_range' }],
      [{ ...valid, startYear: '2026' }, { startYear: 'number.invalid' }],
      [{ ...valid, startYear: 2026.5 }, { startYear: 'number.not_integer' }],
      [{ ...valid, lengthYears: 0 }, { lengthYears: 'plan.length_out_of_range' }],
      [{ ...valid, lengthYears: 101 }, { lengthYears: 'plan.length_out_of_range' }],
      [{ ...valid, clientCostPercent: -1 }, { clientCostPercent: 'percent.out_of_range' }],
      [{ ...valid, vatPercent: 100.5 }, { vatPercent: 'percent.out_of_range' }],
      [{ ...valid, indexation: { enabled: true } }, { 'indexation.annualRatePercent': 'field.required' }],
      [{ ...valid, indexation: { annualRatePercent: 2 } }, { 'indexation.enabled': 'field.required' }],
      [{ ...valid, indexation: { enabled: 'yes', annualRatePercent: 2 } }, { 'indexation.enabled': 'field.invalid' }],
      [{ ...valid, indexation: { enabled: true, annualRatePercent: 51 } }, { 'indexation.annualRatePercent': 'rate.out_of_range' }],
      [{ ...valid, indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 1800 } }, { 'indexation.defaultBaseYear': 'year.out_of_range' }],
      [{ ...valid, indexation: { enabled: true, annualRatePercent: 2, rate: 3 } }, { 'indexation.rate': 'field.unknown' }],
      [
        { ...valid, fund: { openingBalance: 100 } },
        { 'fund.currentProvisionPerYear': 'field.required', 'fund.minimumBalance': 'field.required' },
      ],
      [{ ...valid, fund: { ...fullPlan.fund, openingBalance: -1 } }, { 'fund.openingBalance': 'amount.out_of_range' }],
      [{ ...valid, fund: { ...fullPlan.fund, minimumBalance: 10.005 } }, { 'fund.minimumBalance': 'number.too_many_decimals' }],
      [{ ...valid, fund: { ...fullPlan.fund, currentProvisionPerYear: 1e12 } }, { 'fund.currentProvisionPerYear': 'amount.out_of_range' }],
      [{ ...valid, fund: { ...fullPlan.fund, interestRatePercent: -50.01 } }, { 'fund.interestRatePercent': 'rate.out_of_range' }],
      [{ ...valid, fund: null }, { fund: 'field.invalid' }],
      [{ ...valid, propertyId: randomUUID() }, { propertyId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of createCases) {
      const response = await team.editor.client.post(plansUrl(propertyId), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({ code: 'validation', fieldCodes });
    }
    const [plan] = (await team.viewer.client.get(plansUrl(propertyId))).json() as { id: string }[];
    const updateCases: [Record<string, unknown>, Record<string, string>][] = [
      [{ name: null }, { name: 'field.required' }],
      [{ startYear: 3000 }, { startYear: 'year.out_of_range' }],
      [{ lengthYears: 0 }, { lengthYears: 'plan.length_out_of_range' }],
      [{ indexation: { annualRatePercent: -60 } }, { 'indexation.annualRatePercent': 'rate.out_of_range' }],
      [{ fund: { minimumBalance: -5 } }, { 'fund.minimumBalance': 'amount.out_of_range' }],
      [{ fund: { balance: 5 } }, { 'fund.balance': 'field.unknown' }],
      [{ accountId: other.accountId }, { accountId: 'field.unknown' }],
    ];
    for (const [body, fieldCodes] of updateCases) {
      const response = await team.editor.client.patch(planUrl(plan!.id), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({ code: 'validation', fieldCodes });
    }
    const swedish = await team.editor.client.post(plansUrl(propertyId), { ...valid, startYear: 1800 }, { 'accept-language': 'sv' });
    expect(swedish.json().error.fields).toEqual({ startYear: 'Ange ett år mellan 1900 och 2200.' });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses every write of a viewer with 403, and 401 when signed out; changes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const response of [
      await team.viewer.client.post(plansUrl(propertyId), { name: 'Viewer', startYear: 2026 }),
      await team.viewer.client.patch(planUrl(planId), { name: 'Viewer' }),
      await team.viewer.client.delete(planUrl(planId)),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get(planUrl(planId))).statusCode).toBe(401);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it("answers 404 to another account's members for every plan route, and changes nothing", async () => {
    const before = await snapshotPlanData(testApp.database.db);
    for (const outsider of [other.admin, other.editor, other.viewer]) {
      await expectAllNotFound(outsider.client, [
        { method: 'GET', url: plansUrl(propertyId) },
        { method: 'POST', url: plansUrl(propertyId), body: { name: 'Intrång', startYear: 2026 } },
        { method: 'GET', url: planUrl(planId) },
        { method: 'PATCH', url: planUrl(planId), body: { name: 'Intrång' } },
        { method: 'DELETE', url: planUrl(planId) },
      ]);
    }
    await expectAllNotFound(team.admin.client, [
      { method: 'GET', url: plansUrl(randomUUID()) },
      { method: 'POST', url: plansUrl(randomUUID()), body: { name: 'X', startYear: 2026 } },
      { method: 'GET', url: planUrl(randomUUID()) },
      { method: 'GET', url: planUrl(propertyId) },
      { method: 'PATCH', url: planUrl(randomUUID()), body: { name: 'X' } },
      { method: 'DELETE', url: planUrl('12345') },
    ]);
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });
});

describe('deleting a plan', () => {
  it('answers 204 and removes its actions with their history, and nothing else', async () => {
    const ids = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Rivs', property: 'Rivs 1', plan: 'Plan A' });
    await insertActionWithHistory(testApp.database.db, { ...ids, accountId: team.accountId, userId: team.editor.userId });
    const keptPlanId = created<{ id: string }>(await team.editor.client.post(plansUrl(ids.propertyId), { name: 'Plan B', startYear: 2030 })).id;
    await insertActionWithHistory(testApp.database.db, { ...ids, planId: keptPlanId, accountId: team.accountId, userId: team.editor.userId });
    const countsBefore = await countPlanData(testApp.database.db, team.accountId);

    const response = await team.editor.client.delete(planUrl(ids.planId));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await team.editor.client.get(planUrl(ids.planId))).statusCode).toBe(404);
    expect((await team.viewer.client.get(plansUrl(ids.propertyId))).json().map((plan: { id: string }) => plan.id)).toEqual([keptPlanId]);
    expect(await countPlanData(testApp.database.db, team.accountId)).toEqual({
      ...countsBefore,
      plans: countsBefore.plans! - 1,
      actions: countsBefore.actions! - 1,
      action_completions: countsBefore.action_completions! - 1,
      action_comments: countsBefore.action_comments! - 1,
      action_attachments: countsBefore.action_attachments! - 1,
    });
  });
});
