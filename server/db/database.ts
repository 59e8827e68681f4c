import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ConnectionOptions } from './connection-options.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// PostgreSQL bigint (count(*) etc.) arrives as text by default; our counts always fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// NUMERIC arrives as text too. Ours are money (numeric(14, 2): at most 15 significant digits, and
// any decimal of 15 digits survives the round trip through a double), areas and percentages, and
// the cost model computes in double precision anyway (SPEC §2). A value written from a JavaScript
// number comes back as the same number.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

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
