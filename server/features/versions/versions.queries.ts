import { sql } from 'kysely';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import type { PlanData } from './version-data.ts';

/** The plan's settings in the API's names (plans.queries.ts names them so), as one JSON object. */
const settingsJson = sql<PlanData['settings']>`json_build_object(
  'name', name, 'startYear', start_year, 'lengthYears', length_years, 'clientCostPercent', client_cost_percent,
  'vatPercent', vat_percent, 'indexationEnabled', indexation_enabled, 'indexationRatePercent', indexation_rate_percent,
  'indexationDefaultBaseYear', indexation_default_base_year, 'fundOpeningBalance', fund_opening_balance,
  'fundCurrentProvision', fund_current_provision, 'fundProvisionGrowthPercent', fund_provision_growth_percent,
  'fundInterestRatePercent', fund_interest_rate_percent, 'fundMinimumBalance', fund_minimum_balance)`;

/** Every action's fields (VersionAction) as a JSON array ordered by id, numerics as PostgreSQL writes them (exact). json, not jsonb: nothing to sort or convert. */
const actionsJson = sql<PlanData['actions']>`coalesce((select json_agg(json_build_object(
  'id', a.id, 'name', a.name, 'category', a.category, 'buildingId', a.building_id, 'locationId', a.location_id,
  'quantity', a.quantity, 'unit', a.unit, 'unitPrice', a.unit_price, 'year', a.year, 'intervalYears', a.interval_years,
  'status', a.status, 'baseYear', a.base_year, 'isInvestment', a.is_investment, 'tags', a.tags, 'note', a.note,
  'libraryItemId', a.library_item_id
) order by a.id) from actions a where a.account_id = plans.account_id and a.plan_id = plans.id), '[]'::json)`;

/**
 * The plan's settings and actions as of one statement (so a version never mixes two states), in
 * the shape a version keeps; `lock` holds the plan row until commit, so nobody changes it meanwhile.
 */
export async function findPlanData(db: Db, accountId: AccountId, planId: string, lock: 'for-update' | 'none' = 'none'): Promise<PlanData | undefined> {
  const query = sql<PlanData>`select ${settingsJson} as settings, ${actionsJson} as actions
    from plans where account_id = ${accountId} and id = ${planId}`;
  const locked = lock === 'for-update' ? sql<PlanData>`${query} for update` : query;
  return (await locked.execute(db)).rows[0];
}

const versionColumns = [
  'plan_versions.id',
  'plan_versions.name',
  'plan_versions.note',
  'plan_versions.created_at as createdAt',
  'plan_versions.created_by as createdById',
  'users.name as createdByName',
  'plan_versions.action_count as actionCount',
  'plan_versions.total',
] as const;

