import { sql } from 'kysely';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import { actionChangeColumns, planChangeColumns } from '../../plan-history/change-columns.ts';

/** The change set, locked until the transaction ends, so two undos of it run one after the other. */
export function findChangeSetForUpdate(db: Db, accountId: AccountId, changeSetId: string) {
  return db
    .selectFrom('change_sets')
    .select(['id', 'plan_id as planId', 'kind', 'undone_at as undoneAt'])
    .where('account_id', '=', accountId)
    .where('id', '=', changeSetId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Locks the plan's row: every change to its actions bumps the plan's revision (an UPDATE of this
 * row), so while the lock is held no other transaction can change the plan's data under the undo.
 */
export async function lockPlan(db: Db, accountId: AccountId, planId: string): Promise<boolean> {
  const row = await db.selectFrom('plans').select('id').where('account_id', '=', accountId).where('id', '=', planId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export function listChangesOfSet(db: Db, accountId: AccountId, changeSetId: string) {
  return db
    .selectFrom('plan_changes')
    .select(['id', 'action_id as actionId', 'action_name as actionName', 'operation', 'changes'])
    .where('account_id', '=', accountId)
    .where('change_set_id', '=', changeSetId)
    .orderBy('id')
    .execute();
}

/** Actions of `actionIds` changed after entry `afterId` by anything but the change set itself, with their latest names. */
export function listActionsChangedSince(db: Db, accountId: AccountId, planId: string, changeSetId: string, afterId: number, actionIds: readonly string[]) {
  return db
    .selectFrom('plan_changes')
    .select(['action_id as id', sql<string>`(array_agg(action_name order by id desc))[1]`.as('name')])
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where('id', '>', afterId)
    .where((where) => where.or([where('change_set_id', 'is', null), where('change_set_id', '!=', changeSetId)]))
    .where('action_id', 'in', actionIds)
    .groupBy('action_id')
    .orderBy('name')
    .execute();
}

/** Whether a plan setting among `fields` changed after entry `afterId`. */
export async function hasPlanSettingsChangedSince(db: Db, accountId: AccountId, planId: string, afterId: number, fields: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('plan_changes')
    .select('id')
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where('id', '>', afterId)
    .where('action_id', 'is', null)
    .where(sql<boolean>`changes ?| ${sql.val(fields)}::text[]`)
    .executeTakeFirst();
  return row !== undefined;
}

/** PostgreSQL type of each column undo writes back, to turn a recorded JSON value into it. */
const actionColumnTypes: Record<(typeof actionChangeColumns)[keyof typeof actionChangeColumns], string> = {
  name: 'text',
  category: 'text',
  building_id: 'uuid',
  location_id: 'uuid',
  quantity: 'numeric',
  unit: 'text',
  unit_price: 'numeric',
  year: 'integer',
  interval_years: 'integer',
  status: 'text',
  base_year: 'integer',
  is_investment: 'boolean',
  tags: 'text[]',
  note: 'text',
  library_item_id: 'uuid',
};

const planColumnTypes: Record<(typeof planChangeColumns)[keyof typeof planChangeColumns], string> = {
  name: 'text',
  start_year: 'integer',
  length_years: 'integer',
  client_cost_percent: 'numeric',
  vat_percent: 'numeric',
  indexation_enabled: 'boolean',
  indexation_rate_percent: 'numeric',
  indexation_default_base_year: 'integer',
  fund_opening_balance: 'numeric',
  fund_current_provision: 'numeric',
  fund_provision_growth_percent: 'numeric',
  fund_interest_rate_percent: 'numeric',
  fund_minimum_balance: 'numeric',
};

/** `column = case when column_values ? 'column' then <value as type> else column end` for each column. */
function setClauses(types: Record<string, string>, table: string) {
  return sql.join(
    Object.entries(types).map(([column, type]) => {
      const value =
        type === 'text[]'
          ? sql`array(select jsonb_array_elements_text(target.column_values -> ${column}))`
          : sql`(target.column_values ->> ${column})::${sql.raw(type)}`;
      return sql`${sql.ref(column)} = case when target.column_values ? ${column} then ${value} else ${sql.ref(`${table}.${column}`)} end`;
    }),
  );
}

/** Writes column values back onto actions of the plan in one statement: `targets` maps action id → {column: value}. */
export async function setActionColumns(db: Db, accountId: AccountId, planId: string, targets: Map<string, Record<string, unknown>>): Promise<number> {
  if (targets.size === 0) return 0;
  const json = JSON.stringify([...targets].map(([id, values]) => ({ id, column_values: values })));
  const result = await sql`
    update actions set ${setClauses(actionColumnTypes, 'actions')}
    from jsonb_to_recordset(${json}::jsonb) as target(id uuid, column_values jsonb)
    where actions.account_id = ${accountId} and actions.plan_id = ${planId} and actions.id = target.id
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Writes column values back onto the plan's own settings. */
export async function setPlanColumns(db: Db, accountId: AccountId, planId: string, values: Record<string, unknown>): Promise<void> {
  if (Object.keys(values).length === 0) return;
  const json = JSON.stringify([{ column_values: values }]);
  await sql`
    update plans set ${setClauses(planColumnTypes, 'plans')}
    from jsonb_to_recordset(${json}::jsonb) as target(column_values jsonb)
    where plans.account_id = ${accountId} and plans.id = ${planId}
  `.execute(db);
}

/** The trash items a change set's deletions made (server/features/trash/). */
export async function listTrashItemsOfChangeSet(db: Db, accountId: AccountId, changeSetId: string): Promise<string[]> {
  const rows = await db.selectFrom('trash_items').select('id').where('account_id', '=', accountId).where('change_set_id', '=', changeSetId).execute();
  return rows.map((row) => row.id);
}

export async function markUndone(db: Db, accountId: AccountId, changeSetId: string, userId: string): Promise<void> {
  await db
    .updateTable('change_sets')
    .set({ undone_at: new Date(), undone_by: userId })
    .where('account_id', '=', accountId)
    .where('id', '=', changeSetId)
    .execute();
}
