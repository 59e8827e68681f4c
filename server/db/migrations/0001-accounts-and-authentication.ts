import { sql, type Kysely } from 'kysely';

/**
 * Accounts (tenants), users, memberships, invitations, server-side sessions, login throttling,
 * the audit log and the e-mail outbox. Frozen once released: change the schema in a new migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email) and length(email) <= 254),
      name text not null check (length(name) between 1 and 120),
      password_hash text not null,
      created_at timestamptz not null default now(),
      password_changed_at timestamptz not null default now()
    );

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 120),
      created_at timestamptz not null default now()
    );

    create table memberships (
      account_id uuid not null references accounts (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('viewer', 'editor', 'admin')),
      created_at timestamptz not null default now(),
      primary key (account_id, user_id)
    );
    create index memberships_user_id on memberships (user_id);

    -- Only a SHA-256 of the token is stored: the link in the e-mail is the secret.
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      email text not null check (email = lower(email)),
      role text not null check (role in ('viewer', 'editor', 'admin')),
      token_hash text not null unique,
      invited_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz
    );
    create index invitations_account_id on invitations (account_id);

    -- Server-side sessions (@fastify/session store): revocable by deleting rows.
    create table sessions (
      id text primary key,
      user_id uuid references users (id) on delete cascade,
      data jsonb not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index sessions_user_id on sessions (user_id);
    create index sessions_expires_at on sessions (expires_at);

    -- Failed sign-ins per e-mail address, whether or not a user has it, so that throttling
    -- behaves the same for unknown addresses and does not reveal which ones exist.
    create table login_failures (
      email text primary key,
      failure_count integer not null,
      first_failure_at timestamptz not null,
      locked_until timestamptz
    );

    create table audit_events (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      event text not null,
      user_id uuid,
      account_id uuid,
      ip text,
      details jsonb not null default '{}'
    );
    create index audit_events_account_id on audit_events (account_id, occurred_at);
    create index audit_events_user_id on audit_events (user_id, occurred_at);

    create table outbox_emails (
      id uuid primary key default gen_random_uuid(),
      recipient text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      last_error text
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table outbox_emails, audit_events, login_failures, sessions, invitations, memberships,
      accounts, users;
  `.execute(db);
}
