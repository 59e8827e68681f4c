import { sql, type Kysely } from 'kysely';

/**
 * Password reset, sign-in failures counted per client as well as per address, and what the
 * sessions list shows (docs/decisions/0029-sign-in-failures-per-client-and-address.md). Frozen once
 * released: change the schema in a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One row per reset link; only a SHA-256 of the token is stored: the link in the e-mail is the secret.
    create table password_reset_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index password_reset_tokens_user_id on password_reset_tokens (user_id);
    create index password_reset_tokens_expires_at on password_reset_tokens (expires_at);

    -- Every reset request, for known and unknown addresses alike: the per-address and per-client
    -- limits count these rows, so the throttle behaves the same whether or not a user has the address.
    create table password_reset_requests (
      id bigint generated always as identity primary key,
      email text not null,
      client_ip text not null,
      requested_at timestamptz not null default now()
    );
    create index password_reset_requests_email on password_reset_requests (email, requested_at);
    create index password_reset_requests_client_ip on password_reset_requests (client_ip, requested_at);
    create index password_reset_requests_requested_at on password_reset_requests (requested_at);

    -- Failures are counted per (address, client IP), and once per address across all clients
    -- (client_ip ''), which only ever delays. Existing rows become the account-wide counts.
    alter table login_failures add column client_ip text not null default '';
    alter table login_failures drop constraint login_failures_pkey;
    alter table login_failures add primary key (email, client_ip);

    -- The sessions list: an id that can be shown and sent back (never the secret cookie id), the
    -- browser's User-Agent (at most 400 characters) and the last recorded activity.
    alter table sessions
      add column public_id uuid not null unique default gen_random_uuid(),
      add column user_agent text check (length(user_agent) <= 400),
      add column last_seen_at timestamptz;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sessions drop column public_id, drop column user_agent, drop column last_seen_at;
    delete from login_failures where client_ip <> '';
    alter table login_failures drop constraint login_failures_pkey;
    alter table login_failures drop column client_ip;
    alter table login_failures add primary key (email);
    drop table password_reset_requests, password_reset_tokens;
  `.execute(db);
}
