import type { CreatePropertyRequest, UpdatePropertyRequest } from '../../../shared/schemas/property.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowAccess, requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import * as queries from './properties.queries.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import { moveToTrash } from '../trash/move-to-trash.ts';

const what = 'Property';

export async function listProperties(deps: Deps, actor: Actor, organisationId: string) {
  const access = await requireRowAccess(deps.db, actor, 'organisations', organisationId, 'account:read', 'Organisation');
  return (await queries.listProperties(deps.db, access.accountId, organisationId, access.propertyIds)).map(withIsoTimestamps);
}

export async function createProperty(deps: Deps, actor: Actor, organisationId: string, input: CreatePropertyRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'organisations', organisationId, 'plans:write', 'Organisation', { forKeyShare: true });
    return withIsoTimestamps(await queries.insertProperty(transaction, accountId, organisationId, input));
  });
}

export async function getProperty(deps: Deps, actor: Actor, propertyId: string) {
  const accountId = await requireRowPermission(deps.db, actor, 'properties', propertyId, 'account:read', what);
  const property = await queries.findProperty(deps.db, accountId, propertyId);
  if (!property) throw notFound(what);
  return withIsoTimestamps(property);
}

export async function updateProperty(deps: Deps, actor: Actor, propertyId: string, input: UpdatePropertyRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', what);
    const property = await queries.updateProperty(transaction, accountId, propertyId, input);
    if (!property) throw notFound(what);
    return withIsoTimestamps(property);
  });
}

/** Moves the property with its buildings, locations, plans and their actions to the account's trash. */
export async function deleteProperty(deps: Deps, actor: Actor, propertyId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', what);
    await recordChangesBy(transaction, actor);
    if (!(await moveToTrash(transaction, accountId, 'property', [propertyId], actor))) throw notFound(what);
  });
}
