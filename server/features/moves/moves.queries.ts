import { sql, type Transaction } from 'kysely';
import type { AccountId } from '../../db/account-id.ts';
import type { Database } from '../../db/schema.ts';

type Tx = Transaction<Database>;

/** What a move takes along, found before anything changes. */
export interface MovedSet {
  /** The live properties (one, or an organisation's). */
  propertyIds: string[];
  /** The live plans of those properties and the plans inside trashed items, whose history, versions and change sets move too. */
  planIds: string[];
  /** Trash items of the moved properties: deleted buildings, locations, plans and actions, and (for an organisation) deleted properties. */
  trashItemIds: string[];
  /** Stored files of the moved attachments, live and in the trash: `<accountId>/<attachmentId>`. */
  storageKeys: string[];
}

/**
 * Locks the moved rows before anything changes: the properties, then their buildings, locations,
 * plans and actions, then the plans' change sets. Adding a child holds its parent `for key share`,
 * which `for update` excludes, so once these are held nothing new appears under them, and a writer
 * that waited finds the rows in their new account. Other writers lock an action before its plan (the
 * revision trigger), the reverse of this order, so a lock that is taken is not waited for:
 * `nowait` fails at once and the caller retries the whole move (`isLockNotAvailable`), instead of
 * both transactions waiting for each other. Returns how many of the properties are (still) in the account.
 */
export async function lockMovedRows(transaction: Tx, accountId: AccountId, propertyIds: string[]): Promise<number> {
  const { rows } = await sql`
    select id from properties where account_id = ${accountId} and id = any(${propertyIds}::uuid[]) order by id for update nowait
  `.execute(transaction);
  for (const table of ['buildings', 'locations', 'plans', 'actions'] as const) {
    await sql`
      select id from ${sql.table(table)} where account_id = ${accountId} and property_id = any(${propertyIds}::uuid[]) order by id for update nowait
    `.execute(transaction);
  }
  await sql`
    select change_set.id from change_sets change_set join plans plan on plan.account_id = change_set.account_id and plan.id = change_set.plan_id
    where plan.account_id = ${accountId} and plan.property_id = any(${propertyIds}::uuid[]) order by change_set.id for update of change_set nowait
  `.execute(transaction);
  return rows.length;
}

/** PostgreSQL's answer to `nowait` when another transaction holds the row (lock_not_available). */
export function isLockNotAvailable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '55P03';
}

/** Holds the organisation until the move commits (no property can be added to it meanwhile); false when it is not in the account (any more). */
export async function lockOrganisation(transaction: Tx, accountId: AccountId, organisationId: string): Promise<boolean> {
  const row = await transaction
    .selectFrom('organisations')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', '=', organisationId)
    .forUpdate()
    .noWait()
    .executeTakeFirst();
  return row !== undefined;
}

/** The live properties of an organisation. */
export async function listPropertyIdsOfOrganisation(transaction: Tx, accountId: AccountId, organisationId: string): Promise<string[]> {
  const rows = await transaction
    .selectFrom('properties')
    .select('id')
    .where('account_id', '=', accountId)
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((row) => row.id);
}

/** Everything a move of these properties (and, for a whole organisation, its trashed properties) takes along. */
export async function findMovedSet(transaction: Tx, accountId: AccountId, propertyIds: string[], organisationId?: string): Promise<MovedSet> {
  // Trashed properties of the organisation, and trashed buildings, locations and plans of every property (live or trashed).
  const containers = sql`
    with trashed_properties as (
      select id from trash_items where account_id = ${accountId} and kind = 'property' and parent_id = ${organisationId ?? null}::uuid
    )
    select id, plan_ids from trash_items
    where account_id = ${accountId} and (
      id in (select id from trashed_properties)
      or (kind in ('building', 'location', 'plan') and (parent_id = any(${propertyIds}::uuid[]) or parent_id in (select id from trashed_properties)))
    )`;
  const { rows } = await sql<{ planIds: string[]; trashItemIds: string[]; storageKeys: string[] }>`
    with containers as (${containers}),
    plan_ids as (
      select id from plans where account_id = ${accountId} and property_id = any(${propertyIds}::uuid[])
      union
      select unnest(plan_ids) from containers
    ),
    trashed as (
      select id from containers
      union
      select id from trash_items where account_id = ${accountId} and kind = 'action' and parent_id in (select id from plan_ids)
    )
    select
      array(select id from plan_ids order by id) as "planIds",
      array(select id from trashed order by id) as "trashItemIds",
      array(
        select attachment.storage_key from action_attachments attachment
        join actions action on action.account_id = attachment.account_id and action.id = attachment.action_id
        where action.account_id = ${accountId} and action.property_id = any(${propertyIds}::uuid[])
        union
        select unnest(storage_keys) from trash_items where account_id = ${accountId} and id in (select id from trashed)
      ) as "storageKeys"
  `.execute(transaction);
  const found = rows[0]!;
  return { propertyIds, ...found };
}

/**
 * Gives the moved rows their new account, in the caller's transaction, with the composite references
 * deferred to its commit (server/db/migrations/0019-deferrable-tenant-references.ts). The attachments'
 * storage keys name the new account; the caller copies the files. Links to the old account's own
 * library items are cleared (docs/decisions/0043-moving-between-accounts.md); links to built-in items stay.
 */
