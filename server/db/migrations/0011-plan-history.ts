import { sql, type Kysely } from 'kysely';

/**
 * The history of every plan's data (docs/decisions/0032-plan-history-by-triggers.md): who changed
 * which field of which action or plan setting, from what to what, and the change sets that group a
 * bulk change, import, roll-forward or version restore so it can be undone. Frozen once released.
 *
 * Triggers write `plan_changes` in the same transaction as the change, whichever statement made
 * it (a service, a foreign key clearing a deleted building, a bulk UPDATE of 10 000 rows, one
 * statement-level INSERT … SELECT each). The service names the person, and optionally the kind and
 * the change set, with transaction-local settings (server/plan-history/record-changes.ts):
 * `kvarter.user_id`, `kvarter.change_kind` (`completed` or `restored`) and `kvarter.change_set_id`.
 *
 * Neither table has a foreign key to plans or actions: a plan or action moved to the trash keeps its
 * history and change sets, and the trash purge deletes them with the plan.
 *
 * Field names are the API's (camelCase, the plan's nested settings as `fund.openingBalance`), mapped
 * from the columns below. A migration that adds an action field replaces the trigger functions (and
 * adds it to server/plan-history/change-columns.ts, which change-columns.test.ts holds equal to them).
 */
/** Recorded action columns → the API's field names (copied, not imported: a migration never changes). */
const actionColumns = {
  name: 'name',
  category: 'category',
  building_id: 'buildingId',
  location_id: 'locationId',
  quantity: 'quantity',
  unit: 'unit',
  unit_price: 'unitPrice',
  year: 'year',
  interval_years: 'intervalYears',
  status: 'status',
  base_year: 'baseYear',
  is_investment: 'isInvestment',
  tags: 'tags',
  note: 'note',
};

/** Recorded plan columns → the API's field names, nested settings as `fund.openingBalance`. */
const planColumns = {
  name: 'name',
  start_year: 'startYear',
  length_years: 'lengthYears',
  client_cost_percent: 'clientCostPercent',
  vat_percent: 'vatPercent',
  indexation_enabled: 'indexation.enabled',
  indexation_rate_percent: 'indexation.annualRatePercent',
  indexation_default_base_year: 'indexation.defaultBaseYear',
  fund_opening_balance: 'fund.openingBalance',
  fund_current_provision: 'fund.currentProvisionPerYear',
  fund_provision_growth_percent: 'fund.provisionGrowthPercent',
  fund_interest_rate_percent: 'fund.interestRatePercent',
  fund_minimum_balance: 'fund.minimumBalance',
};

/** `{field: {from, to}}` for every column, from the row `from` to the row `to` (either may be the literal null). */
export function allFields(columns: Record<string, string>, from: string, to: string): string {
  const value = (row: string, column: string) => (row === 'null' ? 'null' : `${row}.${column}`);
  const pairs = Object.entries(columns).map(([column, field]) => `'${field}', jsonb_build_object('from', ${value(from, column)}, 'to', ${value(to, column)})`);
  return `jsonb_build_object(${pairs.join(', ')})`;
}

/**
 * `{field: {from, to}}` for the columns whose value differs between the rows, as one expression of
 * `case … end || …` (no subquery or aggregate per row: a bulk change of 10 000 rows runs it 10 000 times).
 */