export async function insertVersion(
  db: Db,
  accountId: AccountId,
  planId: string,
  values: { name: string; note: string; createdBy: string; data: PlanData; total: number },
): Promise<string> {
  const row = await db
    .insertInto('plan_versions')
    .values({
      account_id: accountId,
      plan_id: planId,
      name: values.name,
      note: values.note,
      created_by: values.createdBy,
      settings: JSON.stringify(values.data.settings),
      actions: JSON.stringify(values.data.actions),
      action_count: values.data.actions.length,
      total: values.total,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The plan's versions without their data, newest first (id breaks a tie of the same instant). */
export async function listVersions(db: Db, accountId: AccountId, planId: string, versionId?: string) {
  let query = db
    .selectFrom('plan_versions')
    .leftJoin('users', 'users.id', 'plan_versions.created_by')
    .select(versionColumns)
    .where('plan_versions.account_id', '=', accountId)
    .where('plan_versions.plan_id', '=', planId);
  if (versionId !== undefined) query = query.where('plan_versions.id', '=', versionId);
  return query.orderBy('plan_versions.created_at', 'desc').orderBy('plan_versions.id', 'desc').execute();
}

/** A version's data; undefined when it is not a version of this account's plan. */
export async function findVersionData(db: Db, accountId: AccountId, planId: string, versionId: string): Promise<PlanData | undefined> {
  const row = await db
    .selectFrom('plan_versions')
    .select(['settings', 'actions'])
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row as PlanData | undefined;
}

/**
 * The version's actions as rows, with their building, location and library item only while these still exist in
 * the plan's property (a version's building deleted since is cleared, as the deletion cleared it on
 * the plan's own actions). Read from the stored jsonb in SQL, so the numerics stay exact.
 */
function versionActionRows(accountId: AccountId, propertyId: string, versionId: string) {
  return sql`select t.id, t.name, t.category, b.id as building_id, l.id as location_id, t.quantity, t.unit,
      t."unitPrice" as unit_price, t.year, t."intervalYears" as interval_years, t.status, t."baseYear" as base_year,
      t."isInvestment" as is_investment, t.tags, t.note, li.id as library_item_id
    from plan_versions v
    cross join jsonb_to_recordset(v.actions) as t(id uuid, name text, category text, "buildingId" uuid, "locationId" uuid,
      quantity numeric, unit text, "unitPrice" numeric, year integer, "intervalYears" integer, status text,
      "baseYear" integer, "isInvestment" boolean, tags text[], note text, "libraryItemId" uuid)
    left join buildings b on b.account_id = v.account_id and b.property_id = ${propertyId} and b.id = t."buildingId"
    left join locations l on l.account_id = v.account_id and l.property_id = ${propertyId} and l.id = t."locationId"
    left join library_items li on li.id = t."libraryItemId" and (li.account_id is null or li.account_id = v.account_id)
    where v.account_id = ${accountId} and v.id = ${versionId}`;
}

const restoredColumns = [
  'name',
  'category',
  'building_id',
  'location_id',
  'quantity',
  'unit',
  'unit_price',
  'year',
  'interval_years',
  'status',
  'base_year',
  'is_investment',
  'tags',
  'note',
  'library_item_id',
] as const;
const actionColumns = sql.join(restoredColumns.map((column) => sql.id(column)));
const columnsOf = (table: 'a' | 'va') => sql.join(restoredColumns.map((column) => sql.id(table, column)));

/** The ids of the plan's actions that the version does not hold (added since it was saved). */
export async function listActionsNotInVersion(db: Db, accountId: AccountId, planId: string, versionId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select a.id from actions a
    where a.account_id = ${accountId} and a.plan_id = ${planId}
      and not exists (select 1 from plan_versions v cross join jsonb_to_recordset(v.actions) as t(id uuid)
                      where v.account_id = ${accountId} and v.id = ${versionId} and t.id = a.id)
    order by a.id`.execute(db);
  return rows.map((row) => row.id);
}

/**
 * The version's actions that the plan no longer has and that are in the account's trash as actions
 * of this plan: restoring them from there brings back their completions, comments and attachments.
 */
export async function listVersionActionsInTrash(db: Db, accountId: AccountId, planId: string, versionId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select item.id from trash_items item
    where item.account_id = ${accountId} and item.kind = 'action' and item.parent_id = ${planId}
      and exists (select 1 from plan_versions v cross join jsonb_to_recordset(v.actions) as t(id uuid)
                  where v.account_id = ${accountId} and v.id = ${versionId} and t.id = item.id)
    order by item.id`.execute(db);
  return rows.map((row) => row.id);
}

/** Sets the plan's settings to the version's, when any differs (so an unchanged plan records no change). */
export async function restoreSettings(db: Db, accountId: AccountId, planId: string, versionId: string): Promise<void> {
  await sql`update plans p set
      name = s.name, start_year = s."startYear", length_years = s."lengthYears", client_cost_percent = s."clientCostPercent",
      vat_percent = s."vatPercent", indexation_enabled = s."indexationEnabled", indexation_rate_percent = s."indexationRatePercent",
      indexation_default_base_year = s."indexationDefaultBaseYear", fund_opening_balance = s."fundOpeningBalance",
      fund_current_provision = s."fundCurrentProvision", fund_provision_growth_percent = s."fundProvisionGrowthPercent",
      fund_interest_rate_percent = s."fundInterestRatePercent", fund_minimum_balance = s."fundMinimumBalance", updated_at = now()
    from plan_versions v
    cross join jsonb_to_record(v.settings) as s(name text, "startYear" integer, "lengthYears" integer, "clientCostPercent" numeric,
      "vatPercent" numeric, "indexationEnabled" boolean, "indexationRatePercent" numeric, "indexationDefaultBaseYear" integer,
      "fundOpeningBalance" numeric, "fundCurrentProvision" numeric, "fundProvisionGrowthPercent" numeric,
      "fundInterestRatePercent" numeric, "fundMinimumBalance" numeric)
    where v.account_id = ${accountId} and v.id = ${versionId} and p.account_id = ${accountId} and p.id = ${planId}
      and (p.name, p.start_year, p.length_years, p.client_cost_percent, p.vat_percent, p.indexation_enabled, p.indexation_rate_percent,
           p.indexation_default_base_year, p.fund_opening_balance, p.fund_current_provision, p.fund_provision_growth_percent,
           p.fund_interest_rate_percent, p.fund_minimum_balance)
      is distinct from (s.name, s."startYear", s."lengthYears", s."clientCostPercent", s."vatPercent", s."indexationEnabled",
           s."indexationRatePercent", s."indexationDefaultBaseYear", s."fundOpeningBalance", s."fundCurrentProvision",
           s."fundProvisionGrowthPercent", s."fundInterestRatePercent", s."fundMinimumBalance")`.execute(db);
}

/** Sets every action the plan still has to the version's fields, where any differs. */
export async function restoreChangedActions(db: Db, accountId: AccountId, planId: string, propertyId: string, versionId: string): Promise<void> {
  await sql`with version_actions as (${versionActionRows(accountId, propertyId, versionId)})
    update actions a set (${actionColumns}) = (${columnsOf('va')}), updated_at = now()
    from version_actions va
    where a.account_id = ${accountId} and a.plan_id = ${planId} and a.id = va.id
      and (${columnsOf('a')}) is distinct from (${columnsOf('va')})`.execute(db);
}

/** Inserts the version's actions that the plan no longer has, with their ids; answers how many. */
export async function reinsertRemovedActions(db: Db, accountId: AccountId, planId: string, propertyId: string, versionId: string): Promise<number> {
  const result = await sql`with version_actions as (${versionActionRows(accountId, propertyId, versionId)})
    insert into actions (id, account_id, property_id, plan_id, ${actionColumns})
    select va.id, ${accountId}::uuid, ${propertyId}::uuid, ${planId}::uuid, ${columnsOf('va')} from version_actions va
    where not exists (select 1 from actions a where a.account_id = ${accountId} and a.plan_id = ${planId} and a.id = va.id)
    on conflict (id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** How many actions the plan has. */
export async function countActions(db: Db, accountId: AccountId, planId: string): Promise<number> {
  const row = await db
    .selectFrom('actions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', accountId)
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Holds the plan row until commit, so no one changes its settings while a version is restored; answers its property. */
export async function lockPlan(db: Db, accountId: AccountId, planId: string): Promise<string | undefined> {
  const row = await db.selectFrom('plans').select('property_id').where('account_id', '=', accountId).where('id', '=', planId).forUpdate().executeTakeFirst();
  return row?.property_id;
}
