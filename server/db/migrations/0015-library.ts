import { sql, type Kysely } from 'kysely';
import { allFields, changedFields } from './0011-plan-history.ts';

/**
 * The component library (docs/decisions/0038-library-in-files-synced-to-a-table.md): built-in items
 * (account_id null, synced from server/features/library/builtin/ at every migrate) and each
 * account's own items, some replacing a built-in one for that account; actions link to an item.
 * The history records the link like any other field, so the trigger functions of 0011 are
 * replaced with ones that also know `library_item_id`. Frozen once released.
 */
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
  library_item_id: 'libraryItemId',
};

/** The three action triggers' functions of 0011, recording `columns`. */
function actionTriggerFunctions(columns: Record<string, string>) {
  return sql`
    create or replace function record_inserted_actions() returns trigger language plpgsql as $$
    declare
      change_kind text := case when plan_change_kind() = 'restored' then 'restored' else 'created' end;
    begin
      insert into plan_changes (account_id, plan_id, action_id, action_name, kind, operation, changes, user_id, change_set_id)
      select n.account_id, n.plan_id, n.id, n.name, change_kind, 'insert', ${sql.raw(allFields(columns, 'null', 'n'))}, plan_change_user(), plan_change_set()
      from new_actions n
      order by n.year, n.name, n.id;
      return null;
    end
    $$;

    create or replace function record_updated_actions() returns trigger language plpgsql as $$
    declare
      change_kind text := case when plan_change_kind() in ('completed', 'restored') then plan_change_kind() else 'updated' end;
    begin
      insert into plan_changes (account_id, plan_id, action_id, action_name, kind, operation, changes, user_id, change_set_id)
      select n.account_id, n.plan_id, n.id, n.name, change_kind, 'update', diff.changes, plan_change_user(), plan_change_set()
      from old_actions o
      join new_actions n on n.id = o.id
      cross join lateral (select ${sql.raw(changedFields(columns, 'o', 'n'))} as changes) diff
      where diff.changes <> '{}'
      order by n.year, n.name, n.id;
      return null;
    end
    $$;

    create or replace function record_deleted_actions() returns trigger language plpgsql as $$
    begin
      insert into plan_changes (account_id, plan_id, action_id, action_name, kind, operation, changes, user_id, change_set_id)
      select o.account_id, o.plan_id, o.id, o.name, 'deleted', 'delete', ${sql.raw(allFields(columns, 'o', 'null'))}, plan_change_user(), plan_change_set()
      from old_actions o
      where exists (select 1 from plans p where p.account_id = o.account_id and p.id = o.plan_id)
        and exists (select 1 from accounts a where a.id = o.account_id)
      order by o.year, o.name, o.id;
      return null;
    end
    $$;
  `;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table library_items (
      id uuid primary key default gen_random_uuid(),
      -- Null: a built-in item, the same for every account.
      account_id uuid references accounts (id) on delete cascade,
      -- A built-in item's key in the data files (its id derives from it); null for account items.
      builtin_key text unique,
      name_sv text not null check (length(name_sv) between 1 and 200),
      name_en text not null check (length(name_en) between 1 and 200),
      category text not null check (category in (
        'mark', 'stomme', 'fasad', 'yttertak', 'invandigt', 'ventilation', 'vatten', 'avlopp',
        'avfall', 'varme-kyla', 'el', 'styr', 'tele', 'transport', 'brand-sakerhet', 'myndighet'
      )),
      unit text not null check (length(unit) between 1 and 16),
      lifetime_years integer not null check (lifetime_years between 1 and 100),
      unit_price numeric(14, 2) not null check (unit_price >= 0),
      price_year integer not null check (price_year between 1900 and 2200),
      source text not null default '' check (length(source) <= 300),
      kind text not null check (kind in ('replace', 'maintain', 'inspect')),
      -- A built-in item this account item stands in for, in its account's eyes.
      replaces_item_id uuid references library_items (id) on delete set null,
      -- A built-in item whose key left the data files: kept for the actions linked to it, listed no more.
      retired_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((account_id is null) = (builtin_key is not null)),
      check (replaces_item_id is null or account_id is not null),
      unique (account_id, replaces_item_id)
    );
    create index library_items_account_id on library_items (account_id, category);

    alter table actions add column library_item_id uuid references library_items (id) on delete set null;
    create index actions_library_item_id on actions (library_item_id) where library_item_id is not null;

    alter table change_sets drop constraint change_sets_kind_check;
    alter table change_sets add constraint change_sets_kind_check check (kind in (
      'bulk-update', 'bulk-delete', 'import', 'roll-forward', 'version-restore', 'trash-restore', 'undo', 'generate', 'reprice'
    ));

    ${actionTriggerFunctions(actionColumns)}
  `.execute(db);
}

const { library_item_id: _link, ...withoutLink } = actionColumns;

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from change_sets where kind in ('generate', 'reprice');
    alter table change_sets drop constraint change_sets_kind_check;
    alter table change_sets add constraint change_sets_kind_check check (kind in (
      'bulk-update', 'bulk-delete', 'import', 'roll-forward', 'version-restore', 'trash-restore', 'undo'
    ));
    ${actionTriggerFunctions(withoutLink)}
    alter table actions drop column library_item_id;
    drop table library_items;
  `.execute(db);
}
