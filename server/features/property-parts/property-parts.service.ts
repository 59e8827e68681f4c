import type { CreatePropertyPartRequest, PropertyPartKind, UpdatePropertyPartRequest } from '../../../shared/schemas/property-part.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import * as queries from './property-parts.queries.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';

/** The singular noun of each kind, as its 404 names it ("Building not found"). */
export const nounOf = { buildings: 'Building', locations: 'Location' } as const satisfies Record<PropertyPartKind, string>;

export async function listPropertyParts(deps: Deps, actor: Actor, kind: PropertyPartKind, propertyId: string) {
  const accountId = await requireRowPermission(deps.db, actor, 'properties', propertyId, 'account:read', 'Property');
  return (await queries.listPropertyParts(deps.db, accountId, kind, propertyId)).map(withIsoTimestamps);
}

export async function createPropertyPart(deps: Deps, actor: Actor, kind: PropertyPartKind, propertyId: string, input: CreatePropertyPartRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', 'Property', { forKeyShare: true });
    return withIsoTimestamps(await queries.insertPropertyPart(transaction, accountId, kind, propertyId, input));
  });
}

export async function updatePropertyPart(deps: Deps, actor: Actor, kind: PropertyPartKind, partId: string, input: UpdatePropertyPartRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, kind, partId, 'plans:write', nounOf[kind]);
    const part = await queries.updatePropertyPart(transaction, accountId, kind, partId, input);
    if (!part) throw notFound(nounOf[kind]);
    return withIsoTimestamps(part);
  });
}

/** Deletes the part; actions that named it stay, without it. */
export async function deletePropertyPart(deps: Deps, actor: Actor, kind: PropertyPartKind, partId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, kind, partId, 'plans:write', nounOf[kind]);
    // Its actions lose it (the foreign key clears the column): that is recorded in their history.
    await recordChangesBy(transaction, actor);
    if (!(await queries.deletePropertyPart(transaction, accountId, kind, partId))) throw notFound(nounOf[kind]);
  });
}
