import { sql, type Kysely } from 'kysely';

/**
 * Customer accounts of a property manager (docs/decisions/0040-customer-accounts.md): an account
 * may have a manager account, whose members act in it with the role they have in the manager
 * account; a customer is on trial until `trial_ends_at`, active, or inactive since
 * `inactive_since` (when its own members are refused its data and the lifecycle job's clock for
 * deleting it starts). Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts
      add column manager_account_id uuid references accounts (id) on delete set null,
      add column status text not null default 'active' check (status in ('trial', 'active', 'inactive')),
      add column trial_ends_at timestamptz,
      add column inactive_since timestamptz,
      add check (manager_account_id is distinct from id),
      add check ((status = 'trial') = (trial_ends_at is not null)),
      add check ((status = 'inactive') = (inactive_since is not null));
    create index accounts_manager_account_id on accounts (manager_account_id) where manager_account_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts drop column manager_account_id, drop column status, drop column trial_ends_at, drop column inactive_since;
  `.execute(db);
}
