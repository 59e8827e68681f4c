import { sql, type Transaction } from 'kysely';
import type { TrashKind } from '../../../shared/schemas/trash.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { cascadingChildren, clearableReferences, trashKinds, trashTables, type TrashTable } from './trash-kinds.ts';
import { propertyPartNameKey } from '../../../shared/property-part-name-key.ts';

type Executor = Db | Transaction<Database>;

/** One deleted object's copy: the rows of each table as JSON texts, exactly as PostgreSQL wrote them. */
export interface TrashCopy {
  id: string;
  name: string;
  parentId: string | null;
  rows: Map<TrashTable, string[]>;
  storageKeys: string[];
  planIds: string[];
  detachedActionIds: string[];
}

/**
 * Copies the objects of one kind with every row their deletion would take with them, and locks
 * those rows (FOR UPDATE) so that nothing is added under them between the copy and the DELETE.
 * `within` limits the objects to one parent (a bulk delete's plan). Ids that are not objects of this
 * kind in this account (or not within the parent) are left out of the answer.
 */
export async function copyForTrash(
  transaction: Transaction<Database>,
  accountId: AccountId,
  kind: TrashKind,
  ids: string[],
  within?: { parentId: string },
): Promise<TrashCopy[]> {
  const { table, parent } = trashKinds[kind];
  const copies = new Map<string, TrashCopy>();
  // The copy each copied row belongs to, by the row's id (ids are unique across the tables).
  const copyOf = new Map<string, TrashCopy>();

  const roots = await selectRows(transaction, accountId, table, 'id', ids, within && parent ? { column: parent.column, id: within.parentId } : undefined);
  for (const row of roots) {
    const copy: TrashCopy = {
      id: row.id,
      name: row.name ?? '',
      parentId: row.parentId,
      rows: new Map([[table, [row.json]]]),
      storageKeys: [],
      planIds: table === 'plans' ? [row.id] : [],
      detachedActionIds: [],
    };
    copies.set(row.id, copy);
    copyOf.set(row.id, copy);
  }

  let level: Array<{ table: TrashTable; ids: string[] }> = [{ table, ids: roots.map((row) => row.id) }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { table: parentTable, ids: parentIds } of level) {
      for (const child of cascadingChildren[parentTable]) {
        if (parentIds.length === 0) continue;
        const rows = await selectRows(transaction, accountId, child.table, child.column, parentIds);
        for (const row of rows) {
          const copy = copyOf.get(row.parentId!)!;
          copyOf.set(row.id, copy);
          copy.rows.set(child.table, [...(copy.rows.get(child.table) ?? []), row.json]);
          if (child.table === 'plans') copy.planIds.push(row.id);
          if (row.storageKey) copy.storageKeys.push(row.storageKey);
        }
        next.push({ table: child.table, ids: rows.map((row) => row.id) });
      }
    }
    level = next;
  }

  if (kind === 'building' || kind === 'location') {
    const column = kind === 'building' ? 'building_id' : 'location_id';
    const detached = await sql<{ id: string; partId: string }>`
      select id, ${sql.ref(column)} as "partId" from actions
      where account_id = ${accountId} and ${sql.ref(column)} = any(${roots.map((row) => row.id)}::uuid[])
    `.execute(transaction);
    for (const action of detached.rows) copies.get(action.partId)!.detachedActionIds.push(action.id);
  }
  return [...copies.values()];
}

interface CopiedRow {
  id: string;
  parentId: string | null;
  name: string | null;
  storageKey: string | null;
  json: string;
}

async function selectRows(
  transaction: Transaction<Database>,
  accountId: AccountId,
  table: TrashTable,
  column: string,
  ids: string[],
  within?: { column: string; id: string },
): Promise<CopiedRow[]> {
  const parentColumn = column === 'id' ? (Object.values(trashKinds).find((kind) => kind.table === table)?.parent?.column ?? null) : column;
  const result = await sql<CopiedRow>`
    select id,
      ${parentColumn ? sql`${sql.ref(parentColumn)}::text` : sql`null`} as "parentId",
      to_jsonb(t) ->> 'name' as name,
      to_jsonb(t) ->> 'storage_key' as "storageKey",
      to_jsonb(t)::text as json
    from ${sql.table(table)} t
    where account_id = ${accountId} and ${sql.ref(column)} = any(${ids}::uuid[])
      ${within ? sql`and ${sql.ref(within.column)} = ${within.id}` : sql``}
    order by id
    for update
  `.execute(transaction);
  return result.rows;
}

