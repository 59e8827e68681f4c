import { sql, type RawBuilder } from 'kysely';
import type { AccountId } from '../db/account-id.ts';
import type { Db } from '../db/database.ts';

/** Tenant tables whose rows are addressed by id alone in API paths (/api/properties/:id). */
export type TenantTable =
  | 'organisations'
  | 'properties'
  | 'buildings'
  | 'locations'
  | 'plans'
  | 'actions'
  | 'action_comments'
  | 'action_attachments'
  | 'change_sets'
  | 'trash_items'
  | 'library_items'
  | 'share_links';

/**
 * The property each table's row belongs to (`t` is the row), for members limited to some properties
 * (docs/decisions/0041-access-per-property.md); null for rows above or beside properties: an
 * organisation, an item of the account's library, a trashed organisation.
 */
const propertyOfRow: Record<TenantTable, RawBuilder<string | null>> = {
  organisations: sql`null`,
  properties: sql`t.id`,
  buildings: sql`t.property_id`,
  locations: sql`t.property_id`,
  plans: sql`t.property_id`,
  actions: sql`(select p.property_id from plans p where p.id = t.plan_id)`,
  action_comments: sql`(select p.property_id from actions a join plans p on p.id = a.plan_id where a.id = t.action_id)`,
  action_attachments: sql`(select p.property_id from actions a join plans p on p.id = a.plan_id where a.id = t.action_id)`,
  change_sets: sql`(select p.property_id from plans p where p.id = t.plan_id)`,
  trash_items: sql`t.property_id`,
  library_items: sql`null`,
  share_links: sql`(select p.property_id from plans p where p.id = t.plan_id)`,
};

export interface RowOwner {
  accountId: AccountId;
  propertyId: string | null;
}

/**
 * The account (and property) a row belongs to, found by its id alone: the one query on tenant data
 * that does not start from an account id, because it is how a path id is tied to an account before
 * the actor's membership of that account is checked. `forKeyShare` holds the row (it cannot be
 * deleted) until the transaction ends, so that children can be inserted under it.
 */
export async function findRowOwner(db: Db, table: TenantTable, id: string, options: { forKeyShare?: boolean } = {}): Promise<RowOwner | undefined> {
  const { rows } = await sql<RowOwner>`
    select t.account_id as "accountId", ${propertyOfRow[table]} as "propertyId"
    from ${sql.table(table)} t
    where t.id = ${id}
    ${options.forKeyShare ? sql`for key share of t` : sql``}`.execute(db);
  return rows[0];
}

/** Whether the organisation holds one of the properties (a limited member sees its name, nothing more). */
export async function holdsAnyProperty(db: Db, accountId: AccountId, organisationId: string, propertyIds: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('properties')
    .select('id')
    .where('account_id', '=', accountId)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', sql<string>`any(${propertyIds}::uuid[])`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
