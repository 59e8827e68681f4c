import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { assertBuildingAndLocationBelongToProperty } from './assert-building-and-location-belong-to-property.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
let own: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let sibling: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let foreign: Awaited<ReturnType<typeof createPropertyWithPlan>>;
beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  own = await createPropertyWithPlan(team.editor.client, team.accountId);
  // Another property of the same organisation and account.
  const siblingPropertyId = created<{ id: string }>(
    await team.editor.client.post(`/api/organisations/${own.organisationId}/properties`, { name: 'Eken 5' }),
  ).id;
  sibling = {
    ...own,
    propertyId: siblingPropertyId,
    buildingId: created<{ id: string }>(await team.editor.client.post(`/api/properties/${siblingPropertyId}/buildings`, { name: 'Hus A' })).id,
    locationId: created<{ id: string }>(await team.editor.client.post(`/api/properties/${siblingPropertyId}/locations`, { name: 'Tvättstuga' })).id,
  };
  foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
});
afterAll(async () => {
  await testApp.close();
});

async function fieldCodesOf(references: { buildingId?: string | null; locationId?: string | null }) {
  const db = testApp.database.db;
  try {
    await db.transaction().execute((transaction) => assertBuildingAndLocationBelongToProperty(transaction, team.accountId, own.propertyId, references));
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation');
    return (error as AppError).fieldCodes;
  }
}

it("accepts the property's own building and location, and none", async () => {
  expect(await fieldCodesOf({ buildingId: own.buildingId, locationId: own.locationId })).toBeUndefined();
  expect(await fieldCodesOf({ buildingId: own.buildingId })).toBeUndefined();
  expect(await fieldCodesOf({ locationId: null })).toBeUndefined();
  expect(await fieldCodesOf({})).toBeUndefined();
});

it("refuses another property's, another account's and unknown ones with a 400 on each field", async () => {
  expect(await fieldCodesOf({ buildingId: sibling.buildingId, locationId: own.locationId })).toEqual({ buildingId: 'building.not_in_property' });
  expect(await fieldCodesOf({ buildingId: own.buildingId, locationId: sibling.locationId })).toEqual({ locationId: 'location.not_in_property' });
  expect(await fieldCodesOf({ buildingId: foreign.buildingId, locationId: foreign.locationId })).toEqual({
    buildingId: 'building.not_in_property',
    locationId: 'location.not_in_property',
  });
  expect(await fieldCodesOf({ buildingId: randomUUID(), locationId: randomUUID() })).toEqual({
    buildingId: 'building.not_in_property',
    locationId: 'location.not_in_property',
  });
  // A location id is not a building id.
  expect(await fieldCodesOf({ buildingId: own.locationId })).toEqual({ buildingId: 'building.not_in_property' });
});
