import { sql } from 'kysely';
import { propertyPartNameKey } from '../../../shared/property-part-name-key.ts';
import type { CreatePropertyPartRequest, PropertyPartKind, UpdatePropertyPartRequest } from '../../../shared/schemas/property-part.ts';
import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';

// The kind of part is its table: `buildings` and `locations` have the same columns.
const partColumns = ['id', 'account_id as accountId', 'property_id as propertyId', 'name', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

/** The property's parts of one kind, by name. */
export async function listPropertyParts(db: Db, accountId: AccountId, kind: PropertyPartKind, propertyId: string) {
  return db
    .selectFrom(kind)
    .select(partColumns)
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Shorthands that name the kind, for readers that need just one (the board report; the spreadsheet template and import). */
export const listBuildings = (db: Db, accountId: AccountId, propertyId: string) => listPropertyParts(db, accountId, 'buildings', propertyId);
export const listLocations = (db: Db, accountId: AccountId, propertyId: string) => listPropertyParts(db, accountId, 'locations', propertyId);

/**
 * The unique index that keeps a property's names of one kind apart, on the key stored beside each
 * name (`propertyPartNameKey`): a write that takes a used name fails on it.
 */
export const uniqueNameIndexOf = (kind: PropertyPartKind) => `${kind}_name_key`;

export async function insertPropertyPart(db: Db, accountId: AccountId, kind: PropertyPartKind, propertyId: string, input: CreatePropertyPartRequest) {
  return db
    .insertInto(kind)
    .values({ account_id: accountId, property_id: propertyId, name: input.name, name_key: propertyPartNameKey(input.name) })
    .returning(partColumns)
    .executeTakeFirstOrThrow();
}

/** Creates parts of one kind by name, in one statement (the spreadsheet import); returns them with their ids. */
export async function insertPropertyParts(
  db: Db,
  accountId: AccountId,
  kind: PropertyPartKind,
  propertyId: string,
  names: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (names.length === 0) return [];
  return db
    .insertInto(kind)
    .values(names.map((name) => ({ account_id: accountId, property_id: propertyId, name, name_key: propertyPartNameKey(name) })))
    .returning(['id', 'name'])
    .execute();
}

export async function updatePropertyPart(db: Db, accountId: AccountId, kind: PropertyPartKind, partId: string, input: UpdatePropertyPartRequest) {
  return db
    .updateTable(kind)
    .set({ name: input.name, name_key: input.name === undefined ? undefined : propertyPartNameKey(input.name), updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', partId)
    .returning(partColumns)
    .executeTakeFirst();
}

/**
 * True when the part is one of the property's. Holds it until the transaction ends (key share),
 * so it cannot be deleted before a row that refers to it is written.
 */
export async function isPartOfProperty(db: Db, accountId: AccountId, kind: PropertyPartKind, propertyId: string, partId: string): Promise<boolean> {
  const row = await db
    .selectFrom(kind)
    .select('id')
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .where('id', '=', partId)
    .forKeyShare()
    .executeTakeFirst();
  return row !== undefined;
}
