import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../test-support/add-member.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, signUpUser, type TestApp } from '../../test-support/test-app.ts';

/**
 * The portfolio (docs/product/api.md § Portfolio): one row per property with a plan, each figure
 * what that plan's own analysis and fund answer, with totals; customers only when asked.
 */
let testApp: TestApp;
let team: Team;
let eken: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let bjorken: Awaited<ReturnType<typeof createPropertyWithPlan>>;
/** Björken's second plan, changed last: the one the portfolio shows. */
let bjorkenLatestPlanId: string;
let customer: { accountId: string; propertyId: string; planId: string };

const oneOff = (name: string, unitPrice: number, year: number) => ({ name, category: 'fasad', quantity: 1, unit: 'st', unitPrice, year });

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  const admin = team.admin.client;
  eken = await createPropertyWithPlan(admin, team.accountId, { organisation: 'Brf Eken', property: 'Eken 4', plan: 'Plan Eken' });
  expect((await admin.patch(`/api/properties/${eken.propertyId}`, { boa: 1000, loa: 250 })).statusCode).toBe(200);
  expect((await admin.patch(`/api/plans/${eken.planId}`, { fund: { openingBalance: 50000, currentProvisionPerYear: 20000 } })).statusCode).toBe(200);
  created(await admin.post(`/api/plans/${eken.planId}/actions`, oneOff('Fönsterbyte', 400000, 2027)));
  // Overdue: planned for a year already past, so it is maintenance debt as of 2026.
  created(await admin.post(`/api/plans/${eken.planId}/actions`, { ...oneOff('Takomläggning', 300000, 2026), status: 'urgent' }));

  bjorken = await createPropertyWithPlan(admin, team.accountId, { organisation: 'Brf Björken', property: 'Björken 1', plan: 'Plan Björken 2020' });
  expect((await admin.patch(`/api/properties/${bjorken.propertyId}`, { boa: 500 })).statusCode).toBe(200);
  bjorkenLatestPlanId = created<{ id: string }>(
    await admin.post(`/api/properties/${bjorken.propertyId}/plans`, { name: 'Plan Björken 2026', startYear: 2026 }),
  ).id;
  created(await admin.post(`/api/plans/${bjorkenLatestPlanId}/actions`, oneOff('Stambyte', 125000, 2027)));
  // The older plan holds an action too, but it is not the one worked in last.
  created(await admin.post(`/api/plans/${bjorken.planId}/actions`, oneOff('Gammal post', 999, 2027)));
  expect((await admin.patch(`/api/plans/${bjorkenLatestPlanId}`, { name: 'Plan Björken 2026 (antagen)' })).statusCode).toBe(200);

  // A property without a plan is not in the portfolio.
  created(await admin.post(`/api/organisations/${eken.organisationId}/properties`, { name: 'Eken 5 (ingen plan)' }));

  const customerAccountId = created<{ accountId: string }>(await admin.post(`/api/accounts/${team.accountId}/customers`, { name: 'Brf Kund' })).accountId;
  const customerData = await createPropertyWithPlan(admin, customerAccountId as never, { organisation: 'Brf Kund', property: 'Kunden 1', plan: 'Plan Kund' });
  created(await admin.post(`/api/plans/${customerData.planId}/actions`, oneOff('Hissbyte', 700000, 2027)));
  customer = { accountId: customerAccountId, propertyId: customerData.propertyId, planId: customerData.planId };
});
afterAll(async () => {
  await testApp.close();
});

const portfolioUrl = (query: string) => `/api/accounts/${team.accountId}/portfolio?${query}`;

interface Row {
  propertyId: string;
  propertyName: string;
  accountId: string;
  planId: string;
  [figure: string]: unknown;
}

/** What the plan's own analysis and fund answer, in the portfolio's field names. */
async function ownFigures(planId: string, vat: 'excl' | 'incl', asOfYear: number) {
  const analysis = (await team.viewer.client.get(`/api/plans/${planId}/analysis?vat=${vat}&asOfYear=${asOfYear}`)).json();
  const fund = (await team.viewer.client.get(`/api/plans/${planId}/fund?vat=${vat}`)).json();
  const plan = (await team.viewer.client.get(`/api/plans/${planId}`)).json();
  return {
    areaM2: analysis.areaM2,
    averagePerYear: analysis.averagePerYear,
    averagePerYearPerM2: analysis.averagePerYearPerM2,
    maintenanceDebt: analysis.maintenanceDebt,
    maintenanceDebtPerM2: analysis.maintenanceDebtPerM2,
    nextYearCost: (analysis.years as { year: number; total: number }[]).find((year) => year.year === asOfYear + 1)?.total ?? 0,
    currentProvisionPerYear: plan.fund.currentProvisionPerYear,
    requiredProvisionPerYear: fund.requiredProvisionPerYear,
    firstShortfallYear: fund.firstShortfallYear,
  };
}

