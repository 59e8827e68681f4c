import type { CreatePropertyPartRequest, PropertyPartKind, UpdatePropertyPartRequest } from '../../../shared/schemas/property-part.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../db/postgres-errors.ts';
import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import { withIsoTimestamps } from '../../http/timestamps.ts';
import * as queries from './property-parts.queries.ts';
import { recordChangesBy } from '../../plan-history/record-changes.ts';
import { moveToTrash } from '../trash/move-to-trash.ts';

/** The singular noun of each kind, as its 404 names it ("Building not found"). */
export const nounOf = { buildings: 'Building', locations: 'Location' } as const satisfies Record<PropertyPartKind, string>;

const trashKindOf = { buildings: 'building', locations: 'location' } as const satisfies Record<PropertyPartKind, string>;

export async function listPropertyParts(deps: Deps, actor: Actor, kind: PropertyPartKind, propertyId: string) {
  const accountId = await requireRowPermission(deps.db, actor, 'properties', propertyId, 'account:read', 'Property');
  return (await queries.listPropertyParts(deps.db, accountId, kind, propertyId)).map(withIsoTimestamps);
}

export async function createPropertyPart(deps: Deps, actor: Actor, kind: PropertyPartKind, propertyId: string, input: CreatePropertyPartRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'properties', propertyId, 'plans:write', 'Property', { forKeyShare: true });
    return withIsoTimestamps(await withUniqueName(kind, queries.insertPropertyPart(transaction, accountId, kind, propertyId, input)));
  });
}

export async function updatePropertyPart(deps: Deps, actor: Actor, kind: PropertyPartKind, partId: string, input: UpdatePropertyPartRequest) {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, kind, partId, 'plans:write', nounOf[kind]);
    const part = await withUniqueName(kind, queries.updatePropertyPart(transaction, accountId, kind, partId, input));
    if (!part) throw notFound(nounOf[kind]);
    return withIsoTimestamps(part);
  });
}

/**
 * A name the property already has for a part of this kind (the same ignoring case, see
 * `propertyPartNameKey`) is a conflict on the field, as a taken e-mail address is: the index
 * decides, so two requests at the same moment cannot both take it.
 */
async function withUniqueName<T>(kind: PropertyPartKind, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, queries.uniqueNameIndexOf(kind))) {
      throw new AppError('conflict', `The property already has a ${nounOf[kind].toLowerCase()} with this name`, { name: nameTakenOf[kind] });
    }
    throw error;
  }
}

const nameTakenOf = { buildings: 'building.name_taken', locations: 'location.name_taken' } as const satisfies Record<PropertyPartKind, ValidationMessageKey>;

/**
 * Moves the part to the account's trash; actions that named it stay, without it, until it is
 * restored (docs/decisions/0033-trash-as-stored-copies.md).
 */
export async function deletePropertyPart(deps: Deps, actor: Actor, kind: PropertyPartKind, partId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, kind, partId, 'plans:write', nounOf[kind]);
    // Its actions lose it (the foreign key clears the column): that is recorded in their history.
    await recordChangesBy(transaction, actor);
    if (!(await moveToTrash(transaction, accountId, trashKindOf[kind], [partId], actor))) throw notFound(nounOf[kind]);
  });
}
