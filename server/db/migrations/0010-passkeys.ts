import { sql, type Kysely } from 'kysely';

/**
 * Passkeys (WebAuthn credentials, docs/decisions/0031-passkeys.md): several per user, each named
 * by its owner, usable as the second step of a sign-in and for signing in without a password.
 * Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- credential_id is the authenticator's id (base64url), unique across the installation so a
    -- sign-in without a user finds its owner; public_key is the COSE key the authenticator gave.
    -- sign_count is the authenticator's signature counter (0 for those that keep none), raised
    -- with each sign-in so that a cloned authenticator shows up as a counter going backwards.
    create table passkeys (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      credential_id text not null unique,
      public_key bytea not null,
      sign_count bigint not null default 0,
      transports text[] not null default '{}',
      name text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz
    );
    create index passkeys_user_id_idx on passkeys (user_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table passkeys;`.execute(db);
}