/** Stores the copies in the trash, as deleted now by `userId`. */
export async function insertTrashItems(
  transaction: Transaction<Database>,
  accountId: AccountId,
  kind: TrashKind,
  copies: TrashCopy[],
  deletedBy: string,
  changeSetId: string | null,
): Promise<void> {
  if (copies.length === 0) return;
  await transaction
    .insertInto('trash_items')
    .values(
      copies.map((copy) => ({
        id: copy.id,
        account_id: accountId,
        kind,
        name: copy.name,
        parent_id: copy.parentId,
        property_id: propertyOfTrashed(kind, copy),
        // Concatenated rather than parsed and serialised again, so numbers keep every digit.
        rows: `{${[...copy.rows].map(([table, rows]) => `"${table}":[${rows.join(',')}]`).join(',')}}`,
        detached_action_ids: copy.detachedActionIds,
        storage_keys: copy.storageKeys,
        plan_ids: copy.planIds,
        change_set_id: changeSetId,
        deleted_by: deletedBy,
        deleted_by_name: sql<string>`(select name from users where id = ${deletedBy})`,
      })),
    )
    .execute();
}

/**
 * The property a trashed object belonged to, so a member limited to some properties sees only
 * theirs in the trash (docs/decisions/0041-access-per-property.md); an organisation has none.
 */
function propertyOfTrashed(kind: TrashKind, copy: TrashCopy) {
  switch (kind) {
    case 'property':
      return copy.id;
    case 'building':
    case 'location':
    case 'plan':
      return copy.parentId;
    case 'action':
      return sql<string | null>`(select property_id from plans where id = ${copy.parentId})`;
    case 'organisation':
      return null;
  }
}

/** Deletes the objects; their foreign keys delete (or, for a building or location, clear) what refers to them. */
export async function deleteTrashedObjects(transaction: Transaction<Database>, accountId: AccountId, kind: TrashKind, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`delete from ${sql.table(trashKinds[kind].table)} where account_id = ${accountId} and id = any(${ids}::uuid[])`.execute(transaction);
}

export interface TrashItemRow {
  id: string;
  kind: TrashKind;
  name: string;
  parentId: string | null;
  deletedAt: Date;
  deletedBy: { id: string; name: string };
}

/** The account's trash, newest first; for a member limited to `propertyIds`, what belonged to those. */
export async function listTrashItems(db: Executor, accountId: AccountId, propertyIds: readonly string[] | null): Promise<TrashItemRow[]> {
  let query = db
    .selectFrom('trash_items')
    .select(['id', 'kind', 'name', 'parent_id as parentId', 'deleted_at as deletedAt', 'deleted_by as deletedById', 'deleted_by_name as deletedByName'])
    .where('account_id', '=', accountId);
  if (propertyIds !== null) query = query.where('property_id', '=', sql<string>`any(${propertyIds}::uuid[])`);
  const rows = await query.orderBy('deleted_at', 'desc').orderBy('id').execute();
  return rows.map(toTrashItemRow);
}

/** The items, locked until the transaction ends (two restores of one item run one after the other). */
export async function findTrashItemsForUpdate(transaction: Transaction<Database>, accountId: AccountId, ids: string[]): Promise<TrashItemRow[]> {
  const rows = await transaction
    .selectFrom('trash_items')
    .select(['id', 'kind', 'name', 'parent_id as parentId', 'deleted_at as deletedAt', 'deleted_by as deletedById', 'deleted_by_name as deletedByName'])
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
  return rows.map(toTrashItemRow);
}

function toTrashItemRow(row: {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  deletedAt: Date;
  deletedById: string | null;
  deletedByName: string;
}): TrashItemRow {
  return {
    id: row.id,
    kind: row.kind as TrashKind,
    name: row.name,
    parentId: row.parentId,
    deletedAt: row.deletedAt,
    deletedBy: { id: row.deletedById ?? '', name: row.deletedByName },
  };
}

