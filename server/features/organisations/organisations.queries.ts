import { sql } from 'kysely';
import type { CreateOrganisationRequest, UpdateOrganisationRequest } from '../../../shared/schemas/organisation.ts';
import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';

const organisationColumns = ['id', 'account_id as accountId', 'name', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

/** The account's organisations; for a member limited to `propertyIds`, those holding one of them. */
export async function listOrganisations(db: Db, accountId: AccountId, propertyIds: readonly string[] | null) {
  let query = db.selectFrom('organisations').select(organisationColumns).where('account_id', '=', accountId);
  if (propertyIds !== null) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('properties')
          .select('properties.id')
          .whereRef('properties.organisation_id', '=', 'organisations.id')
          .where('properties.account_id', '=', accountId)
          .where('properties.id', '=', sql<string>`any(${propertyIds}::uuid[])`),
      ),
    );
  }
  return query.orderBy('name').orderBy('id').execute();
}

export async function findOrganisation(db: Db, accountId: AccountId, organisationId: string) {
  return db.selectFrom('organisations').select(organisationColumns).where('account_id', '=', accountId).where('id', '=', organisationId).executeTakeFirst();
}

export async function insertOrganisation(db: Db, accountId: AccountId, input: CreateOrganisationRequest) {
  return db.insertInto('organisations').values({ account_id: accountId, name: input.name }).returning(organisationColumns).executeTakeFirstOrThrow();
}

export async function updateOrganisation(db: Db, accountId: AccountId, organisationId: string, input: UpdateOrganisationRequest) {
  return db
    .updateTable('organisations')
    .set({ name: input.name, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', organisationId)
    .returning(organisationColumns)
    .executeTakeFirst();
}
