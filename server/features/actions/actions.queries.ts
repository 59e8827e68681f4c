import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import { categoryCodes } from '../../../shared/categories.ts';
import type { ActionInput } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actions } from '../../db/generated-types.ts';

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
  'created_at as createdAt',
  'updated_at as updatedAt',
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

/** Free text as a JSON string, escaped as JSON.stringify escapes it (quotes, backslashes, control characters). */
const jsonString = (column: 'name' | 'unit' | 'note') => sql<string>`to_json(${sql.ref(column)})::text`;

/** A uuid or a code (category, status: the table's CHECKs allow only [a-z-]) needs no escaping. */
const quoted = (expression: RawBuilder<unknown>) => sql<string>`'"' || ${expression} || '"'`;

const orNull = (expression: RawBuilder<string>) => sql<string>`coalesce(${expression}, 'null')`;

/**
 * The quantity (a numeric ≥ 0 of any precision) as JavaScript writes the nearest double (what
 * node-pg's `Number(text)` and JSON.stringify made of it before): 0.125 → `0.125`, 1e-7 → `1e-7`.
 * PostgreSQL's float8 output is the same shortest round-trip digits (extra_float_digits 1, the
 * default) in the same notation from 1e-4 up to 1e15 (quantities stop at 1e9); below 1e-4 it
 * writes `1.5e-05` where JavaScript writes `0.000015` (down to 1e-6) or `1.5e-7`. The numeric
 * comparison keeps the usual case to one float conversion.
 */
const quantityJson = (() => {
  const text = sql<string>`quantity::float8::text`;
  const mantissa = sql<string>`split_part(${text}, 'e', 1)`;
  const exponent = sql<number>`split_part(${text}, 'e', 2)::int`;
  return sql<string>`case
    when quantity = 0 or quantity >= 0.0001 or strpos(${text}, 'e') = 0 then ${text}
    when ${exponent} >= -6 then '0.' || repeat('0', -${exponent} - 1) || replace(${mantissa}, '.', '')
    else ${mantissa} || 'e' || ${exponent}
  end`;
})();

/**
 * The unit price, numeric(14, 2), without trailing zeros (2500.00 → `2500`, 640.50 → `640.5`): at
 * most 14 significant digits and two decimals, which a double holds and JavaScript writes the same.
 */
const unitPriceJson = sql<string>`trim_scale(unit_price)::text`;

/**
 * The JSON of one action, written by PostgreSQL: the fields of `actionSchema`, in its order, and
 * nothing else (the allowlist of the list, as `respond` is for single actions), byte for byte what
 * JSON.stringify wrote of the rows before (actions-list-json.test.ts compares the two). Plain
 * concatenation: row_to_json and json_build_object look up every column's type for every row and
 * were measurably slower (bench/README.md, Plans and actions).
 */
const actionJsonMembers = {
  id: quoted(sql.ref('id')),
  accountId: quoted(sql.ref('account_id')),
  planId: quoted(sql.ref('plan_id')),
  propertyId: quoted(sql.ref('property_id')),
  name: jsonString('name'),
  category: quoted(sql.ref('category')),
  buildingId: orNull(quoted(sql.ref('building_id'))),
  locationId: orNull(quoted(sql.ref('location_id'))),
  quantity: quantityJson,
  unit: jsonString('unit'),
  unitPrice: unitPriceJson,
  year: sql<string>`year::text`,
  intervalYears: orNull(sql<string>`interval_years::text`),
  status: quoted(sql.ref('status')),
  baseYear: orNull(sql<string>`base_year::text`),
  isInvestment: sql<string>`case when is_investment then 'true' else 'false' end`,
  tags: sql<string>`array_to_json(tags)::text`,
  note: jsonString('note'),
  createdAt: quoted(isoTimestamp('created_at')),
  updatedAt: quoted(isoTimestamp('updated_at')),
} satisfies Record<keyof Action, RawBuilder<string>>;

const actionJson = sql<string>`${sql.join(
  Object.entries(actionJsonMembers).map(([key, value], index) => sql`${sql.lit(`${index === 0 ? '{' : ','}${JSON.stringify(key)}:`)} || ${value}`),
  sql` || `,
)} || '}'`;

/**
 * Only what the cost model reads, named as its `ActionInput`, as JSON: one `JSON.parse` of the
 * whole list is far cheaper than node-pg decoding 11 values a row. The numerics as float8 are the
 * doubles `Number(text)` made of them (both round correctly), printed exactly (the default
 * extra_float_digits) in a notation JSON.parse reads.
 */
const costInputJson = sql<string>`'{"id":"' || id || '","category":"' || category
  || '","buildingId":' || coalesce('"' || building_id || '"', 'null') || ',"locationId":' || coalesce('"' || location_id || '"', 'null')
  || ',"quantity":' || quantity::float8 || ',"unitPrice":' || unit_price::float8 || ',"year":' || year
  || ',"intervalYears":' || coalesce(interval_years::text, 'null') || ',"status":"' || status
  || '","baseYear":' || coalesce(base_year::text, 'null') || ',"isInvestment":' || case when is_investment then 'true' else 'false' end || '}'`;

