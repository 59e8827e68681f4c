import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, createPropertyWithPlan, expectAllNotFound, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
/** The team's property (no BOA/LOA yet) with a building, a location and a plan. */
let own: Awaited<ReturnType<typeof createPropertyWithPlan>>;
/** Another account's property and plan. */
let foreign: Awaited<ReturnType<typeof createPropertyWithPlan>>;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  own = await createPropertyWithPlan(team.editor.client, team.accountId);
  foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
});
afterAll(async () => {
  await testApp.close();
});

const analysisUrl = (planId: string, query = '') => `/api/plans/${planId}/analysis${query}`;
const fundUrl = (planId: string, query = '') => `/api/plans/${planId}/fund${query}`;

type Body = Record<string, unknown> & { id: string };

/** A new plan of `propertyId` (default: the team's property), by the editor. */
async function createPlan(body: Record<string, unknown> = {}, propertyId = own.propertyId): Promise<string> {
  return created<Body>(await team.editor.client.post(`/api/properties/${propertyId}/plans`, { name: 'Plan', startYear: 2026, ...body })).id;
}

async function createAction(planId: string, body: Record<string, unknown>): Promise<Body> {
  return created<Body>(await team.editor.client.post(`/api/plans/${planId}/actions`, body));
}

async function get(url: string) {
  const response = await team.viewer.client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/**
 * docs/product/cost-model.md § Worked example: 2026–2055, client cost 10 %, indexation 2 % from
 * 2026, VAT 25 %.
 */
const workedExamplePlan = { clientCostPercent: 10, vatPercent: 25, indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 } };
const windows = { name: 'Målning fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 2500, year: 2027, intervalYears: 8 };
/** One-off, planned for 2022: overdue in a plan starting 2026. 1 × 10 000 × 1.1 = 11 000 in 2026. */
const overdue = { name: 'Byte av takpapp', category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 10_000, year: 2022 };
/** One-off investment in 2030: 5 500 × 1.02⁴ = 5 953.38. */
const investment = { name: 'Solceller', category: 'el', quantity: 1, unit: 'st', unitPrice: 5000, year: 2030, isInvestment: true };

const zeroStatuses = { draft: 0, planned: 0, urgent: 0, deferred: 0 };

describe('plan analysis', () => {
  let planId: string;
  let buildingId: string;
  let propertyId: string;

  beforeAll(async () => {
    const chain = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Björk', property: 'Björk 1', plan: 'Plan' });
    propertyId = chain.propertyId;
    buildingId = chain.buildingId;
    planId = await createPlan(workedExamplePlan, propertyId);
    await createAction(planId, windows);
    await createAction(planId, { ...overdue, buildingId });
  });

  it("follows the cost model's worked example to the öre, with the overdue one-off in the start year and in the debt", async () => {
    const body = await get(analysisUrl(planId, '?asOfYear=2026'));
    expect(body.window).toEqual({ startYear: 2026, endYear: 2055 });
    expect(body.years).toHaveLength(30);
    expect(body.years.map((entry: { year: number }) => entry.year)).toEqual(Array.from({ length: 30 }, (_, index) => 2026 + index));
    const empty = { total: 0, byCategory: { fasad: 0, yttertak: 0 }, byStatus: zeroStatuses, byBuilding: { [buildingId]: 0, none: 0 } };
    const windowsYear = (year: number, cost: number) => ({
      year,
      total: cost,
      byCategory: { fasad: cost, yttertak: 0 },
      byStatus: { ...zeroStatuses, planned: cost },
      byBuilding: { [buildingId]: 0, none: cost },
    });
    expect(body.years[0]).toEqual({
      year: 2026,
      total: 11_000,
      byCategory: { fasad: 0, yttertak: 11_000 },
      byStatus: { ...zeroStatuses, planned: 11_000 },
      byBuilding: { [buildingId]: 11_000, none: 0 },
    });
    expect(body.years[1]).toEqual(windowsYear(2027, 112_200));
    expect(body.years[9]).toEqual(windowsYear(2035, 131_460.18));
    expect(body.years[17]).toEqual(windowsYear(2043, 154_026.56));
    expect(body.years[25]).toEqual(windowsYear(2051, 180_466.66));
    expect(body.years[2]).toEqual({ year: 2028, ...empty });
    expect(Object.keys(body.years[5].byBuilding)).toEqual([buildingId, 'none']);
    expect(body).toMatchObject({
      total: 589_153.4,
      averagePerYear: 19_638.45,
      areaM2: 0,
      averagePerYearPerM2: null,
      maintenanceDebt: 11_000,
      maintenanceDebtPerM2: null,
    });
  });

  it('multiplies every amount by 1.25 with vat=incl, and is the same with the defaults spelled out', async () => {
    const incl = await get(analysisUrl(planId, '?vat=incl&asOfYear=2026'));
    expect(incl.years[0].total).toBe(13_750);
    expect([incl.years[1].total, incl.years[9].total, incl.years[17].total, incl.years[25].total]).toEqual([140_250, 164_325.23, 192_533.2, 225_583.32]);
    expect(incl).toMatchObject({ total: 736_441.75, maintenanceDebt: 13_750 });
    expect(await get(analysisUrl(planId, '?vat=excl&includeInvestments=true&asOfYear=2026'))).toEqual(await get(analysisUrl(planId, '?asOfYear=2026')));
  });

  it('defaults asOfYear to the current calendar year (UTC)', async () => {
    expect(await get(analysisUrl(planId))).toEqual(await get(analysisUrl(planId, `?asOfYear=${new Date().getUTCFullYear()}`)));
  });

  it('moves the maintenance debt with asOfYear', async () => {
    // Nothing is urgent or deferred: only actions planned before asOfYear count, each once, at its first (placed) year.
    expect((await get(analysisUrl(planId, '?asOfYear=2022'))).maintenanceDebt).toBe(0);
    expect((await get(analysisUrl(planId, '?asOfYear=2023'))).maintenanceDebt).toBe(11_000);
    expect((await get(analysisUrl(planId, '?asOfYear=2027'))).maintenanceDebt).toBe(11_000);
    expect((await get(analysisUrl(planId, '?asOfYear=2028'))).maintenanceDebt).toBe(123_200);
    expect((await get(analysisUrl(planId, '?asOfYear=2200'))).maintenanceDebt).toBe(123_200);
  });

  it('includes an investment by default and leaves it out with includeInvestments=false; it is never debt', async () => {
    const investmentPlanId = await createPlan(workedExamplePlan, propertyId);
    await createAction(investmentPlanId, windows);
    await createAction(investmentPlanId, overdue);
    await createAction(investmentPlanId, investment);
    const withInvestments = await get(analysisUrl(investmentPlanId, '?asOfYear=2031'));
    expect(withInvestments.years[4]).toEqual({
      year: 2030,
      total: 5953.38,
      byCategory: { el: 5953.38, fasad: 0, yttertak: 0 },
      byStatus: { ...zeroStatuses, planned: 5953.38 },
      byBuilding: { none: 5953.38 },
    });
    expect(withInvestments).toMatchObject({ total: 595_106.77, averagePerYear: 19_836.89, maintenanceDebt: 123_200 });
    const without = await get(analysisUrl(investmentPlanId, '?asOfYear=2031&includeInvestments=false'));
    expect(without.years[4]).toEqual({ year: 2030, total: 0, byCategory: { fasad: 0, yttertak: 0 }, byStatus: zeroStatuses, byBuilding: { none: 0 } });
    expect(without).toMatchObject({ total: 589_153.4, averagePerYear: 19_638.45, maintenanceDebt: 123_200 });
  });

  it('takes the area from BOA + LOA (a missing one is 0) and gives per-m² figures only when it is not 0', async () => {
    const patch = async (body: Record<string, unknown>) => expect((await team.editor.client.patch(`/api/properties/${propertyId}`, body)).statusCode).toBe(200);
    await patch({ boa: 800, loa: 200 });
    expect(await get(analysisUrl(planId, '?asOfYear=2028'))).toMatchObject({
      areaM2: 1000,
      averagePerYearPerM2: 19.64,
      maintenanceDebt: 123_200,
      maintenanceDebtPerM2: 123.2,
    });
    await patch({ loa: null });
    expect(await get(analysisUrl(planId, '?asOfYear=2028'))).toMatchObject({ areaM2: 800, averagePerYearPerM2: 24.55, maintenanceDebtPerM2: 154 });
    await patch({ boa: null, loa: 400 });
    expect(await get(analysisUrl(planId, '?asOfYear=2028'))).toMatchObject({ areaM2: 400, maintenanceDebtPerM2: 308 });
    await patch({ loa: null });
    expect(await get(analysisUrl(planId, '?asOfYear=2028'))).toMatchObject({ areaM2: 0, averagePerYearPerM2: null, maintenanceDebtPerM2: null });
  });

  it('gives the window’s sums by category, status and building, each rounded once from the exact sum', async () => {
    // Three occurrences of 0.5 × 0.67 = 0.335 kr: each year shows 0,34 kr, and the three years
    // added up 1,02 kr, but the window's sum is 1.005 kr, 1,01 kr to the öre.
    const thirdsPlanId = await createPlan({ lengthYears: 3 });
    await createAction(thirdsPlanId, { name: 'Tätning', category: 'fasad', quantity: 0.5, unit: 'm', unitPrice: 0.67, year: 2026, intervalYears: 1 });
    const body = await get(analysisUrl(thirdsPlanId, '?asOfYear=2026'));
    expect(body.years.map((entry: { total: number }) => entry.total)).toEqual([0.34, 0.34, 0.34]);
    expect(body).toMatchObject({ total: 1.01, byCategory: { fasad: 1.01 }, byStatus: { ...zeroStatuses, planned: 1.01 }, byBuilding: { none: 1.01 } });
    const fund = await get(fundUrl(thirdsPlanId));
    expect(fund.years.map((entry: { cost: number }) => entry.cost)).toEqual([0.34, 0.34, 0.34]);
    expect(fund.totalCost).toBe(1.01);
  });

  it('has the same window sums as the years for the worked example, keys in the years’ order', async () => {
    const body = await get(analysisUrl(planId, '?asOfYear=2026'));
    expect(body.byCategory).toEqual({ fasad: 578_153.4, yttertak: 11_000 });
    expect(Object.keys(body.byBuilding)).toEqual([buildingId, 'none']);
    expect(body.byBuilding).toEqual({ [buildingId]: 11_000, none: 578_153.4 });
    expect(body.byStatus).toEqual({ ...zeroStatuses, planned: 589_153.4 });
  });

  it('answers a plan without actions with zeros and empty splits', async () => {
    const body = await get(analysisUrl(await createPlan({ lengthYears: 2 })));
    expect(body).toEqual({
      window: { startYear: 2026, endYear: 2027 },
      years: [
        { year: 2026, total: 0, byCategory: {}, byStatus: zeroStatuses, byBuilding: {} },
        { year: 2027, total: 0, byCategory: {}, byStatus: zeroStatuses, byBuilding: {} },
      ],
      total: 0,
      byCategory: {},
      byStatus: zeroStatuses,
      byBuilding: {},
      averagePerYear: 0,
      areaM2: 0,
      averagePerYearPerM2: null,
      maintenanceDebt: 0,
      maintenanceDebtPerM2: null,
    });
  });
});

describe('fund analysis', () => {
  let planId: string;

  /**
   * 2026–2028, no client cost, no indexation. Fund costs: 10 000 in 2027 (one-off); a recurring
   * action first due 2040 (outside the window) only adds to the annualised cost (4 000 / 20 = 200);
   * an investment due every year counts nowhere.
   */
  beforeAll(async () => {
    planId = await createPlan({ lengthYears: 3 });
    await createAction(planId, { ...overdue, name: 'Stambyte', year: 2027 });
    await createAction(planId, { ...windows, quantity: 1, unitPrice: 4000, year: 2040, intervalYears: 20 });
    await createAction(planId, { ...investment, year: 2026, intervalYears: 1 });
  });

  async function setFund(fund: Record<string, number>) {
    const response = await team.editor.client.patch(`/api/plans/${planId}`, { fund });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('answers all zeros for a plan with default fund settings', async () => {
    expect(await get(fundUrl(planId))).toEqual({
      years: [
        { year: 2026, cost: 0, provision: 0, balance: 0 },
        { year: 2027, cost: 10_000, provision: 0, balance: -10_000 },
        { year: 2028, cost: 0, provision: 0, balance: -10_000 },
      ],
      totalCost: 10_000,
      firstShortfallYear: 2027,
      requiredProvisionPerYear: 5000,
      annualisedCost: 200,
    });
  });

  it('runs the balance recursion with opening balance, provision, growth, interest and minimum as set on the plan', async () => {
    await setFund({ openingBalance: 5000, currentProvisionPerYear: 3000, provisionGrowthPercent: 10, interestRatePercent: 2, minimumBalance: 2000 });
    // 2026: 5 000 × 1.02 + 3 000 − 0 = 8 100
    // 2027: 8 100 × 1.02 + 3 300 − 10 000 = 1 562 (below 2 000)
    // 2028: 1 562 × 1.02 + 3 630 − 0 = 5 223.24
    // Required P: 2027 needs 5 000 × 1.02² + P × 1.02 + P × 1.1 − 10 000 ≥ 2 000, so P ≥ 6 798 / 2.12 = 3 206.60… → 3 207.
    expect(await get(fundUrl(planId))).toEqual({
      years: [
        { year: 2026, cost: 0, provision: 3000, balance: 8100 },
        { year: 2027, cost: 10_000, provision: 3300, balance: 1562 },
        { year: 2028, cost: 0, provision: 3630, balance: 5223.24 },
      ],
      totalCost: 10_000,
      firstShortfallYear: 2027,
      requiredProvisionPerYear: 3207,
      annualisedCost: 200,
    });
    const incl = await get(fundUrl(planId, '?vat=incl'));
    expect(incl.years.map((entry: { cost: number }) => entry.cost)).toEqual([0, 12_500, 0]);
    // 2027: 8 100 × 1.02 + 3 300 − 12 500 = −938; 2028: −938 × 1.02 + 3 630 = 2 673.24
    expect(incl.years.map((entry: { balance: number }) => entry.balance)).toEqual([8100, -938, 2673.24]);
    expect(incl).toMatchObject({ firstShortfallYear: 2027, annualisedCost: 250 });
    // P × 2.12 ≥ 2 000 − 5 202 + 12 500 = 9 298 → 4 385.84… → 4 386
    expect(incl.requiredProvisionPerYear).toBe(4386);
  });

  it('keeps every balance at or above the minimum with the required provision, and not with one krona less', async () => {
    await setFund({ openingBalance: 5000, currentProvisionPerYear: 3207, provisionGrowthPercent: 10, interestRatePercent: 2, minimumBalance: 2000 });
    const enough = await get(fundUrl(planId));
    expect(enough.firstShortfallYear).toBeNull();
    expect(enough.requiredProvisionPerYear).toBe(3207);
    // 2027: 5 202 + 3 207 × 2.12 − 10 000 = 2 000.84
    expect(enough.years[1].balance).toBe(2000.84);
    for (const entry of enough.years) expect(entry.balance).toBeGreaterThanOrEqual(2000);

    await setFund({ currentProvisionPerYear: 3206 });
    const short = await get(fundUrl(planId));
    // 2027: 5 202 + 3 206 × 2.12 − 10 000 = 1 998.72
    expect(short.years[1].balance).toBe(1998.72);
    expect(short.firstShortfallYear).toBe(2027);
    expect(short.requiredProvisionPerYear).toBe(3207);
  });

  it('asks for no provision when the opening balance already covers everything', async () => {
    await setFund({ openingBalance: 50_000, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 });
    expect(await get(fundUrl(planId))).toMatchObject({
      firstShortfallYear: null,
      requiredProvisionPerYear: 0,
      years: [{ balance: 50_000 }, { balance: 40_000 }, { balance: 40_000 }],
    });
  });
});

describe('access and validation', () => {
  it('lets every member read both analyses', async () => {
    for (const person of [team.viewer, team.editor, team.admin]) {
      expect((await person.client.get(analysisUrl(own.planId))).statusCode).toBe(200);
      expect((await person.client.get(fundUrl(own.planId))).statusCode).toBe(200);
    }
  });

  it("answers 404 to another account's members and to unknown or malformed plan ids", async () => {
    await expectAllNotFound(other.admin.client, [
      { method: 'GET', url: analysisUrl(own.planId) },
      { method: 'GET', url: analysisUrl(own.planId, '?vat=incl&includeInvestments=false&asOfYear=2030') },
      { method: 'GET', url: fundUrl(own.planId) },
      { method: 'GET', url: fundUrl(own.planId, '?vat=incl') },
    ]);
    await expectAllNotFound(team.viewer.client, [
      { method: 'GET', url: analysisUrl(foreign.planId) },
      { method: 'GET', url: fundUrl(foreign.planId) },
      { method: 'GET', url: analysisUrl(randomUUID()) },
      { method: 'GET', url: fundUrl(randomUUID()) },
      { method: 'GET', url: analysisUrl('not-a-uuid') },
      { method: 'GET', url: fundUrl('not-a-uuid') },
    ]);
  });

  it('answers 400 with field codes to bad query values and unknown parameters', async () => {
    const analysisCases: [string, Record<string, string>][] = [
      ['?vat=inkl', { vat: 'vat.invalid' }],
      ['?vat=', { vat: 'vat.invalid' }],
      ['?includeInvestments=yes', { includeInvestments: 'boolean.invalid' }],
      ['?includeInvestments=', { includeInvestments: 'boolean.invalid' }],
      ['?asOfYear=1899', { asOfYear: 'year.out_of_range' }],
      ['?asOfYear=2201', { asOfYear: 'year.out_of_range' }],
      ['?asOfYear=abc', { asOfYear: 'number.invalid' }],
      ['?asOfYear=2026.5', { asOfYear: 'number.invalid' }],
      ['?asOfYear=-2026', { asOfYear: 'number.invalid' }],
      ['?asOfYear=', { asOfYear: 'number.invalid' }],
      ['?asOfYear=2026&asOfYear=2027', { asOfYear: 'number.invalid' }],
      ['?asOfYear=99999999999999999999', { asOfYear: 'number.invalid' }],
      ['?vat=excl&x=1', { x: 'field.unknown' }],
    ];
    for (const [query, fieldCodes] of analysisCases) {
      const response = await team.viewer.client.get(analysisUrl(own.planId, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'validation', fieldCodes });
    }
    const fundCases: [string, Record<string, string>][] = [
      ['?vat=moms', { vat: 'vat.invalid' }],
      ['?includeInvestments=false', { includeInvestments: 'field.unknown' }],
      ['?asOfYear=2026', { asOfYear: 'field.unknown' }],
    ];
    for (const [query, fieldCodes] of fundCases) {
      const response = await team.viewer.client.get(fundUrl(own.planId, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'validation', fieldCodes });
    }
  });
});
