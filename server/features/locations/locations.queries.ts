import { sql } from 'kysely';
import type { CreateLocationRequest, UpdateLocationRequest } from '../../../shared/schemas/location.ts';
import type { Db } from '../../db/database.ts';

const locationColumns = ['id', 'account_id as accountId', 'property_id as propertyId', 'name', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

export async function listLocations(db: Db, accountId: string, propertyId: string) {
  return db
    .selectFrom('locations')
    .select(locationColumns)
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertLocation(db: Db, accountId: string, propertyId: string, input: CreateLocationRequest) {
  return db.insertInto('locations').values({ account_id: accountId, property_id: propertyId, name: input.name }).returning(locationColumns).executeTakeFirstOrThrow();
}

export async function updateLocation(db: Db, accountId: string, locationId: string, input: UpdateLocationRequest) {
  return db
    .updateTable('locations')
    .set({ name: input.name, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', locationId)
    .returning(locationColumns)
    .executeTakeFirst();
}

/** Deletes the location; its actions stay, without a location (the foreign key clears it). */
export async function deleteLocation(db: Db, accountId: string, locationId: string): Promise<boolean> {
  const result = await db.deleteFrom('locations').where('account_id', '=', accountId).where('id', '=', locationId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * True when the location is one of the property's. Holds it until the transaction ends (key share),
 * so it cannot be deleted before a row that refers to it is written.
 */
export async function isLocationOfProperty(db: Db, accountId: string, propertyId: string, locationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('locations')
    .select('id')
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .where('id', '=', locationId)
    .forKeyShare()
    .executeTakeFirst();
  return row !== undefined;
}
