import { sql } from 'kysely';
import type { CreateBuildingRequest, UpdateBuildingRequest } from '../../../shared/schemas/building.ts';
import type { Db } from '../../db/database.ts';

const buildingColumns = ['id', 'account_id as accountId', 'property_id as propertyId', 'name', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

export async function listBuildings(db: Db, accountId: string, propertyId: string) {
  return db
    .selectFrom('buildings')
    .select(buildingColumns)
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertBuilding(db: Db, accountId: string, propertyId: string, input: CreateBuildingRequest) {
  return db.insertInto('buildings').values({ account_id: accountId, property_id: propertyId, name: input.name }).returning(buildingColumns).executeTakeFirstOrThrow();
}

export async function updateBuilding(db: Db, accountId: string, buildingId: string, input: UpdateBuildingRequest) {
  return db
    .updateTable('buildings')
    .set({ name: input.name, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', buildingId)
    .returning(buildingColumns)
    .executeTakeFirst();
}

/** Deletes the building; its actions stay, without a building (the foreign key clears it). */
export async function deleteBuilding(db: Db, accountId: string, buildingId: string): Promise<boolean> {
  const result = await db.deleteFrom('buildings').where('account_id', '=', accountId).where('id', '=', buildingId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * True when the building is one of the property's. Holds it until the transaction ends (key share),
 * so it cannot be deleted before a row that refers to it is written.
 */
export async function isBuildingOfProperty(db: Db, accountId: string, propertyId: string, buildingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('buildings')
    .select('id')
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .where('id', '=', buildingId)
    .forKeyShare()
    .executeTakeFirst();
  return row !== undefined;
}
