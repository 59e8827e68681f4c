import { sql, type Kysely } from 'kysely';

/**
 * A signed-in person's pending invitations are found by their e-mail address (GET
 * /api/auth/invitations, docs/product/api.md), on every visit to the start page: an index on the
 * address of pending invitations keeps that a lookup instead of a scan of every invitation ever sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index invitations_pending_email on invitations (email) where accepted_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index invitations_pending_email`.execute(db);
}
