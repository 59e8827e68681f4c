import { sql, type RawBuilder } from 'kysely';
import { categoryCodes, type CategoryCode } from '../../shared/categories.ts';
import type { ActionInput } from '../../shared/cost-model/index.ts';
import type { StatusCode } from '../../shared/statuses.ts';
import type { Db } from '../db/database.ts';
import { planColumns } from '../features/plans/plans.queries.ts';
import { actionJson, costInputJson } from './action-json-sql.ts';
import type { ReadOnlySnapshot, RevisionReadIn } from './read-only-snapshot.ts';
import type { AccountId } from '../db/account-id.ts';

/** Categories sort in their display order (shared/categories.ts), not alphabetically by code. */
const categoryOrder = sql<number>`array_position(${[...categoryCodes]}::text[], category)`;

/**
 * Only the plan's revision (bumped by every change to its actions, migration 0004); undefined when
 * the plan is not the account's. Read on the pool it can only look a cached value up.
 */
export async function findPlanRevision<D extends Db>(db: D, accountId: AccountId, planId: string): Promise<RevisionReadIn<D> | undefined> {
  const row = await db.selectFrom('plans').select('revision').where('account_id', '=', accountId).where('id', '=', planId).executeTakeFirst();
  return row?.revision as RevisionReadIn<D> | undefined;
}

/**
 * The plan's columns with its revision and its property's area (BOA + LOA in m², a missing figure
 * counting as 0: docs/product/cost-model.md § Plan analysis), in one statement. The revision is internal: the plan
 * schema does not list it, so no response carries it.
 */
export async function findPlanInSnapshot(snapshot: ReadOnlySnapshot, accountId: AccountId, planId: string) {
  const row = await selectPlansInSnapshot(snapshot).where('account_id', '=', accountId).where('id', '=', planId).executeTakeFirst();
  return row === undefined ? undefined : planInSnapshotOf(row);
}

/** A plan of an account, as the batched reads name it. */
export interface PlanKey {
  accountId: AccountId;
  planId: string;
}

/** `findPlanInSnapshot` for many plans in one statement, in no particular order; a plan that is not its account's is left out. */
export async function findPlansInSnapshot(snapshot: ReadOnlySnapshot, plans: readonly PlanKey[]) {
  const rows = await selectPlansInSnapshot(snapshot)
    .where(sql<boolean>`(account_id, id) in (${pairsOf(plans)})`)
    .execute();
  return rows.map(planInSnapshotOf);
}

function selectPlansInSnapshot(snapshot: ReadOnlySnapshot) {
  return snapshot.selectFrom('plans').select([
    ...planColumns,
    'revision',
    (eb) =>
      eb
        .selectFrom('properties')
        .select(sql<number>`coalesce(boa, 0) + coalesce(loa, 0)`.as('area'))
        .whereRef('properties.account_id', '=', 'plans.account_id')
        .whereRef('properties.id', '=', 'plans.property_id')
        .as('areaM2'),
  ]);
}

function planInSnapshotOf<R extends { revision: number; areaM2: number | null }>(row: R) {
  return { ...row, revision: row.revision as RevisionReadIn<ReadOnlySnapshot>, areaM2: Number(row.areaM2 ?? 0) };
}

/** The (account, plan) pairs as a row set for `in (…)`: one array parameter per column, however many plans. */
function pairsOf(plans: readonly PlanKey[]) {
  return sql`select * from unnest(${plans.map((plan) => plan.accountId)}::uuid[], ${plans.map((plan) => plan.planId)}::uuid[])`;
}

/** What the board report shows of the property. */
export async function findPropertyFacts(snapshot: ReadOnlySnapshot, accountId: AccountId, propertyId: string) {
  return snapshot
    .selectFrom('properties')
    .select(['name', 'designation', 'address', 'municipality', 'build_year as buildYear', 'boa', 'loa'])
    .where('account_id', '=', accountId)
    .where('id', '=', propertyId)
    .executeTakeFirstOrThrow();
}

