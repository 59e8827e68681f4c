import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';

/** pg-boss 12 migrates its schema from version 25 (pg-boss 11) on; pg-boss 10 left version 24. */
const oldestMigratableVersion = 25;

/**
 * Drops a pg-boss schema too old for pg-boss to migrate (its start() would fail), so that it can
 * install a new one. Nothing in it is lost that Kvarter needs: the queues and schedules are
 * registered at every start, every run is recorded in backup_runs, and the first backups are
 * queued again from there. Only the alert state goes, so a check that is still failing alerts once
 * more, as after a long downtime. Serialised by an advisory lock, so that of several instances
 * starting at once only the first drops the old schema and none drops the new one.
 */
export async function dropUnmigratableSchedulerSchema(db: Db, schema: string): Promise<boolean> {
  return db.transaction().execute(async (transaction) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`kvarter:drop-unmigratable:${schema}`}))`.execute(transaction);
    const { rows: tables } = await sql<{ name: string | null }>`select to_regclass(${`${schema}.version`})::text as name`.execute(transaction);
    if (!tables[0]?.name) return false;
    const { rows } = await sql<{ version: number }>`select version from ${sql.id(schema, 'version')}`.execute(transaction);
    const version = rows[0]?.version;
    if (version === undefined || version >= oldestMigratableVersion) return false;
    await sql`drop schema ${sql.id(schema)} cascade`.execute(transaction);
    return true;
  });
}
