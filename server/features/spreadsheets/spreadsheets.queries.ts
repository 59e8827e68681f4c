import { sql } from 'kysely';
import type { CategoryCode } from '../../../shared/categories.ts';
import type { StatusCode } from '../../../shared/statuses.ts';
import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';
import { selectActionRows, type ActionRow } from '../../plan-snapshot/plan-snapshot.queries.ts';

/** One imported action's columns (the table's defaults fill the rest). */
export interface ImportedActionValues {
  building_id: string | null;
  location_id: string | null;
  name: string;
  category: CategoryCode;
  quantity: number;
  unit: string;
  unit_price: number;
  year: number;
  interval_years: number | null;
  status: StatusCode;
  base_year: number | null;
  is_investment: boolean;
  tags: string[];
  note: string;
  library_item_id: string | null;
}

/**
 * 1 000 rows × 15 columns is 15 000 parameters, well under PostgreSQL's 65 535 per statement; larger
 * batches did not make 10 000 rows faster (bench/README.md).
 */
const insertBatchSize = 1000;

/** Inserts the actions into the plan with one multi-row INSERT per batch; returns how many. */
export async function insertImportedActions(
  db: Db,
  accountId: AccountId,
  plan: { propertyId: string; planId: string },
  actions: readonly ImportedActionValues[],
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < actions.length; start += insertBatchSize) {
    const batch = actions
      .slice(start, start + insertBatchSize)
      .map((values) => ({ ...values, account_id: accountId, property_id: plan.propertyId, plan_id: plan.planId }));
    const result = await db.insertInto('actions').values(batch).executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * The plan's actions as the export writes them (building and location by name), in id order, locked
 * against concurrent changes until the transaction ends when `forUpdate`: a confirm compares the
 * rows with them and then updates some.
 */
export async function listPlanActions(db: Db, accountId: AccountId, planId: string, options: { forUpdate?: boolean } = {}): Promise<ActionRow[]> {
  let query = selectActionRows(db, accountId, planId).orderBy('actions.id');
  if (options.forUpdate) query = query.forUpdate('actions');
  return (await query.execute()) as ActionRow[];
}

/** Sets the changed columns of one action of the plan; false when it is not (no longer) the plan's. */
export async function updateImportedAction(
  db: Db,
  accountId: AccountId,
  planId: string,
  actionId: string,
  values: Partial<ImportedActionValues>,
): Promise<boolean> {
  const result = await db
    .updateTable('actions')
    .set({ ...values, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where('id', '=', actionId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The library items an action of the plan may be linked to by a file: the account's own, the
 * built-in ones still in the data files, and whatever its actions link now (a retired built-in
 * item stays linked, so an unchanged export imports back unchanged). `forKeyShare` (a confirm)
 * keeps the account's items from being deleted until the transaction ends.
 */
export async function listLinkableLibraryItemIds(db: Db, accountId: AccountId, planId: string, options: { forKeyShare?: boolean } = {}): Promise<Set<string>> {
  // A confirm holds the account's items until commit: one deleted meanwhile would fail the actions' foreign key.
  if (options.forKeyShare) await sql`select id from library_items where account_id = ${accountId} for key share`.execute(db);
  const { rows } = await sql<{ id: string }>`select id from library_items where account_id = ${accountId} or (account_id is null and retired_at is null)
    union select library_item_id from actions where account_id = ${accountId} and plan_id = ${planId} and library_item_id is not null`.execute(db);
  return new Set(rows.map((row) => row.id));
}
