import type { ApiSession } from './api-session.ts';

interface Created {
  id: string;
}

export interface PlanFixture {
  organisationId: string;
  propertyId: string;
  buildingIds: string[];
  locationIds: string[];
  planId: string;
  actionIds: string[];
  /** The plan page's address in the web app. */
  planUrl: string;
}

export interface PlanFixtureInput {
  property?: Record<string, unknown>;
  buildings?: string[];
  locations?: string[];
  plan?: Record<string, unknown>;
  /** Action bodies as the API takes them; `buildingIndex`/`locationIndex` pick a created one. */
  actions?: (Record<string, unknown> & { buildingIndex?: number; locationIndex?: number })[];
}

/**
 * An organisation with one property, its buildings and locations, and one plan with actions,
 * created through the API as `api`'s user. Defaults: "Brf Eken", BOA 2 000 + LOA 150 m², plan
 * from the current year for 30 years.
 */
export async function createPlanFixture(api: ApiSession, baseUrl: string, input: PlanFixtureInput = {}): Promise<PlanFixture> {
  const organisation = await api.post<Created>(`/api/accounts/${api.accountId}/organisations`, { name: 'Brf Eken' });
  const property = await api.post<Created>(`/api/organisations/${organisation.id}/properties`, {
    name: 'Eken 1',
    designation: 'Stockholm Eken 1',
    address: 'Ekvägen 1',
    boa: 2000,
    loa: 150,
    ...input.property,
  });
  const buildingIds: string[] = [];
  for (const name of input.buildings ?? []) {
    buildingIds.push((await api.post<Created>(`/api/properties/${property.id}/buildings`, { name })).id);
  }
  const locationIds: string[] = [];
  for (const name of input.locations ?? []) {
    locationIds.push((await api.post<Created>(`/api/properties/${property.id}/locations`, { name })).id);
  }
  const plan = await api.post<Created>(`/api/properties/${property.id}/plans`, {
    name: 'Underhållsplan',
    startYear: new Date().getFullYear(),
    ...input.plan,
  });
  const actionIds: string[] = [];
  for (const { buildingIndex, locationIndex, ...action } of input.actions ?? []) {
    const body = {
      ...action,
      ...(buildingIndex === undefined ? {} : { buildingId: buildingIds[buildingIndex] }),
      ...(locationIndex === undefined ? {} : { locationId: locationIds[locationIndex] }),
    };
    actionIds.push((await api.post<Created>(`/api/plans/${plan.id}/actions`, body)).id);
  }
  return {
    organisationId: organisation.id,
    propertyId: property.id,
    buildingIds,
    locationIds,
    planId: plan.id,
    actionIds,
    planUrl: `${baseUrl}/accounts/${api.accountId}/plans/${plan.id}`,
  };
}
