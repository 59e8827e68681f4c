import { sql, type Kysely } from 'kysely';

/**
 * A revision per plan, bumped in the same transaction as every change to the plan's actions, so a
 * cache keyed by it (server/plan-snapshot/revision-cache.ts, decision 0014) can never serve
 * stale action data, whichever instance or statement made the change.
 *
 * The triggers are statement-level with transition tables: a bulk update of 10 000 actions bumps
 * its plan once, not 10 000 times. A trigger can have transition tables for one event only, hence
 * three. They also fire for the changes the foreign keys make: deleting a building or location
 * sets `building_id`/`location_id` to null on its actions (UPDATE); deleting a plan, property or
 * account deletes its actions (DELETE; the plan row is already gone then, so nothing is bumped).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table plans add column revision bigint not null default 0;

    create function bump_plan_revisions_of_new_actions() returns trigger language plpgsql as $$
    begin
      update plans set revision = revision + 1
      where (account_id, id) in (select distinct account_id, plan_id from new_actions);
      return null;
    end
    $$;

    create function bump_plan_revisions_of_old_actions() returns trigger language plpgsql as $$
    begin
      update plans set revision = revision + 1
      where (account_id, id) in (select distinct account_id, plan_id from old_actions);
      return null;
    end
    $$;

    -- An update may move an action to another plan (not through the API today): both plans change.
    create function bump_plan_revisions_of_changed_actions() returns trigger language plpgsql as $$
    begin
      update plans set revision = revision + 1
      where (account_id, id) in (
        select account_id, plan_id from new_actions
        union
        select account_id, plan_id from old_actions
      );
      return null;
    end
    $$;

    create trigger actions_insert_bumps_plan_revision
      after insert on actions referencing new table as new_actions
      for each statement execute function bump_plan_revisions_of_new_actions();

    create trigger actions_update_bumps_plan_revision
      after update on actions referencing old table as old_actions new table as new_actions
      for each statement execute function bump_plan_revisions_of_changed_actions();

    create trigger actions_delete_bumps_plan_revision
      after delete on actions referencing old table as old_actions
      for each statement execute function bump_plan_revisions_of_old_actions();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger actions_insert_bumps_plan_revision on actions;
    drop trigger actions_update_bumps_plan_revision on actions;
    drop trigger actions_delete_bumps_plan_revision on actions;
    drop function bump_plan_revisions_of_new_actions(), bump_plan_revisions_of_old_actions(), bump_plan_revisions_of_changed_actions();
    alter table plans drop column revision;
  `.execute(db);
}
