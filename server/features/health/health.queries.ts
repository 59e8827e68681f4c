import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The smallest round trip through the app's own pool: a connection, TLS and all, and an answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
