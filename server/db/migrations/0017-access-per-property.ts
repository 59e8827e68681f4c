import { sql, type Kysely } from 'kysely';

/**
 * Access per property (docs/decisions/0041-access-per-property.md): a membership or invitation may
 * be limited to some properties of its account (`property_ids`; null: every property). A trashed
 * item names the property it belongs to (`property_id`; null for an organisation), so a limited
 * member's trash shows only theirs. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table memberships
      add column property_ids uuid[],
      add constraint memberships_admin_not_limited check (role <> 'admin' or property_ids is null);
    alter table invitations
      add column property_ids uuid[],
      add constraint invitations_admin_not_limited check (role <> 'admin' or property_ids is null);
    alter table trash_items add column property_id uuid;
    update trash_items t set property_id = case
        when t.kind = 'property' then t.id
        when t.kind in ('building', 'location', 'plan') then t.parent_id
        when t.kind = 'action' then (select p.property_id from plans p where p.id = t.parent_id)
      end;
    create index trash_items_property_id on trash_items (account_id, property_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table memberships drop constraint memberships_admin_not_limited, drop column property_ids;
    alter table invitations drop constraint invitations_admin_not_limited, drop column property_ids;
    alter table trash_items drop column property_id;
  `.execute(db);
}