describe('the portfolio', () => {
  it("lists each property with a plan (its latest), with exactly its plan's own figures, and the totals", async () => {
    const response = await team.viewer.client.get(portfolioUrl('asOfYear=2026'));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { properties: Row[]; totals: Record<string, number> };
    expect(body.properties.map((row) => [row.propertyName, row.planId])).toEqual([
      ['Björken 1', bjorkenLatestPlanId],
      ['Eken 4', eken.planId],
    ]);
    for (const row of body.properties) {
      expect(row, row.propertyName).toEqual({
        propertyId: expect.any(String),
        propertyName: row.propertyName,
        accountId: team.accountId,
        organisationId: expect.any(String),
        planId: row.planId,
        ...(await ownFigures(row.planId, 'excl', 2026)),
      });
    }
    const [bjorkenRow, ekenRow] = body.properties;
    expect(ekenRow).toMatchObject({ areaM2: 1250, nextYearCost: 400000, maintenanceDebt: 300000, maintenanceDebtPerM2: 240, currentProvisionPerYear: 20000 });
    expect(bjorkenRow).toMatchObject({ areaM2: 500, nextYearCost: 125000, maintenanceDebt: 0, maintenanceDebtPerM2: 0 });
    expect(body.totals).toEqual({
      areaM2: 1750,
      averagePerYear: (ekenRow!.averagePerYear as number) + (bjorkenRow!.averagePerYear as number),
      maintenanceDebt: 300000,
      nextYearCost: 525000,
    });
  });

  it('gives the figures including VAT when asked, as the plans do', async () => {
    const body = (await team.viewer.client.get(portfolioUrl('vat=incl&asOfYear=2026'))).json() as { properties: Row[] };
    const eken4 = body.properties.find((row) => row.planId === eken.planId)!;
    expect(eken4).toMatchObject(await ownFigures(eken.planId, 'incl', 2026));
    expect(eken4.nextYearCost).toBe(500000);
  });

  it('adds the customers it manages only when asked', async () => {
    const body = (await team.admin.client.get(portfolioUrl('asOfYear=2026&includeCustomers=true'))).json() as {
      properties: Row[];
      totals: { nextYearCost: number };
    };
    expect(body.properties.map((row) => row.propertyName)).toEqual(['Björken 1', 'Eken 4', 'Kunden 1']);
    expect(body.properties[2]).toMatchObject({ accountId: customer.accountId, planId: customer.planId, nextYearCost: 700000 });
    expect(body.totals.nextYearCost).toBe(1225000);
  });

  it('shows a member limited to one property only that one, and no customer', async () => {
    const board = await signUpUser(testApp.app);
    await addMember(team.admin.client, team.accountId, board, 'viewer', [eken.propertyId]);
    const body = (await board.client.get(portfolioUrl('asOfYear=2026&includeCustomers=true'))).json() as { properties: Row[]; totals: { areaM2: number } };
    expect(body.properties.map((row) => row.propertyName)).toEqual(['Eken 4']);
    expect(body.totals.areaM2).toBe(1250);
  });

  it("gives many properties (more than one batch of reads) and the customers' exactly their own plans' figures", async () => {
    const admin = team.admin.client;
    const organisationId = created<{ id: string }>(await admin.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Brf Många' })).id;
    for (let index = 0; index < 24; index += 1) {
      const propertyId = created<{ id: string }>(
        await admin.post(`/api/organisations/${organisationId}/properties`, { name: `Många ${String(index).padStart(2, '0')}`, boa: 100 + index }),
      ).id;
      const planId = created<{ id: string }>(await admin.post(`/api/properties/${propertyId}/plans`, { name: `Plan ${index}`, startYear: 2025 })).id;
      if (index % 5 !== 0)
        created(await admin.post(`/api/plans/${planId}/actions`, { ...oneOff(`Åtgärd ${index}`, 1000 * index + 0.5, 2025 + (index % 3)), status: 'urgent' }));
    }
    // Half of the plans already read, so one request meets cached and uncached plans alike.
    const before = (await team.viewer.client.get(portfolioUrl('asOfYear=2026'))).json() as { properties: Row[] };
    for (const row of before.properties.filter((_, index) => index % 2 === 0)) await ownFigures(row.planId, 'excl', 2026);
    const body = (await team.admin.client.get(portfolioUrl('asOfYear=2026&includeCustomers=true'))).json() as { properties: Row[] };
    expect(body.properties).toHaveLength(27);
    expect(body.properties.map((row) => row.propertyName)).toEqual([
      'Björken 1',
      'Eken 4',
      'Kunden 1',
      ...Array.from({ length: 24 }, (_, index) => `Många ${String(index).padStart(2, '0')}`),
    ]);
    for (const row of body.properties) {
      expect(row, row.propertyName).toMatchObject(await ownFigures(row.planId, 'excl', 2026));
    }
    expect(body.properties.find((row) => row.propertyName === 'Många 07')).toMatchObject({ maintenanceDebt: 7000.5, areaM2: 107 });
  });

  it('refuses a malformed query with 400 on the field, and another account with 404', async () => {
    const bad = await team.viewer.client.get(portfolioUrl('includeCustomers=yes'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fieldCodes).toEqual({ includeCustomers: 'boolean.invalid' });
    const outsider = await signUpUser(testApp.app);
    expect((await outsider.client.get(portfolioUrl('asOfYear=2026'))).statusCode).toBe(404);
  });
});
