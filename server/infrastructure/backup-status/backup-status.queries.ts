import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BackupRunKind } from '../../db/schema.ts';

export interface LatestRunRow {
  kind: BackupRunKind;
  started_at: Date;
  finished_at: Date | null;
  outcome: 'running' | 'succeeded' | 'failed';
  size_bytes: number | null;
  message: string | null;
  /** The newest finished run of the kind (by start): its end and outcome. */
  last_finished_at: Date | null;
  last_finished_outcome: 'succeeded' | 'failed' | null;
  /** End of the newest successful run of the kind. */
  last_succeeded_at: Date | null;
}

/**
 * The newest run of each kind (a running one included) with, beside it, the newest finished and
 * the newest successful run of that kind. Each lookup walks backup_runs_kind_started_at.
 */
export async function listLatestRunsByKind(db: Db, kinds: readonly BackupRunKind[]): Promise<LatestRunRow[]> {
  if (kinds.length === 0) return [];
  return db
    .selectFrom('backup_runs as run')
    .distinctOn('run.kind')
    .select(['run.kind', 'run.started_at', 'run.finished_at', 'run.outcome', 'run.size_bytes', 'run.message'])
    .select((eb) => {
      const sameKind = () =>
        eb.selectFrom('backup_runs as other').whereRef('other.kind', '=', 'run.kind').orderBy('other.started_at', 'desc').orderBy('other.id', 'desc').limit(1);
      // A finished run without an end time (written by hand) counts as ending when it started.
      const endOf = sql<Date>`coalesce(other.finished_at, other.started_at)`.as('ended_at');
      return [
        sameKind().select(endOf).where('other.outcome', '<>', 'running').as('last_finished_at'),
        sameKind()
          .select(sql<'succeeded' | 'failed'>`other.outcome`.as('outcome'))
          .where('other.outcome', '<>', 'running')
          .as('last_finished_outcome'),
        sameKind().select(endOf).where('other.outcome', '=', 'succeeded').as('last_succeeded_at'),
      ];
    })
    .where('run.kind', 'in', kinds)
    .orderBy('run.kind')
    .orderBy('run.started_at', 'desc')
    .orderBy('run.id', 'desc')
    .execute();
}

/** When the first backup run of the installation started (any kind): the installation's age. */
export async function findFirstRunStartedAt(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('backup_runs')
    .select((eb) => eb.fn.min('started_at').as('first_started_at'))
    .executeTakeFirst();
  return row?.first_started_at ?? null;
}

/**
 * When the installation's database was set up: the time of its first migration, which Kysely
 * records in its bookkeeping table as an ISO-8601 string (a restored database keeps its own).
 */
export async function findInstalledAt(db: Db): Promise<Date | null> {
  const result = await sql<{ installed_at: string | null }>`select min(timestamp) as installed_at from kysely_migration`.execute(db);
  const value = result.rows[0]?.installed_at;
  return value ? new Date(value) : null;
}

/** What ops last recorded about the pgBackRest repository (one row), if anything. */
export async function findRepositoryState(db: Db) {
  return db
    .selectFrom('backup_repository_state')
    .select(['observed_at', 'repository_type', 'oldest_recovery_point', 'newest_recovery_point'])
    .executeTakeFirst();
}

export interface ArchiverRow {
  archived_count: number;
  last_archived_wal: string | null;
  last_archived_time: Date | null;
  failed_count: number;
  last_failed_wal: string | null;
  last_failed_time: Date | null;
  /** Null while the server is in recovery (the WAL position functions refuse then). */
  current_wal_file: string | null;
}

/**
 * PostgreSQL's WAL archiver statistics and the WAL file holding the newest WAL written. Both are
 * readable by any role (pg_stat_archiver and the WAL position functions need no privilege).
 */
export async function findArchiverState(db: Db): Promise<ArchiverRow | undefined> {
  const result = await sql<ArchiverRow>`
    select archived_count, last_archived_wal, last_archived_time, failed_count, last_failed_wal, last_failed_time,
           case when pg_is_in_recovery() then null else pg_walfile_name(pg_current_wal_lsn()) end as current_wal_file
    from pg_stat_archiver
  `.execute(db);
  return result.rows[0];
}
