import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Sets when the installation's database was set up (the time of its migrations), from which the
 * backup status counts a new installation's first runs as pending (shared/backup-health.ts). Test
 * databases are clones of a template migrated when the test run began, so each starts as a young
 * installation; a test about an established one, or about a young one at a known age, says so.
 */
export async function setInstalledAt(db: Db, at: Date): Promise<void> {
  await sql`update kysely_migration set timestamp = ${at.toISOString()}`.execute(db);
}
