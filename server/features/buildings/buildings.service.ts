import type { CreateBuildingRequest, UpdateBuildingRequest } from '../../../shared/schemas/building.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import * as queries from './buildings.queries.ts';

const what = 'Building';

export async function listBuildings(deps: Deps, actor: Actor, propertyId: string) {
  const accountId = await requireRowPermission(deps.db, actor, 'properties', propertyId, 'account:read', 'Property');
  return (await queries.listBuildings(deps.db, accountId, propertyId)).map(withIsoTimestamps);
}

export async function createBuilding(deps: Deps, actor: Actor, propertyId: string, input: CreateBuildingRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', 'Property', { forKeyShare: true });
    return withIsoTimestamps(await queries.insertBuilding(transaction, accountId, propertyId, input));
  });
}

export async function updateBuilding(deps: Deps, actor: Actor, buildingId: string, input: UpdateBuildingRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'buildings', buildingId, 'plans:write', what);
    const building = await queries.updateBuilding(transaction, accountId, buildingId, input);
    if (!building) throw notFound(what);
    return withIsoTimestamps(building);
  });
}

/** Deletes the building; actions that named it stay, without a building. */
export async function deleteBuilding(deps: Deps, actor: Actor, buildingId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'buildings', buildingId, 'plans:write', what);
    if (!(await queries.deleteBuilding(transaction, accountId, buildingId))) throw notFound(what);
  });
}