export async function reassignMovedRows(transaction: Tx, from: AccountId, to: AccountId, moved: MovedSet): Promise<void> {
  const properties = sql`${moved.propertyIds}::uuid[]`;
  const plans = sql`${moved.planIds}::uuid[]`;
  const ownLibraryItems = sql`select id from library_items where account_id = ${from}`;
  const newKey = (column: string) => sql`${to}::text || substr(${sql.ref(column)}, position('/' in ${sql.ref(column)}))`;

  // Rows other writes lock before they wait for a plan or an action (a restore, a version's change): not waited for either.
  await sql`select id from trash_items where account_id = ${from} and id = any(${moved.trashItemIds}::uuid[]) for update nowait`.execute(transaction);
  await sql`select id from plan_versions where account_id = ${from} and plan_id = any(${plans}) for update nowait`.execute(transaction);
  await sql`set constraints all deferred`.execute(transaction);
  await sql`update properties set account_id = ${to} where account_id = ${from} and id = any(${properties})`.execute(transaction);
  await sql`update buildings set account_id = ${to} where account_id = ${from} and property_id = any(${properties})`.execute(transaction);
  await sql`update locations set account_id = ${to} where account_id = ${from} and property_id = any(${properties})`.execute(transaction);
  // The revision changes too, so no cache keyed by it can answer for the plan in its old account.
  await sql`
    update plans set account_id = ${to}, revision = revision + 1 where account_id = ${from} and property_id = any(${properties})
  `.execute(transaction);
  await sql`
    update actions set account_id = ${to},
      library_item_id = case when library_item_id in (${ownLibraryItems}) then null else library_item_id end
    where account_id = ${from} and property_id = any(${properties})
  `.execute(transaction);
  const movedActions = sql`select id from actions where account_id = ${to} and property_id = any(${properties})`;
  await sql`update action_completions set account_id = ${to} where account_id = ${from} and action_id in (${movedActions})`.execute(transaction);
  await sql`update action_comments set account_id = ${to} where account_id = ${from} and action_id in (${movedActions})`.execute(transaction);
  await sql`
    update action_attachments set account_id = ${to}, storage_key = ${newKey('storage_key')}
    where account_id = ${from} and action_id in (${movedActions})
  `.execute(transaction);
  for (const table of ['change_sets', 'plan_changes', 'plan_versions'] as const) {
    await sql`update ${sql.table(table)} set account_id = ${to} where account_id = ${from} and plan_id = any(${plans})`.execute(transaction);
  }
  await reassignTrashItems(transaction, from, to, moved.trashItemIds);
  // Members and invitations of the old account limited to a moved property lose it: it must not come back to them if it ever returns.
  for (const table of ['memberships', 'invitations'] as const) {
    await sql`
      update ${sql.table(table)} set property_ids = array(select unnest(property_ids) except select unnest(${properties}))
      where account_id = ${from} and property_ids && ${properties}
    `.execute(transaction);
  }
}

/**
 * Trash items keep copies of their rows as JSON, which a restore inserts as they are: each copied
 * row gets the new account (and storage key, and loses a link to the old account's own library
 * item) as its live counterpart does.
 */
async function reassignTrashItems(transaction: Tx, from: AccountId, to: AccountId, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const newKeyOf = (value: ReturnType<typeof sql>) => sql`${to}::text || substr(${value}, position('/' in ${value}))`;
  await sql`
    update trash_items item set
      account_id = ${to},
      storage_keys = array(select ${newKeyOf(sql`key`)} from unnest(item.storage_keys) key),
      rows = (
        select coalesce(jsonb_object_agg(entry.key, (
          select coalesce(jsonb_agg(
            element
              || jsonb_build_object('account_id', ${to}::text)
              || case when element ? 'storage_key' then jsonb_build_object('storage_key', ${newKeyOf(sql`(element ->> 'storage_key')`)}) else '{}'::jsonb end
              || case when (element ->> 'library_item_id')::uuid in (select id from library_items where account_id = ${from})
                   then jsonb_build_object('library_item_id', null) else '{}'::jsonb end
            order by position), '[]'::jsonb)
          from jsonb_array_elements(entry.value) with ordinality as elements (element, position)
        )), '{}'::jsonb)
        from jsonb_each(item.rows) entry
      )
    where item.account_id = ${from} and item.id = any(${ids}::uuid[])
  `.execute(transaction);
}

/** The property's organisation: all that changes within one account, and where a property moved across accounts lands. */
export async function setOrganisationOfProperty(transaction: Tx, accountId: AccountId, propertyId: string, organisationId: string): Promise<void> {
  await transaction
    .updateTable('properties')
    .set({ organisation_id: organisationId, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', propertyId)
    .execute();
}

/** The organisation row itself, once its properties have moved (its own composite references are deferred too). */
export async function reassignOrganisation(transaction: Tx, from: AccountId, to: AccountId, organisationId: string): Promise<void> {
  await sql`update organisations set account_id = ${to} where account_id = ${from} and id = ${organisationId}`.execute(transaction);
}
