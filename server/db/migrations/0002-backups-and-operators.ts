import { sql, type Kysely } from 'kysely';

/**
 * Installation operators (who see backup status), the record of every backup job run, and the
 * latest view of the pgBackRest repository that ops writes and the operations page reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users add column is_operator boolean not null default false;

    create table backup_runs (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('full', 'diff', 'incr', 'dump', 'expire-dumps', 'check', 'verify', 'drill', 'restore', 'restore-dump')),
      trigger text not null check (trigger in ('schedule', 'manual')),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      outcome text not null default 'running' check (outcome in ('running', 'succeeded', 'failed')),
      size_bytes bigint,
      message text,
      details jsonb not null default '{}'
    );
    create index backup_runs_kind_started_at on backup_runs (kind, started_at desc);

    -- One row: what pgBackRest reported last (the recovery window and the backups it holds).
    create table backup_repository_state (
      id boolean primary key default true check (id),
      observed_at timestamptz not null,
      repository_type text not null check (repository_type in ('posix', 's3')),
      oldest_recovery_point timestamptz,
      newest_recovery_point timestamptz,
      backups jsonb not null default '[]'
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table backup_repository_state, backup_runs;
    alter table users drop column is_operator;
  `.execute(db);
}