export function changedFields(columns: Record<string, string>, from: string, to: string): string {
  const parts = Object.entries(columns).map(
    ([column, field]) =>
      `case when ${from}.${column} is distinct from ${to}.${column} ` +
      `then jsonb_build_object('${field}', jsonb_build_object('from', ${from}.${column}, 'to', ${to}.${column})) else '{}'::jsonb end`,
  );
  return `(${parts.join(' || ')})`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table change_sets (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      plan_id uuid not null,
      kind text not null check (kind in ('bulk-update', 'bulk-delete', 'import', 'roll-forward', 'version-restore', 'trash-restore', 'undo')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      undone_at timestamptz,
      undone_by uuid references users (id) on delete set null,
      unique (account_id, id)
    );
    create index change_sets_plan_id on change_sets (account_id, plan_id);

    create table plan_changes (
      id bigint generated always as identity primary key,
      account_id uuid not null references accounts (id) on delete cascade,
      plan_id uuid not null,
      -- Null: a change of the plan's own settings.
      action_id uuid,
      action_name text,
      kind text not null check (kind in ('created', 'updated', 'completed', 'deleted', 'restored')),
      -- What the statement did, which the kind alone does not say for "restored" (re-inserted or set back).
      operation text not null check (operation in ('insert', 'update', 'delete')),
      changes jsonb not null,
      user_id uuid references users (id) on delete set null,
      change_set_id uuid,
      at timestamptz not null default now(),
      foreign key (account_id, change_set_id) references change_sets (account_id, id) on delete set null (change_set_id)
    );
    -- The plan's history, newest first, paged by id.
    create index plan_changes_plan_id on plan_changes (account_id, plan_id, id desc);
    create index plan_changes_action_id on plan_changes (action_id, id desc) where action_id is not null;
    create index plan_changes_change_set_id on plan_changes (change_set_id) where change_set_id is not null;

    create function plan_change_user() returns uuid language sql stable as $$
      select nullif(current_setting('kvarter.user_id', true), '')::uuid
    $$;
    create function plan_change_set() returns uuid language sql stable as $$
      select nullif(current_setting('kvarter.change_set_id', true), '')::uuid
    $$;
    create function plan_change_kind() returns text language sql stable as $$
      select nullif(current_setting('kvarter.change_kind', true), '')
    $$;

    create function record_inserted_actions() returns trigger language plpgsql as $$
    declare
      change_kind text := case when plan_change_kind() = 'restored' then 'restored' else 'created' end;
    begin
      insert into plan_changes (account_id, plan_id, action_id, action_name, kind, operation, changes, user_id, change_set_id)
      select n.account_id, n.plan_id, n.id, n.name, change_kind, 'insert', ${sql.raw(allFields(actionColumns, 'null', 'n'))}, plan_change_user(), plan_change_set()
      from new_actions n
      order by n.year, n.name, n.id;
      return null;
    end
    $$;

    create function record_updated_actions() returns trigger language plpgsql as $$
    declare
      change_kind text := case when plan_change_kind() in ('completed', 'restored') then plan_change_kind() else 'updated' end;
    begin
      insert into plan_changes (account_id, plan_id, action_id, action_name, kind, operation, changes, user_id, change_set_id)
      select n.account_id, n.plan_id, n.id, n.name, change_kind, 'update', diff.changes, plan_change_user(), plan_change_set()
      from old_actions o
      join new_actions n on n.id = o.id
      cross join lateral (select ${sql.raw(changedFields(actionColumns, 'o', 'n'))} as changes) diff
      where diff.changes <> '{}'
      order by n.year, n.name, n.id;
      return null;
    end
    $$;

    -- Not when the plan itself is gone (deleting a plan, property, organisation or account takes
    -- its actions along): that is one deletion of the plan, not one per action.
    create function record_deleted_actions() returns trigger language plpgsql as $$
    begin
      insert into plan_changes (account_id, plan_id, action_id, action_name, kind, operation, changes, user_id, change_set_id)
      select o.account_id, o.plan_id, o.id, o.name, 'deleted', 'delete', ${sql.raw(allFields(actionColumns, 'o', 'null'))}, plan_change_user(), plan_change_set()
      from old_actions o
      where exists (select 1 from plans p where p.account_id = o.account_id and p.id = o.plan_id)
        -- Deleting an account may reach its actions before its plans.
        and exists (select 1 from accounts a where a.id = o.account_id)
      order by o.year, o.name, o.id;
      return null;
    end
    $$;

    -- The revision bump after every change to actions updates plans too: its diff is empty, so nothing is written.
    create function record_updated_plans() returns trigger language plpgsql as $$
    declare
      change_kind text := case when plan_change_kind() = 'restored' then 'restored' else 'updated' end;
    begin
      insert into plan_changes (account_id, plan_id, action_id, action_name, kind, operation, changes, user_id, change_set_id)
      select n.account_id, n.id, null, null, change_kind, 'update', diff.changes, plan_change_user(), plan_change_set()
      from old_plans o
      join new_plans n on n.id = o.id
      cross join lateral (select ${sql.raw(changedFields(planColumns, 'o', 'n'))} as changes) diff
      where diff.changes <> '{}';
      return null;
    end
    $$;

    create trigger actions_insert_records_change
      after insert on actions referencing new table as new_actions
      for each statement execute function record_inserted_actions();
    create trigger actions_update_records_change
      after update on actions referencing old table as old_actions new table as new_actions
      for each statement execute function record_updated_actions();
    create trigger actions_delete_records_change
      after delete on actions referencing old table as old_actions
      for each statement execute function record_deleted_actions();
    create trigger plans_update_records_change
      after update on plans referencing old table as old_plans new table as new_plans
      for each statement execute function record_updated_plans();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger actions_insert_records_change on actions;
    drop trigger actions_update_records_change on actions;
    drop trigger actions_delete_records_change on actions;
    drop trigger plans_update_records_change on plans;
    drop function record_inserted_actions(), record_updated_actions(), record_deleted_actions(), record_updated_plans(),
      plan_change_user(), plan_change_set(), plan_change_kind();
    drop table plan_changes, change_sets;
  `.execute(db);
}
