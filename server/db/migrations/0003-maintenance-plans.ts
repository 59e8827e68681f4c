import { sql, type Kysely } from 'kysely';

/**
 * The plan data: organisations → properties → buildings, locations, plans → actions → completions,
 * comments, attachments. Frozen once released: change the schema in a new migration.
 *
 * Tenancy is enforced by the database as well as the services. Every row carries `account_id`, and
 * every reference to a parent includes it (composite foreign keys onto `unique (account_id, id)`),
 * so a row can never point into another account. Actions also carry their plan's `property_id`,
 * and their building and location are referenced through `(account_id, property_id, id)`, so an
 * action can only use a building or location of its own property.
 *
 * Money is SEK excluding VAT, `numeric(14, 2)` (at most 999 999 999 999.99, exact in a double);
 * percentages are plain `numeric` within the ranges checked here. The category and status codes
 * are copies of shared/categories.ts and shared/statuses.ts (a test holds them equal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      name text not null check (length(name) between 1 and 120),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (account_id, id)
    );

    create table properties (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      organisation_id uuid not null,
      name text not null check (length(name) between 1 and 120),
      designation text check (length(designation) between 1 and 120),
      address text check (length(address) between 1 and 120),
      municipality text check (length(municipality) between 1 and 120),
      build_year integer check (build_year between 1000 and 2200),
      -- BOA and LOA in m².
      boa numeric(12, 2) check (boa between 0 and 10000000),
      loa numeric(12, 2) check (loa between 0 and 10000000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (account_id, id),
      foreign key (account_id, organisation_id) references organisations (account_id, id) on delete cascade
    );
    create index properties_organisation_id on properties (account_id, organisation_id);

    create table buildings (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      property_id uuid not null,
      name text not null check (length(name) between 1 and 120),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- Also the index of the list query (a property's buildings).
      unique (account_id, property_id, id),
      foreign key (account_id, property_id) references properties (account_id, id) on delete cascade
    );

    create table locations (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      property_id uuid not null,
      name text not null check (length(name) between 1 and 120),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (account_id, property_id, id),
      foreign key (account_id, property_id) references properties (account_id, id) on delete cascade
    );

    create table plans (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      property_id uuid not null,
      name text not null check (length(name) between 1 and 120),
      start_year integer not null check (start_year between 1900 and 2200),
      length_years integer not null default 30 check (length_years between 1 and 100),
      -- Byggherrekostnad: a surcharge on every action's cost.
      client_cost_percent numeric not null default 0 check (client_cost_percent between 0 and 100),
      vat_percent numeric not null default 25 check (vat_percent between 0 and 100),
      indexation_enabled boolean not null default false,
      indexation_rate_percent numeric not null default 0 check (indexation_rate_percent between -50 and 50),
      indexation_default_base_year integer check (indexation_default_base_year between 1900 and 2200),
      fund_opening_balance numeric(14, 2) not null default 0 check (fund_opening_balance >= 0),
      fund_current_provision numeric(14, 2) not null default 0 check (fund_current_provision >= 0),
      fund_provision_growth_percent numeric not null default 0 check (fund_provision_growth_percent between -50 and 50),
      fund_interest_rate_percent numeric not null default 0 check (fund_interest_rate_percent between -50 and 50),
      fund_minimum_balance numeric(14, 2) not null default 0 check (fund_minimum_balance >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (account_id, id),
      unique (account_id, property_id, id),
      foreign key (account_id, property_id) references properties (account_id, id) on delete cascade
    );

    create table actions (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      -- The plan's property (plans never move), so building and location can be checked against it.
      property_id uuid not null,
      plan_id uuid not null,
      name text not null check (length(name) between 1 and 200),
      category text not null check (category in (
        'mark', 'stomme', 'fasad', 'yttertak', 'invandigt', 'ventilation', 'vatten', 'avlopp',
        'avfall', 'varme-kyla', 'el', 'styr', 'tele', 'transport', 'brand-sakerhet', 'myndighet'
      )),
      building_id uuid,
      location_id uuid,
      quantity numeric not null check (quantity between 0 and 1000000000),
      unit text not null check (length(unit) between 1 and 16),
      unit_price numeric(14, 2) not null check (unit_price >= 0),
      year integer not null check (year between 1900 and 2200),
      interval_years integer check (interval_years between 1 and 100),
      status text not null check (status in ('draft', 'planned', 'urgent', 'deferred', 'done')),
      base_year integer check (base_year between 1900 and 2200),
      is_investment boolean not null default false,
      tags text[] not null default '{}' check (cardinality(tags) <= 50 and array_position(tags, null) is null),
      note text not null default '' check (length(note) <= 4000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (account_id, id),
      foreign key (account_id, property_id, plan_id) references plans (account_id, property_id, id) on delete cascade,
      -- Deleting a building or location keeps its actions, without it (only that column is cleared).
      foreign key (account_id, property_id, building_id) references buildings (account_id, property_id, id) on delete set null (building_id),
      foreign key (account_id, property_id, location_id) references locations (account_id, property_id, id) on delete set null (location_id)
    );
    -- A plan's actions are read together (lists, occurrences, analysis): up to 10 000 per plan.
    create index actions_plan_id on actions (plan_id);
    -- Deleting a building or location clears it on its actions: without these that scans every action.
    create index actions_building_id on actions (building_id) where building_id is not null;
    create index actions_location_id on actions (location_id) where location_id is not null;

    create table action_completions (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      action_id uuid not null,
      year integer not null check (year between 1900 and 2200),
      actual_cost numeric(14, 2) check (actual_cost >= 0),
      note text not null default '' check (length(note) <= 4000),
      completed_by uuid references users (id) on delete set null,
      completed_at timestamptz not null default now(),
      foreign key (account_id, action_id) references actions (account_id, id) on delete cascade
    );
    create index action_completions_action_id on action_completions (action_id, completed_at);

    create table action_comments (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      action_id uuid not null,
      author_id uuid references users (id) on delete set null,
      body text not null check (length(body) between 1 and 4000),
      created_at timestamptz not null default now(),
      foreign key (account_id, action_id) references actions (account_id, id) on delete cascade
    );
    create index action_comments_action_id on action_comments (action_id, created_at);

    -- The file itself is in object storage under storage_key.
    create table action_attachments (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      action_id uuid not null,
      file_name text not null check (length(file_name) between 1 and 255),
      content_type text not null check (length(content_type) between 1 and 255),
      size_bytes bigint not null check (size_bytes >= 0),
      storage_key text not null unique,
      uploaded_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      foreign key (account_id, action_id) references actions (account_id, id) on delete cascade
    );
    create index action_attachments_action_id on action_attachments (action_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table action_attachments, action_comments, action_completions, actions, plans, locations,
      buildings, properties, organisations;
  `.execute(db);
}