/** Whether a row of the kind's table with this id exists in the account. */
export async function existsInAccount(executor: Executor, accountId: AccountId, kind: TrashKind, id: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    select exists (select 1 from ${sql.table(trashKinds[kind].table)} where account_id = ${accountId} and id = ${id}) as found
  `.execute(executor);
  return result.rows[0]!.found;
}

/** The name of the item in the trash with this id, if there is one. */
export async function findTrashItemName(executor: Executor, accountId: AccountId, id: string): Promise<string | undefined> {
  const row = await executor.selectFrom('trash_items').select('name').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/** How many of the item's rows have ids that exist again (in any account: ids are unique installation-wide). */
export async function countExistingIds(transaction: Transaction<Database>, accountId: AccountId, itemId: string): Promise<number> {
  const counts = trashTables.map(
    (table) => sql`
      select count(*)::int as count from ${sql.table(table)}
      where id in (select (row ->> 'id')::uuid from jsonb_array_elements(coalesce(item.rows -> ${sql.lit(table)}, '[]')) row)
    `,
  );
  const result = await sql<{ total: number }>`
    select (${sql.join(
      counts.map((count) => sql`(${count})`),
      sql` + `,
    )}) as total
    from trash_items item where item.account_id = ${accountId} and item.id = ${itemId}
  `.execute(transaction);
  return result.rows[0]?.total ?? 0;
}

/** Whether another building or location of the property already has this name (the same by `propertyPartNameKey`, as the unique index compares). */
export async function isPartNameTaken(
  transaction: Transaction<Database>,
  accountId: AccountId,
  kind: 'building' | 'location',
  propertyId: string,
  name: string,
): Promise<boolean> {
  const result = await sql<{ taken: boolean }>`
    select exists (
      select 1 from ${sql.table(trashKinds[kind].table)}
      where account_id = ${accountId} and property_id = ${propertyId} and name_key = ${propertyPartNameKey(name)}
    ) as taken
  `.execute(transaction);
  return result.rows[0]!.taken;
}

/**
 * Puts the item's rows back, parents first, with the same ids. A reference to a user, building or
 * location that is gone by now is restored as null, as the database clears it on delete; an action
 * that named a building or location which is itself in the trash is remembered on that item, so
 * restoring it later points the action at it again.
 */
export async function reinsertTrashItemRows(transaction: Transaction<Database>, accountId: AccountId, itemId: string): Promise<void> {
  await sql`
    update trash_items part
    set detached_action_ids = part.detached_action_ids || array(
      select (row ->> 'id')::uuid
      from trash_items item, jsonb_array_elements(coalesce(item.rows -> 'actions', '[]')) row
      where item.account_id = ${accountId} and item.id = ${itemId}
        and part.id::text in (row ->> 'building_id', row ->> 'location_id')
    )
    where part.account_id = ${accountId} and part.kind in ('building', 'location') and part.id <> ${itemId}
      and part.id::text in (
        select coalesce(row ->> 'building_id', '') from trash_items item, jsonb_array_elements(coalesce(item.rows -> 'actions', '[]')) row
        where item.account_id = ${accountId} and item.id = ${itemId}
        union
        select coalesce(row ->> 'location_id', '') from trash_items item, jsonb_array_elements(coalesce(item.rows -> 'actions', '[]')) row
        where item.account_id = ${accountId} and item.id = ${itemId}
      )
  `.execute(transaction);

  for (const table of trashTables) {
    const cleared = (clearableReferences[table] ?? []).map(
      ({ column, table: target }) =>
        sql`|| jsonb_build_object(${sql.lit(column)}, case when exists (select 1 from ${sql.table(target)} where id = (row ->> ${sql.lit(column)})::uuid) then row -> ${sql.lit(column)} end)`,
    );
    await sql`
      insert into ${sql.table(table)}
      select (jsonb_populate_record(null::${sql.table(table)}, row ${sql.join(cleared, sql` `)})).*
      from trash_items item, jsonb_array_elements(coalesce(item.rows -> ${sql.lit(table)}, '[]')) row
      where item.account_id = ${accountId} and item.id = ${itemId}
    `.execute(transaction);
  }
}

/**
 * Points the actions a restored building or location was cleared from at it again: those that
 * still exist, are of its property and have no building (or location) now.
 */
export async function reattachDetachedActions(
  transaction: Transaction<Database>,
  accountId: AccountId,
  kind: 'building' | 'location',
  itemId: string,
): Promise<void> {
  const column = kind === 'building' ? 'building_id' : 'location_id';
  await sql`
    update actions set ${sql.ref(column)} = item.id
    from trash_items item
    where item.account_id = ${accountId} and item.id = ${itemId}
      and actions.account_id = ${accountId} and actions.id = any(item.detached_action_ids)
      and actions.property_id = item.parent_id and actions.${sql.ref(column)} is null
  `.execute(transaction);
}

export async function deleteTrashItem(transaction: Transaction<Database>, accountId: AccountId, itemId: string): Promise<void> {
  await transaction.deleteFrom('trash_items').where('account_id', '=', accountId).where('id', '=', itemId).execute();
}

/**
 * Deletes every item deleted before `deletedBefore`, with the history, versions and change sets of
 * the plans purged with them (those tables have no foreign key to plans, so the plans' rows in
 * them outlive the plan until now). Returns the number of items purged.
 */
export async function purgeTrashItems(db: Db, deletedBefore: Date): Promise<number> {
  return db.transaction().execute(async (transaction) => {
    const purged = await transaction.deleteFrom('trash_items').where('deleted_at', '<', deletedBefore).returning(['account_id', 'plan_ids']).execute();
    const plans = purged.flatMap((item) => item.plan_ids.map((planId) => ({ accountId: item.account_id, planId })));
    if (plans.length > 0) await deletePlanRecords(transaction, plans);
    return purged.length;
  });
}

async function deletePlanRecords(transaction: Transaction<Database>, plans: Array<{ accountId: AccountId; planId: string }>): Promise<void> {
  const accountIds = plans.map((plan) => plan.accountId);
  const planIds = plans.map((plan) => plan.planId);
  const purgedPlans = sql`select * from unnest(${accountIds}::uuid[], ${planIds}::uuid[]) as purged (account_id, plan_id)`;
  for (const table of planRecordTables) {
    await sql`delete from ${sql.table(table)} where (account_id, plan_id) in (${purgedPlans})`.execute(transaction);
  }
}

/**
 * Tables that keep records of a plan without a foreign key to it (server/db/migrations/0011-plan-history.ts),
 * so that a plan in the trash keeps them; a purged plan's rows are deleted from each.
 */
const planRecordTables = ['plan_changes', 'change_sets', 'plan_versions'] as const;
