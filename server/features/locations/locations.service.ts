import type { CreateLocationRequest, UpdateLocationRequest } from '../../../shared/schemas/location.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import * as queries from './locations.queries.ts';

const what = 'Location';

export async function listLocations(deps: Deps, actor: Actor, propertyId: string) {
  const accountId = await requireRowPermission(deps.db, actor, 'properties', propertyId, 'account:read', 'Property');
  return (await queries.listLocations(deps.db, accountId, propertyId)).map(withIsoTimestamps);
}

export async function createLocation(deps: Deps, actor: Actor, propertyId: string, input: CreateLocationRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', 'Property', { forKeyShare: true });
    return withIsoTimestamps(await queries.insertLocation(transaction, accountId, propertyId, input));
  });
}

export async function updateLocation(deps: Deps, actor: Actor, locationId: string, input: UpdateLocationRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'locations', locationId, 'plans:write', what);
    const location = await queries.updateLocation(transaction, accountId, locationId, input);
    if (!location) throw notFound(what);
    return withIsoTimestamps(location);
  });
}

/** Deletes the location; actions that named it stay, without a location. */
export async function deleteLocation(deps: Deps, actor: Actor, locationId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'locations', locationId, 'plans:write', what);
    if (!(await queries.deleteLocation(transaction, accountId, locationId))) throw notFound(what);
  });
}
