import path from 'node:path';
import pg from 'pg';
import { parseConnectionOptions } from '../server/db/connection-options.ts';
import { recordRun } from './backup-runs.ts';
import { OpsError, type OpsContext } from './ops-context.ts';
import { removeRestoredCluster, restoreToPointInTime } from './point-in-time-restore.ts';

/**
 * The daily proof that backups restore: the newest state goes into a scratch cluster, which must
 * start, have every migration the live database has, and answer a count on every table.
 */
export async function runRestoreDrill(context: OpsContext, trigger: 'schedule' | 'manual') {
  return recordRun(context, 'drill', trigger, async () => {
    const startedAt = Date.now();
    const into = path.join(context.config.dataDir, 'drills', `drill-${new Date().toISOString().replace(/[:.]/g, '')}`);
    try {
      const restored = await restoreToPointInTime(context, { to: 'latest', into });
      const restoredAt = Date.now();
      const tables = await countRows(restored.databaseUrl, restored.caFile);
      const liveMigrations = await countRows(context.databaseUrl, context.databaseCaFile, ['kysely_migration']);
      if (tables.kysely_migration !== liveMigrations.kysely_migration) {
        throw new OpsError(`The restored database has ${tables.kysely_migration} migrations, the live one ${liveMigrations.kysely_migration}.`);
      }
      return {
        message: `restored and checked ${Object.keys(tables).length} tables in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
        details: { restoreMs: restoredAt - startedAt, totalMs: Date.now() - startedAt, rowCounts: tables },
      };
    } finally {
      await removeRestoredCluster(context, into);
    }
  });
}

/** Row counts of the given tables, or of every table in the public schema. */
export async function countRows(databaseUrl: string, caFile: string | undefined, only?: string[]): Promise<Record<string, number>> {
  const client = new pg.Client(parseConnectionOptions(databaseUrl, caFile).pool);
  await client.connect();
  try {
    const tables =
      only ??
      (await client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by tablename")).rows.map(
        (row) => row.name,
      );
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const result = await client.query<{ count: string }>(`select count(*) as count from ${client.escapeIdentifier(table)}`);
      counts[table] = Number(result.rows[0]?.count ?? 0);
    }
    return counts;
  } finally {
    await client.end();
  }
}