/** The property's buildings by name, for the report's figures per building. */
export async function listBuildingNames(snapshot: ReadOnlySnapshot, accountId: AccountId, propertyId: string): Promise<Array<{ id: string; name: string }>> {
  return snapshot
    .selectFrom('buildings')
    .select(['id', 'name'])
    .where('account_id', '=', accountId)
    .where('property_id', '=', propertyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** An action with its building's and location's names, as the export lists it and the report names it. */
export interface ActionRow {
  id: string;
  name: string;
  category: CategoryCode;
  buildingName: string | null;
  locationName: string | null;
  quantity: number;
  unit: string;
  unitPrice: number;
  year: number;
  intervalYears: number | null;
  status: StatusCode;
  baseYear: number | null;
  isInvestment: boolean;
  tags: string[];
  note: string;
  libraryItemId: string | null;
}

/** A plan's actions with their building's and location's names, in the order of the action list (year, category in display order, name, id). */
export async function listActionRows(snapshot: ReadOnlySnapshot, accountId: AccountId, planId: string): Promise<ActionRow[]> {
  const rows = await selectActionRows(snapshot, accountId, planId)
    .orderBy('actions.year')
    .orderBy(sql`array_position(${[...categoryCodes]}::text[], actions.category)`)
    .orderBy('actions.name')
    .orderBy('actions.id')
    .execute();
  return rows as ActionRow[];
}

/**
 * The query of a plan's `ActionRow`s, unordered, for callers that add their order (and, inside a
 * writing transaction such as the spreadsheet import's, a lock).
 */
export function selectActionRows(db: Db, accountId: AccountId, planId: string) {
  return db
    .selectFrom('actions')
    .leftJoin('buildings', (join) => join.onRef('buildings.id', '=', 'actions.building_id').onRef('buildings.account_id', '=', 'actions.account_id'))
    .leftJoin('locations', (join) => join.onRef('locations.id', '=', 'actions.location_id').onRef('locations.account_id', '=', 'actions.account_id'))
    .select([
      'actions.id',
      'actions.name',
      'actions.category',
      'buildings.name as buildingName',
      'locations.name as locationName',
      'actions.quantity',
      'actions.unit',
      'actions.unit_price as unitPrice',
      'actions.year',
      'actions.interval_years as intervalYears',
      'actions.status',
      'actions.base_year as baseYear',
      'actions.is_investment as isInvestment',
      'actions.tags',
      'actions.note',
      'actions.library_item_id as libraryItemId',
    ])
    .where('actions.account_id', '=', accountId)
    .where('actions.plan_id', '=', planId);
}

/**
 * The orders a plan's actions are read in: `list` is that of the action list (year, category
 * display order, name, id; the occurrences keep it within a year, and the exports show it); `id`
 * is for consumers that only sum, which need a deterministic order (floating-point sums depend on
 * it) but not a meaningful one, and spares PostgreSQL the sort by category position and name
 * (bench/README.md).
 */
export type ActionOrder = 'list' | 'id';

/**
 * An action's row version (decision 0015): `xmin`, the id of the transaction that wrote the row's
 * committed state. Every change of the row, whoever makes it (the services, an import, a foreign
 * key's `set null`, psql), writes a new row version with its own transaction's id, and a row
 * changed twice in one transaction is seen by other snapshots only in its final state, so within
 * one snapshot (id, version) names exactly one content of the row.
 */
export interface ActionVersion<D extends Db = Db> {
  id: string;
  version: RevisionReadIn<D>;
}

/**
 * The ids and row versions of a plan's actions, in the list's order or by id: one text value
 * from PostgreSQL (a sort, no JSON), so a 10 000-action plan costs one string for node-pg.
 */
export async function listActionVersions<D extends Db>(db: D, accountId: AccountId, planId: string, order: ActionOrder): Promise<ActionVersion<D>[]> {
  const row = await db
    .selectFrom('actions')
    .select(versionsAggregate(order).as('versions'))
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return parseVersions<D>(row.versions);
}

/** `listActionVersions` of many plans in one statement, by plan id; a plan without actions has no entry. */
export async function listActionVersionsOfPlans(
  snapshot: ReadOnlySnapshot,
  plans: readonly PlanKey[],
  order: ActionOrder,
): Promise<Map<string, ActionVersion<ReadOnlySnapshot>[]>> {
  const rows = await snapshot
    .selectFrom('actions')
    .select(['plan_id as planId', versionsAggregate(order).as('versions')])
    .where(sql<boolean>`(account_id, plan_id) in (${pairsOf(plans)})`)
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((row) => [row.planId, parseVersions<ReadOnlySnapshot>(row.versions)]));
}

function versionsAggregate(order: ActionOrder) {
  return order === 'list'
    ? sql<string | null>`string_agg(id::text || ' ' || xmin::text, ',' order by year, ${categoryOrder}, name, id)`
    : sql<string | null>`string_agg(id::text || ' ' || xmin::text, ',' order by id)`;
}

/** `id version,id version,…` read with indexOf: a quarter of the time of splitting it twice. */
function parseVersions<D extends Db>(text: string | null): ActionVersion<D>[] {
  if (text === null) return [];
  const versions: ActionVersion<D>[] = [];
  for (let start = 0; start < text.length;) {
    const space = text.indexOf(' ', start);
    const comma = text.indexOf(',', space);
    const end = comma === -1 ? text.length : comma;
    versions.push({ id: text.slice(start, space), version: Number(text.slice(space + 1, end)) as RevisionReadIn<D> });
    start = end + 1;
  }
  return versions;
}

/** Which of a plan's actions to read again: all of them, or those with these ids. */
export type ActionSelection = { planId: string } | { ids: readonly string[] };
/** The batched reads' `ActionSelection`: all actions of these plans, or these actions, each with its account. */
export type ActionsOfPlansSelection = { plans: readonly PlanKey[] } | { actions: ReadonlyArray<{ accountId: AccountId; id: string }> };

/** Each selected action's list JSON (an element of the list's array) and its row version, in no particular order. */
export async function findActionsJson<D extends Db>(
  db: D,
  accountId: AccountId,
  selection: ActionSelection,
): Promise<Array<ActionVersion<D> & { json: string }>> {
  return selectedActions(db, accountWhere(accountId, selection), actionJson);
}

/** Each selected action's cost-model input with its row version, in no particular order. */
export async function findActionCostInputs<D extends Db>(
  db: D,
  accountId: AccountId,
  selection: ActionSelection,
): Promise<Array<ActionVersion<D> & { input: ActionInput }>> {
  return costInputsOf(await selectedActions(db, accountWhere(accountId, selection), costInputJson));
}

/** `findActionCostInputs` across plans (and accounts) in one statement, with each action's plan. */
export async function findActionCostInputsOfPlans(
  snapshot: ReadOnlySnapshot,
  selection: ActionsOfPlansSelection,
): Promise<Array<ActionVersion<ReadOnlySnapshot> & { planId: string; input: ActionInput }>> {
  const where =
    'plans' in selection
      ? sql<boolean>`(account_id, plan_id) in (${pairsOf(selection.plans)})`
      : sql<boolean>`(account_id, id) in (select * from unnest(${selection.actions.map((action) => action.accountId)}::uuid[], ${selection.actions.map((action) => action.id)}::uuid[]))`;
  return costInputsOf(await selectedActions(snapshot, where, costInputJson));
}

function accountWhere(accountId: AccountId, selection: ActionSelection) {
  return 'planId' in selection
    ? sql<boolean>`account_id = ${accountId} and plan_id = ${selection.planId}`
    : sql<boolean>`account_id = ${accountId} and id = any(${[...selection.ids]}::uuid[])`;
}

function costInputsOf<R extends ActionVersion & { json: string }>(rows: R[]): Array<Omit<R, 'json'> & { input: ActionInput }> {
  const inputs = JSON.parse(`[${rows.map((row) => row.json).join(',')}]`) as ActionInput[];
  return rows.map(({ json: _json, ...row }, index) => ({ ...row, input: inputs[index]! }));
}

async function selectedActions<D extends Db>(
  db: D,
  where: RawBuilder<boolean>,
  json: RawBuilder<string>,
): Promise<Array<ActionVersion<D> & { planId: string; json: string }>> {
  const rows = await db
    .selectFrom('actions')
    .select(['id', 'plan_id as planId', sql<string>`xmin::text`.as('version'), json.as('json')])
    .where(where)
    .execute();
  return rows.map((row) => ({ id: row.id, planId: row.planId, version: Number(row.version) as RevisionReadIn<D>, json: row.json }));
}
