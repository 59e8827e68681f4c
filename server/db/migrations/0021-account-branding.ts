import { sql, type Kysely } from 'kysely';

/**
 * An account's own branding (docs/decisions/0047-account-branding.md): the name and colour its
 * readers see, and its logo, kept here as bytes (at most 500 kB, PNG or JPEG) so it is written in
 * the same transaction as the rest and is in every backup. No row: the account inherits its
 * manager's, else the default. The hash versions the logo's url. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table account_branding (
      account_id uuid primary key references accounts (id) on delete cascade,
      display_name text not null check (length(display_name) between 1 and 100),
      colour text not null check (colour ~ '^#[0-9A-F]{6}$'),
      logo bytea check (octet_length(logo) <= 500000),
      logo_content_type text check (logo_content_type in ('image/png', 'image/jpeg')),
      logo_sha256 text check (logo_sha256 ~ '^[0-9a-f]{64}$'),
      updated_at timestamptz not null default now(),
      updated_by uuid references users (id) on delete set null,
      check ((logo is null) = (logo_content_type is null) and (logo is null) = (logo_sha256 is null))
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table account_branding;`.execute(db);
}
