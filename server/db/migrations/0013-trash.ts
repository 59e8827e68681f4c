import { sql, type Kysely } from 'kysely';

/**
 * The account's trash (docs/decisions/0033-trash-as-stored-copies.md): a deleted action, building,
 * location, plan, property or organisation is kept here, with a copy of every row deleted with it,
 * until it is restored or purged. Frozen once released.
 *
 * `id` is the deleted object's own id, so a restore addresses it as the client knew it. `rows` maps
 * a table name to the rows (`to_jsonb` of each) that went with the object, parents first;
 * `detached_action_ids` are the actions a deleted building or location was cleared from (they stay,
 * without it), to point them at it again on restore. `storage_keys` are the attachment files the
 * copied rows name, which the orphan sweep must keep until the purge; `plan_ids` the plans whose
 * history, versions and change sets the purge deletes with them. `deleted_by_name` keeps who deleted
 * it readable after that user is gone. When an item is purged follows from `deleted_at` and the
 * retention the server is configured with (TRASH_RETENTION_DAYS), so changing it applies to what is
 * already in the trash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table trash_items (
      id uuid primary key,
      account_id uuid not null references accounts (id) on delete cascade,
      kind text not null check (kind in ('action', 'building', 'location', 'plan', 'property', 'organisation')),
      name text not null,
      -- Where it returns to: an action's plan, a building's, location's or plan's property, a property's organisation.
      parent_id uuid,
      rows jsonb not null,
      detached_action_ids uuid[] not null default '{}',
      storage_keys text[] not null default '{}',
      plan_ids uuid[] not null default '{}',
      change_set_id uuid,
      deleted_by uuid,
      deleted_by_name text not null,
      deleted_at timestamptz not null default now(),
      unique (account_id, id)
    );
    create index trash_items_account_id on trash_items (account_id, deleted_at desc);
    create index trash_items_deleted_at on trash_items (deleted_at);
    create index trash_items_change_set_id on trash_items (change_set_id) where change_set_id is not null;
    -- The orphan attachment sweep asks which of a batch of file keys the trash still names.
    create index trash_items_storage_keys on trash_items using gin (storage_keys);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table trash_items;`.execute(db);
}
