import { sql, type Expression, type SqlBool } from 'kysely';
import { categoryCodes, type CategoryCode } from '../../../shared/categories.ts';
import type { LibraryItem, LibraryItemKind } from '../../../shared/schemas/library.ts';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';

/** An item as the API answers it, built from a row of library_items aliased `li`. */
const itemColumns = sql<LibraryItem>`json_build_object(
  'id', li.id, 'name', json_build_object('sv', li.name_sv, 'en', li.name_en), 'category', li.category, 'unit', li.unit,
  'lifetimeYears', li.lifetime_years, 'unitPrice', li.unit_price::float8, 'priceYear', li.price_year, 'source', li.source,
  'kind', li.kind, 'origin', case when li.account_id is null then 'builtin' else 'account' end, 'replacesItemId', li.replaces_item_id)`;

/**
 * The items `accountId` sees (docs/product/domain.md § Library): its own, and the built-in ones that
 * are neither retired nor replaced by one of its own.
 */
function visibleTo(accountId: AccountId) {
  return sql<SqlBool>`(li.account_id = ${accountId} or (li.account_id is null and li.retired_at is null
    and not exists (select 1 from library_items r where r.account_id = ${accountId} and r.replaces_item_id = li.id)))`;
}

/** `%`, `_` and `\` match themselves in a search. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** By category (display order), Swedish name, id. */
export async function listVisibleItems(db: Db, accountId: AccountId, filter: { category?: CategoryCode; q?: string }): Promise<LibraryItem[]> {
  const conditions: Expression<SqlBool>[] = [visibleTo(accountId)];
  if (filter.category) conditions.push(sql<SqlBool>`li.category = ${filter.category}`);
  if (filter.q) conditions.push(sql<SqlBool>`(li.name_sv ilike ${likePattern(filter.q)} or li.name_en ilike ${likePattern(filter.q)})`);
  const { rows } = await sql<{ item: LibraryItem }>`select ${itemColumns} as item from library_items li
    where ${sql.join(conditions, sql` and `)}
    order by array_position(${[...categoryCodes]}::text[], li.category), li.name_sv, li.id`.execute(db);
  return rows.map((row) => row.item);
}

/** The account's own items (replacements included), by category (display order), Swedish name, id. */
export async function listAccountItems(db: Db, accountId: AccountId): Promise<LibraryItem[]> {
  const { rows } = await sql<{ item: LibraryItem }>`select ${itemColumns} as item from library_items li
    where li.account_id = ${accountId}
    order by array_position(${[...categoryCodes]}::text[], li.category), li.name_sv, li.id`.execute(db);
  return rows.map((row) => row.item);
}

/** An item of the account's own, or undefined (a built-in item, another account's, or none). */
export async function findAccountItem(db: Db, accountId: AccountId, itemId: string, options: { forUpdate?: boolean } = {}) {
  const query = sql<{ item: LibraryItem }>`select ${itemColumns} as item from library_items li
    where li.account_id = ${accountId} and li.id = ${itemId}`;
  const { rows } = await (options.forUpdate ? sql<{ item: LibraryItem }>`${query} for update` : query).execute(db);
  return rows[0]?.item;
}

/** Whether the account may link an action to the item: its own, or a built-in one that is not retired. */
export async function isItemUsable(db: Db, accountId: AccountId, itemId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from library_items li
    where li.id = ${itemId} and (li.account_id = ${accountId} or (li.account_id is null and li.retired_at is null))`.execute(db);
  return rows.length > 0;
}

/** Whether `itemId` is a built-in item still in the data files: only those can be replaced. */
export async function isBuiltinItem(db: Db, itemId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from library_items where id = ${itemId} and account_id is null and retired_at is null`.execute(db);
  return rows.length > 0;
}

export interface AccountItemValues {
  name_sv: string;
  name_en: string;
  category: CategoryCode;
  unit: string;
  lifetime_years: number;
  unit_price: number;
  price_year: number;
  source: string;
  kind: LibraryItemKind;
  replaces_item_id: string | null;
}

export async function insertAccountItem(db: Db, accountId: AccountId, values: AccountItemValues): Promise<string> {
  const row = await db
    .insertInto('library_items')
    .values({ ...values, account_id: accountId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAccountItem(db: Db, accountId: AccountId, itemId: string, values: Partial<AccountItemValues>): Promise<void> {
  await db
    .updateTable('library_items')
    .set({ ...values, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', itemId)
    .execute();
}

/** Deletes the account's item; the actions linked to it keep their values and lose the link (on delete set null). */
export async function deleteAccountItem(db: Db, accountId: AccountId, itemId: string): Promise<boolean> {
  const result = await db.deleteFrom('library_items').where('account_id', '=', accountId).where('id', '=', itemId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Whether another item of the account already replaces `builtinId`. */
export async function findReplacementOf(db: Db, accountId: AccountId, builtinId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('library_items')
    .select('id')
    .where('account_id', '=', accountId)
    .where('replaces_item_id', '=', builtinId)
    .executeTakeFirst();
  return row?.id;
}

/** A built-in item as the account sees it: its replacement when it has one, else itself. */
export interface ResolvedItem {
  builtinId: string;
  id: string;
  nameSv: string;
  nameEn: string;
  category: CategoryCode;
  unit: string;
  lifetimeYears: number;
  unitPrice: number;
  priceYear: number;
}

/** The built-in items `builtinIds` as the account sees them (each replaced by its own item when it has one). */
export async function resolveBuiltinItems(db: Db, accountId: AccountId, builtinIds: string[]): Promise<Map<string, ResolvedItem>> {
  const { rows } = await sql<ResolvedItem>`select b.id as "builtinId", e.id, e.name_sv as "nameSv", e.name_en as "nameEn", e.category,
      e.unit, e.lifetime_years as "lifetimeYears", e.unit_price::float8 as "unitPrice", e.price_year as "priceYear"
    from library_items b
    left join library_items r on r.account_id = ${accountId} and r.replaces_item_id = b.id
    cross join lateral (select (coalesce(r, b)).*) e
    where b.account_id is null and b.id = any(${builtinIds}::uuid[])`.execute(db);
  return new Map(rows.map((row) => [row.builtinId, row]));
}
