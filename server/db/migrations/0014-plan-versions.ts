import { sql, type Kysely } from 'kysely';

/**
 * Named versions of a plan (docs/decisions/0034-plan-versions-as-json.md): the plan's settings and
 * every action's fields as they were, kept as JSON in one row, so a version is never recomputed
 * from later data. No foreign key to the plan: a plan moved to the trash keeps its versions, and
 * they are read by account and plan. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- settings: the plan's columns in the API's names (startYear, fundOpeningBalance, …);
    -- actions: an array of every action's fields in the API's names, numerics kept exact by jsonb.
    -- total: the analysis total (SEK excluding VAT) when the version was made, as the list shows it.
    create table plan_versions (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      plan_id uuid not null,
      name text not null check (length(name) between 1 and 120),
      note text not null default '' check (length(note) <= 4000),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      settings jsonb not null,
      actions jsonb not null,
      action_count integer not null check (action_count >= 0),
      total numeric not null
    );
    create index plan_versions_plan on plan_versions (account_id, plan_id, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table plan_versions;`.execute(db);
}
