import { sql, type Kysely } from 'kysely';

/**
 * Moving a property or an organisation to another account (server/features/moves/,
 * docs/decisions/0043-moving-between-accounts.md) changes `account_id` on a parent and all its
 * children in one transaction. Every reference between plan-data rows includes `account_id`
 * (docs/decisions/0008-tenancy-in-composite-foreign-keys.md), so neither a parent nor a child can be
 * updated first while the references are checked after each statement. They become deferrable
 * (still checked at once unless a transaction defers them), so the move defers them and the
 * database checks every reference at its commit. Frozen once released.
 */
const compositeReferences: Record<string, string[]> = {
  properties: ['properties_account_id_organisation_id_fkey'],
  buildings: ['buildings_account_id_property_id_fkey'],
  locations: ['locations_account_id_property_id_fkey'],
  plans: ['plans_account_id_property_id_fkey'],
  actions: [
    'actions_account_id_property_id_plan_id_fkey',
    'actions_account_id_property_id_building_id_fkey',
    'actions_account_id_property_id_location_id_fkey',
  ],
  action_completions: ['action_completions_account_id_action_id_fkey'],
  action_comments: ['action_comments_account_id_action_id_fkey'],
  action_attachments: ['action_attachments_account_id_action_id_fkey'],
  plan_changes: ['plan_changes_account_id_change_set_id_fkey'],
};

function alterAll(timing: 'deferrable initially immediate' | 'not deferrable') {
  return sql.join(
    Object.entries(compositeReferences).flatMap(([table, constraints]) =>
      constraints.map((constraint) => sql`alter table ${sql.table(table)} alter constraint ${sql.id(constraint)} ${sql.raw(timing)};`),
    ),
    sql` `,
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`${alterAll('deferrable initially immediate')}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`${alterAll('not deferrable')}`.execute(db);
}
