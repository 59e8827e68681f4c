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
  | 'library_items';

/**
 * The account a row belongs to, found by its id alone: the one query on tenant data that does not
 * start from an account id, because it is how a path id is tied to an account before the actor's
 * membership of that account is checked. `forKeyShare` holds the row (it cannot be deleted) until
 * the transaction ends, so that children can be inserted under it.
 */
export async function findAccountIdOfRow(db: Db, table: TenantTable, id: string, options: { forKeyShare?: boolean } = {}): Promise<AccountId | undefined> {
  // Every TenantTable has `id` and `account_id`; one of them stands in for the union in the types.
  let query = db
    .selectFrom(table as 'organisations')
    .select('account_id')
    .where('id', '=', id);
  if (options.forKeyShare) query = query.forKeyShare();
  const row = await query.executeTakeFirst();
  return row?.account_id;
}
