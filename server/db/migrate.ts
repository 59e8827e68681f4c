import { Migrator, type MigrationResultSet } from 'kysely/migration';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';
import { syncBuiltinLibrary } from '../features/library/sync-builtin-library.ts';

/**
 * Brings the database to the newest migration (each in its own transaction) and the built-in
 * library to the data files in the repository, which change with the code as migrations do.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((item) => item.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  await syncBuiltinLibrary(db);
  return (result.results ?? []).map((item) => item.migrationName);
}
