import { sql, type Kysely } from 'kysely';

/**
 * Share links (docs/decisions/0046-share-links.md): a read-only view of one plan for someone without
 * an account, reached by a token of which only the SHA-256 is kept (server/auth/secret-token.ts).
 * The plan reference includes the account (docs/decisions/0008-tenancy-in-composite-foreign-keys.md),
 * and a plan's deletion takes its links with it: a restored plan is not shared again by itself.
 * Revoking deletes the row; the audit log keeps that it was made and revoked. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table share_links (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      plan_id uuid not null,
      token_hash text not null unique,
      label text not null check (length(label) between 1 and 120),
      expires_at timestamptz not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      unique (account_id, id),
      foreign key (account_id, plan_id) references plans (account_id, id) on delete cascade
    );
    create index share_links_plan on share_links (account_id, plan_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table share_links;`.execute(db);
}
