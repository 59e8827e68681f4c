import { sql } from 'kysely';
import { categoryCodes } from '../../../shared/categories.ts';
import type { ActionInput } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { Db } from '../../db/database.ts';
import type { Actions } from '../../db/generated-types.ts';

/** An action's columns, one to one, in camelCase. */
const actionColumns = [
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
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** Only what the cost model reads, named as its `ActionInput`. */
const costInputColumns = [
  'id',
  'category',
  'building_id as buildingId',
  'location_id as locationId',
  'quantity',
  'unit_price as unitPrice',
  'year',
  'interval_years as intervalYears',
  'status',
  'base_year as baseYear',
  'is_investment as isInvestment',
] as const;

/** Categories sort in their display order (shared/categories.ts), not alphabetically by code. */
const categoryOrder = sql<number>`array_position(${[...categoryCodes]}::text[], category)`;

/** The settable columns of an action; undefined ones are left out (the default, or unchanged). */
export type ActionValues = Partial<Pick<Actions, 'name' | 'category' | 'building_id' | 'location_id' | 'quantity' | 'unit' | 'unit_price' | 'year' | 'interval_years' | 'status' | 'base_year'>> & {
  is_investment?: boolean;
  tags?: string[];
  note?: string;
};

/**
 * ISO-8601 in UTC with milliseconds, exactly as `Date.prototype.toISOString` writes it (to_char's
 * `MS` truncates the microseconds, as node-pg's Date parsing does).
 */
const isoTimestamp = (column: 'created_at' | 'updated_at') => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The list's columns: those of an action, but cheap for node-pg to decode 10 000 times — the
 * timestamps as ISO text (no Date parsing and formatting) and the tags as json text (one native
 * JSON.parse instead of node-pg's text[] parser).
 */
const actionListColumns = [
  ...actionColumns.filter((column) => column !== 'tags' && column !== 'created_at as createdAt' && column !== 'updated_at as updatedAt'),
  sql<string>`array_to_json(tags)::text`.as('tagsJson'),
  isoTimestamp('created_at').as('createdAt'),
  isoTimestamp('updated_at').as('updatedAt'),
] as const;

/**
 * A plan's actions ordered by year, category (display order), name and id: one query, through the
 * plan_id index, however many actions (SPEC §3: 10 000 per plan). Timestamps come as ISO strings.
 */
export async function listActions(db: Db, accountId: string, planId: string): Promise<Action[]> {
  const rows = await db
    .selectFrom('actions')
    .select(actionListColumns)
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .orderBy('year')
    .orderBy(categoryOrder)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    accountId: row.accountId,
    planId: row.planId,
    propertyId: row.propertyId,
    name: row.name,
    category: row.category,
    buildingId: row.buildingId,
    locationId: row.locationId,
    quantity: row.quantity,
    unit: row.unit,
    unitPrice: row.unitPrice,
    year: row.year,
    intervalYears: row.intervalYears,
    status: row.status,
    baseYear: row.baseYear,
    isInvestment: row.isInvestment,
    tags: JSON.parse(row.tagsJson) as string[],
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/** A plan's actions as cost-model inputs, in the order of `listActions` (the occurrences keep it within a year). */
export async function listActionCostInputs(db: Db, accountId: string, planId: string): Promise<ActionInput[]> {
  return db
    .selectFrom('actions')
    .select(costInputColumns)
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .orderBy('year')
    .orderBy(categoryOrder)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The action; locked against concurrent changes until the transaction ends when `forUpdate`. */
export async function findAction(db: Db, accountId: string, actionId: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('actions').select(actionColumns).where('account_id', '=', accountId).where('id', '=', actionId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertAction(
  db: Db,
  accountId: string,
  plan: { propertyId: string; planId: string },
  values: ActionValues & Pick<Actions, 'name' | 'category' | 'quantity' | 'unit' | 'unit_price' | 'year' | 'status'>,
) {
  return db
    .insertInto('actions')
    .values({ ...values, account_id: accountId, property_id: plan.propertyId, plan_id: plan.planId })
    .returning(actionColumns)
    .executeTakeFirstOrThrow();
}

export async function updateAction(db: Db, accountId: string, actionId: string, values: ActionValues) {
  return db
    .updateTable('actions')
    .set({ ...values, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('id', '=', actionId)
    .returning(actionColumns)
    .executeTakeFirst();
}

/** Deletes the action and, by cascade, its completions, comments and attachments. */
export async function deleteAction(db: Db, accountId: string, actionId: string): Promise<boolean> {
  const result = await db.deleteFrom('actions').where('account_id', '=', accountId).where('id', '=', actionId).executeTakeFirst();
  return result.numDeletedRows > 0n;
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

export async function insertCompletion(
  db: Db,
  accountId: string,
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
    .returning(completionColumns)
    .executeTakeFirstOrThrow();
}

/**
 * An action's completions, newest first: by when they were recorded, then by the year done (two
 * recorded in one transaction share `completed_at`), then by id so the order is stable.
 */
export async function listCompletions(db: Db, accountId: string, actionId: string) {
  return db
    .selectFrom('action_completions')
    .select(completionColumns)
    .where('account_id', '=', accountId)
    .where('action_id', '=', actionId)
    .orderBy('completed_at', 'desc')
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