/**
 * The orders a plan's actions are read in: `list` is that of the action list (year, category
 * display order, name, id; the occurrences keep it within a year, and the exports show it); `id`
 * is for consumers that only sum, which need a deterministic order (floating-point sums depend on
 * it) but not a meaningful one, and spares PostgreSQL the sort by category position and name
 * (bench/README.md, Economic analysis).
 */
export type ActionOrder = 'list' | 'id';

/**
 * An action's row version (decision 0015): `xmin`, the id of the transaction that wrote the row's
 * committed state. Every change of the row, whoever makes it (the services, an import, a foreign
 * key's `set null`, psql), writes a new row version with its own transaction's id, and a row
 * changed twice in one transaction is seen by other snapshots only in its final state, so within
 * one snapshot (id, version) names exactly one content of the row.
 */
export interface ActionVersion {
  id: string;
  version: number;
}

/**
 * The ids and row versions of a plan's actions, in the list's order or by id: one text value
 * from PostgreSQL (a sort, no JSON), so a 10 000-action plan costs one string for node-pg.
 */
export async function listActionVersions(db: Db, accountId: string, planId: string, order: ActionOrder): Promise<ActionVersion[]> {
  const aggregate =
    order === 'list'
      ? sql<string | null>`string_agg(id::text || ' ' || xmin::text, ',' order by year, ${categoryOrder}, name, id)`
      : sql<string | null>`string_agg(id::text || ' ' || xmin::text, ',' order by id)`;
  const row = await db.selectFrom('actions').select(aggregate.as('versions')).where('account_id', '=', accountId).where('plan_id', '=', planId).executeTakeFirstOrThrow();
  if (row.versions === null) return [];
  // `id version,id version,…` read with indexOf: a quarter of the time of splitting it twice.
  const text = row.versions;
  const versions: ActionVersion[] = [];
  for (let start = 0; start < text.length; ) {
    const space = text.indexOf(' ', start);
    const comma = text.indexOf(',', space);
    const end = comma === -1 ? text.length : comma;
    versions.push({ id: text.slice(start, space), version: Number(text.slice(space + 1, end)) });
    start = end + 1;
  }
  return versions;
}

/** Which of a plan's actions to read again: all of them, or those with these ids. */
export type ActionSelection = { planId: string } | { ids: readonly string[] };

/** Each selected action's list JSON (an element of the list's array) and its row version, in no particular order. */
export async function findActionsJson(db: Db, accountId: string, selection: ActionSelection): Promise<Array<ActionVersion & { json: string }>> {
  return selectedActions(db, accountId, selection, actionJson);
}

/** Each selected action's cost-model input with its row version, in no particular order. */
export async function findActionCostInputs(db: Db, accountId: string, selection: ActionSelection): Promise<Array<ActionVersion & { input: ActionInput }>> {
  const rows = await selectedActions(db, accountId, selection, costInputJson);
  const inputs = JSON.parse(`[${rows.map((row) => row.json).join(',')}]`) as ActionInput[];
  return rows.map((row, index) => ({ id: row.id, version: row.version, input: inputs[index]! }));
}

async function selectedActions(db: Db, accountId: string, selection: ActionSelection, json: RawBuilder<string>): Promise<Array<ActionVersion & { json: string }>> {
  const query = db
    .selectFrom('actions')
    .select(['id', sql<string>`xmin::text`.as('version'), json.as('json')])
    .where('account_id', '=', accountId);
  const rows = await ('planId' in selection ? query.where('plan_id', '=', selection.planId) : query.where(sql<boolean>`id = any(${[...selection.ids]}::uuid[])`)).execute();
  return rows.map((row) => ({ id: row.id, version: Number(row.version), json: row.json }));
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

/**
 * Sets the same year and/or status on the given actions of the plan in one statement (10 000 ids
 * are one array parameter, not 10 000). Ids that are not actions of this plan of this account are
 * simply not matched: the count tells the caller whether every id was.
 */
export async function updateActionsOfPlan(db: Db, accountId: string, planId: string, actionIds: readonly string[], values: Pick<ActionValues, 'year' | 'status'>): Promise<number> {
  const result = await db
    .updateTable('actions')
    .set({ ...values, updated_at: sql`now()` })
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where(sql<boolean>`id = any(${actionIds}::uuid[])`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
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

/** The name of the member who recorded a completion, as comments name their authors; null once the user is deleted. */
function completedByName(eb: ExpressionBuilder<Database, 'action_completions'>) {
  return eb.selectFrom('users').select('name').whereRef('users.id', '=', 'action_completions.completed_by').as('completedByName');
}

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
    .returning((eb) => [...completionColumns, completedByName(eb)])
    .executeTakeFirstOrThrow();
}

/**
 * An action's completions, newest first: by when they were recorded, then by the year done (two
 * recorded in one transaction share `completed_at`), then by id so the order is stable.
 */
export async function listCompletions(db: Db, accountId: string, actionId: string) {
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
