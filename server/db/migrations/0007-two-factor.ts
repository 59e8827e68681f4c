import { sql, type Kysely } from 'kysely';

/**
 * Two-step verification (docs/decisions/0028-totp-two-factor.md): one TOTP authenticator per user,
 * its single-use recovery codes, the failed second-factor attempts per user, and an account's
 * requirement that every member has a second factor. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The secret is sealed with AES-256-GCM under a key derived from the session secret. A row
    -- without enabled_at is a set-up in progress; last_time_step is the last accepted TOTP time
    -- step, so a code is accepted once (no replay).
    create table totp_authenticators (
      user_id uuid primary key references users (id) on delete cascade,
      sealed_secret text not null,
      created_at timestamptz not null default now(),
      enabled_at timestamptz,
      last_time_step bigint
    );

    -- Only a SHA-256 of each code is stored: the codes carry 80 random bits, beyond guessing,
    -- so a slow hash would add nothing but a bcrypt call per code at sign-in.
    create table recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      unique (user_id, code_hash)
    );

    -- Wrong second-factor answers per user, so that starting a new sign-in does not reset them.
    create table second_factor_failures (
      user_id uuid primary key references users (id) on delete cascade,
      failure_count integer not null,
      first_failed_at timestamptz not null
    );

    alter table accounts add column require_two_factor boolean not null default false;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts drop column require_two_factor;
    drop table second_factor_failures;
    drop table recovery_codes;
    drop table totp_authenticators;
  `.execute(db);
}
