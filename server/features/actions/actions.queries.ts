import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actions } from '../../db/generated-types.ts';
import type { AccountId } from '../../db/account-id.ts';

/** An action's columns, one to one, in camelCase. */
export const actionColumns = [
  'id',
  'account_id as accountId',
  'plan_id as planId',
  'property_id as propertyId',
  'name',
  'category',
  'building_id as buildingId',
  'location_id as locationId',
  'quantity',
  'unit',
  'unit_price as unitPrice',
  'year',
  'interval_years as intervalYears',
  'status',
  'base_year as baseYear',
  'is_investment as isInvestment',
  'tags',
  'note',
  'library_item_id as libraryItemId',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** The settable columns of an action; undefined ones are left out (the default, or unchanged). */
export type ActionValues = Partial<
  Pick<Actions, 'name' | 'category' | 'building_id' | 'location_id' | 'quantity' | 'unit' | 'unit_price' | 'year' | 'interval_years' | 'status' | 'base_year'>
> & {
  is_investment?: boolean;
  tags?: string[];
  note?: string;
  library_item_id?: string | null;
};

/** The action; locked against concurrent changes until the transaction ends when `forUpdate`. */
export async function findAction(db: Db, accountId: AccountId, actionId: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('actions').select(actionColumns).where('account_id', '=', accountId).where('id', '=', actionId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertAction(
  db: Db,
  accountId: AccountId,
  plan: { propertyId: string; planId: string },
  values: ActionValues & Pick<Actions, 'name' | 'category' | 'quantity' | 'unit' | 'unit_price' | 'year' | 'status'>,
) {
  return db
    .insertInto('actions')
    .values({ ...values, account_id: accountId, property_id: plan.propertyId, plan_id: plan.planId })
    .returning(actionColumns)
    .executeTakeFirstOrThrow();
}

export async function updateAction(db: Db, accountId: AccountId, actionId: string, values: ActionValues) {
  return db
    .updateTable('actions')
    .set({ ...values, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', actionId)
    .returning(actionColumns)
    .executeTakeFirst();
}

/** What a bulk update does to every selected action: the same values, a move in years, a change of unit price. */
export type BulkActionChange = {
  values: Pick<ActionValues, 'category' | 'building_id' | 'location_id' | 'status' | 'year' | 'tags' | 'is_investment'>;
  shiftYears?: number;
  scaleUnitPricePercent?: number;
};

/** The largest unit price numeric(14, 2) holds (and amountSchema accepts). */
const MAX_UNIT_PRICE = '999999999999.99';

/**
 * The new unit price, in PostgreSQL's exact numeric: `percent` is sent as text so 2.75 stays 2.75,
 * and round(…, 2) gives whole öre with halves rounded up (prices are never negative).
 */
function scaledUnitPrice(percent: number) {
  return sql<number>`round(unit_price * (100 + ${String(percent)}::numeric) / 100, 2)`;
}

/**
 * Locks the given actions of the plan until the transaction ends and counts them, with how many a
 * move by `shiftYears` would put outside 1900–2200 and how many a price change would put above
 * numeric(14, 2). Ids that are not actions of this plan of this account are not counted.
 */
export async function lockAndCountActionsOfPlan(db: Db, accountId: AccountId, planId: string, actionIds: readonly string[], change: BulkActionChange) {
  const selected = db
    .selectFrom('actions')
    .select(['year', 'unit_price'])
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where(sql<boolean>`id = any(${actionIds}::uuid[])`)
    .forUpdate()
    .as('selected');
  const shift = change.shiftYears ?? 0;
  const percent = change.scaleUnitPricePercent ?? 0;
  const counts = await db
    .selectFrom(selected)
    .select([
      sql<number>`count(*)::int`.as('found'),
      sql<number>`(count(*) filter (where year + ${shift}::int not between 1900 and 2200))::int`.as('outsideYears'),
      sql<number>`(count(*) filter (where ${scaledUnitPrice(percent)} > ${MAX_UNIT_PRICE}::numeric))::int`.as('priceTooHigh'),
    ])
    .executeTakeFirstOrThrow();
  return counts;
}

/**
 * Applies the same change to the given actions of the plan in one statement (10 000 ids are one
 * array parameter, not 10 000). Ids that are not actions of this plan of this account are simply
 * not matched: the count tells the caller whether every id was.
 */
export async function updateActionsOfPlan(
  db: Db,
  accountId: AccountId,
  planId: string,
  actionIds: readonly string[],
  change: BulkActionChange,
): Promise<number> {
  const result = await db
    .updateTable('actions')
    .set({
      ...change.values,
      ...(change.shiftYears === undefined ? {} : { year: sql<number>`year + ${change.shiftYears}::int` }),
      ...(change.scaleUnitPricePercent === undefined ? {} : { unit_price: scaledUnitPrice(change.scaleUnitPricePercent) }),
      updated_at: sql`now()`,
    })
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where(sql<boolean>`id = any(${actionIds}::uuid[])`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const completionColumns = [
  'id',
  'account_id as accountId',
  'action_id as actionId',
  'year',
  'actual_cost as actualCost',
  'note',
  'completed_by as completedBy',
  'completed_at as completedAt',
] as const;

/** The name of the member who recorded a completion, as comments name their authors; null once the user is deleted. */
function completedByName(eb: ExpressionBuilder<Database, 'action_completions'>) {
  return eb.selectFrom('users').select('name').whereRef('users.id', '=', 'action_completions.completed_by').as('completedByName');
}

export async function insertCompletion(
  db: Db,
  accountId: AccountId,
  values: { actionId: string; year: number; actualCost: number | null; note: string; completedBy: string },
) {
  return db
    .insertInto('action_completions')
    .values({
      account_id: accountId,
      action_id: values.actionId,
      year: values.year,
      actual_cost: values.actualCost,
      note: values.note,
      completed_by: values.completedBy,
    })
    .returning((eb) => [...completionColumns, completedByName(eb)])
    .executeTakeFirstOrThrow();
}

/**
 * An action's completions, newest first: by when they were recorded, then by the year done (two
 * recorded in one transaction share `completed_at`), then by id so the order is stable.
 */
export async function listCompletions(db: Db, accountId: AccountId, actionId: string) {
  return db
    .selectFrom('action_completions')
    .select((eb) => [...completionColumns, completedByName(eb)])
    .where('account_id', '=', accountId)
    .where('action_id', '=', actionId)
    .orderBy('completed_at', 'desc')
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
