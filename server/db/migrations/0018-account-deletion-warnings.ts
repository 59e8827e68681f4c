import { sql, type Kysely } from 'kysely';

/**
 * The account-lifecycle job's record of the deletion warnings it sent for a customer account
 * (docs/decisions/0042-account-lifecycle.md): the deletion date they announced and the nearest one
 * sent (30 or 7 days before). A warning counts only for the date it named, so reactivating the
 * customer, extending its trial or changing INACTIVE_ACCOUNT_RETENTION_DAYS (a new date) lets the
 * next warnings go out again. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts
      add column deletion_warned_for timestamptz,
      add column deletion_warned_days_before integer check (deletion_warned_days_before in (30, 7)),
      add check ((deletion_warned_for is null) = (deletion_warned_days_before is null));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table accounts drop column deletion_warned_for, drop column deletion_warned_days_before;`.execute(db);
}
