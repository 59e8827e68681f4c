import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, createPropertyWithPlan } from '../../test-support/plan-data.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../../test-support/test-app.ts';

/**
 * The installation's benchmark of maintenance debt per m² (docs/product/api.md § Benchmarks): the
 * quartiles over every property with an area and a plan, across accounts, from 10 properties on.
 */
let testApp: TestApp;
let owner: Awaited<ReturnType<typeof signUpUser>>;
let another: Awaited<ReturnType<typeof signUpUser>>;
const thisYear = new Date().getUTCFullYear();

beforeAll(async () => {
  testApp = await createTestApp();
  owner = await signUpUser(testApp.app);
  another = await signUpUser(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

/** A property of 100 m² whose plan has `debt` kronor overdue (urgent, planned last year): debt per m² = debt / 100. */
async function propertyWithDebt(person: typeof owner, index: number, debt: number): Promise<void> {
  const ids = await createPropertyWithPlan(person.client, person.accountId, {
    organisation: `Brf ${index}`,
    property: `Fastighet ${index}`,
    plan: `Plan ${index}`,
  });
  expect((await person.client.patch(`/api/properties/${ids.propertyId}`, { boa: 100 })).statusCode).toBe(200);
  expect((await person.client.patch(`/api/plans/${ids.planId}`, { startYear: thisYear - 1 })).statusCode).toBe(200);
  if (debt > 0) {
    created(
      await person.client.post(`/api/plans/${ids.planId}/actions`, {
        name: 'Eftersatt takomläggning',
        category: 'yttertak',
        quantity: 1,
        unit: 'st',
        unitPrice: debt,
        year: thisYear - 1,
        status: 'urgent',
      }),
    );
  }
}

describe('the maintenance-debt benchmark', () => {
  it('gives only the count below 10 properties with an area and a plan, then the quartiles over every account', async () => {
    const benchmark = () => owner.client.get('/api/benchmarks/maintenance-debt-per-m2');
    // Neither a property without an area nor one without a plan counts.
    const noArea = await createPropertyWithPlan(owner.client, owner.accountId, { organisation: 'Brf Ingen yta', property: 'Utan yta', plan: 'Plan' });
    created(
      await owner.client.post(`/api/plans/${noArea.planId}/actions`, { name: 'X', category: 'fasad', quantity: 1, unit: 'st', unitPrice: 1, year: thisYear }),
    );
    expect((await benchmark()).json()).toEqual({ count: 0, insufficient: true });

    // Debts per m² 100, 200, … 900 in one account, then 1 000 in another.
    for (let index = 1; index <= 9; index += 1) await propertyWithDebt(owner, index, index * 10000);
    expect((await benchmark()).json()).toEqual({ count: 9, insufficient: true });
    await propertyWithDebt(another, 10, 100000);
    const response = await benchmark();
    expect(response.statusCode).toBe(200);
    // R-7 quartiles of 100…1 000 in steps of 100: ranks 2.25, 4.5 and 6.75.
    expect(response.json()).toEqual({ count: 10, p25: 325, median: 550, p75: 775 });
  });

  it('answers only signed-in users', async () => {
    const anonymous = new TestClient(testApp.app, '10.40.0.1');
    expect((await anonymous.get('/api/benchmarks/maintenance-debt-per-m2')).statusCode).toBe(401);
  });
});
