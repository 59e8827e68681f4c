import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ConnectionOptions } from './connection-options.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// PostgreSQL bigint (count(*) etc.) arrives as text by default; our counts always fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function createDatabase(options: ConnectionOptions, onPoolError: (error: Error) => void): Db {
  const pool = new pg.Pool({
    ...options.pool,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection (database restart) must not crash the process; the pool reconnects.
  pool.on('error', onPoolError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
