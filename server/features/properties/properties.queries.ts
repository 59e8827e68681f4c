import { sql } from 'kysely';
import type { CreatePropertyRequest, UpdatePropertyRequest } from '../../../shared/schemas/property.ts';
import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';

const propertyColumns = [
  'id',
  'account_id as accountId',
  'organisation_id as organisationId',
  'name',
  'designation',
  'address',
  'municipality',
  'build_year as buildYear',
  'boa',
  'loa',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** The organisation's properties; for a member limited to `propertyIds`, only those. */
export async function listProperties(db: Db, accountId: AccountId, organisationId: string, propertyIds: readonly string[] | null) {
  let query = db.selectFrom('properties').select(propertyColumns).where('account_id', '=', accountId).where('organisation_id', '=', organisationId);
  if (propertyIds !== null) query = query.where('id', '=', sql<string>`any(${propertyIds}::uuid[])`);
  return query.orderBy('name').orderBy('id').execute();
}

export async function findProperty(db: Db, accountId: AccountId, propertyId: string) {
  return db.selectFrom('properties').select(propertyColumns).where('account_id', '=', accountId).where('id', '=', propertyId).executeTakeFirst();
}

export async function insertProperty(db: Db, accountId: AccountId, organisationId: string, input: CreatePropertyRequest) {
  return db
    .insertInto('properties')
    .values({
      account_id: accountId,
      organisation_id: organisationId,
      name: input.name,
      designation: input.designation ?? null,
      address: input.address ?? null,
      municipality: input.municipality ?? null,
      build_year: input.buildYear ?? null,
      boa: input.boa ?? null,
      loa: input.loa ?? null,
    })
    .returning(propertyColumns)
    .executeTakeFirstOrThrow();
}

/** Changes the given fields only (undefined ones are left out of the update); null clears. */
export async function updateProperty(db: Db, accountId: AccountId, propertyId: string, input: UpdatePropertyRequest) {
  return db
    .updateTable('properties')
    .set({
      name: input.name,
      designation: input.designation,
      address: input.address,
      municipality: input.municipality,
      build_year: input.buildYear,
      boa: input.boa,
      loa: input.loa,
      updated_at: sql`now()`,
    })
    .where('account_id', '=', accountId)
    .where('id', '=', propertyId)
    .returning(propertyColumns)
    .executeTakeFirst();
}
