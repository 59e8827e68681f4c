import { Kysely, PostgresDialect, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import type { ConnectionOptions } from './connection-options.ts';
import { DatabaseConnectionError } from './database-connection-error.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// PostgreSQL bigint (count(*) etc.) arrives as text by default; our counts always fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// NUMERIC arrives as text too. Ours are money (numeric(14, 2): at most 15 significant digits, and
// any decimal of 15 digits survives the round trip through a double), areas and percentages, and
// the cost model computes in double precision anyway (docs/product/cost-model.md § Rounding). A
// value written from a JavaScript number comes back as the same number.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * How long a query may take, so that no request waits for the database without bound
 * (docs/product/operations-promise.md § Fault suite).
 * Getting a connection is bounded separately (5 s: a stopped server, or all ten in use).
 */
export interface QueryTimeouts {
  /** PostgreSQL cancels a statement that runs longer (SQLSTATE 57014); 0: no limit. */
  statementTimeoutMs: number;
  /** node-pg stops waiting for an answer ("Query read timeout"): a frozen or unreachable server; 0: no limit. */
  queryTimeoutMs: number;
}

/**
 * The app's queries take milliseconds (the largest, a plan of 10 000 actions, well under a second),
 * so these only ever end a query that would otherwise hang. The server's limit comes first, so
 * normally PostgreSQL cancels cleanly and the connection stays usable. Migrations run under the
 * same limits: one that needs longer must get a pool of its own with `noQueryTimeouts`.
 */
export const defaultQueryTimeouts: QueryTimeouts = { statementTimeoutMs: 25_000, queryTimeoutMs: 30_000 };
export const noQueryTimeouts: QueryTimeouts = { statementTimeoutMs: 0, queryTimeoutMs: 0 };

export function createDatabase(options: ConnectionOptions, onPoolError: (error: Error) => void, timeouts: QueryTimeouts = defaultQueryTimeouts): Db {
  const pool = new pg.Pool({
    ...options.pool,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(timeouts.statementTimeoutMs > 0 ? { statement_timeout: timeouts.statementTimeoutMs } : {}),
    ...(timeouts.queryTimeoutMs > 0 ? { query_timeout: timeouts.queryTimeoutMs } : {}),
  });
  // A dropped idle connection (database restart) must not crash the process; the pool reconnects.
  pool.on('error', onPoolError);
  // pg-pool listens for errors only while a client is idle. One that dies while checked out but
  // between queries (inside a transaction, or in the moment between checkout and the first query)
  // would emit an unhandled 'error' and kill the process. Its queries fail anyway, and the pool
  // discards it on release because it is no longer queryable; here it only has to be heard.
  pool.on('connect', (client) => {
    client.on('error', onPoolError);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingTimedOutConnections(pool) }) });
}

/**
 * A connection that cannot be opened becomes a DatabaseConnectionError (503, whatever the cause).
 * After node-pg's query timeout the statement may still be running on the server, and the
 * connection would answer nothing else until it ends: the transaction's ROLLBACK would wait a
 * second full timeout (or for ever), and so would the next request given that connection. So
 * once a query on a connection has timed out, its further queries fail at once and it is
 * destroyed when released instead of going back to the pool.
 */
function discardingTimedOutConnections(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect().catch((error: unknown) => {
        throw new DatabaseConnectionError(error);
      });
      let timedOut: Error | undefined;
      function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
      function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
      function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
        if (timedOut) return Promise.reject(timedOut);
        return (client.query(sqlOrCursor, parameters as unknown[]) as unknown as Promise<PostgresQueryResult<R>>).catch((error: unknown) => {
          if (error instanceof Error && error.message === 'Query read timeout') timedOut = error;
          throw error;
        });
      }
      return {
        query,
        release: (destroy?: boolean) => client.release(destroy || timedOut !== undefined),
      };
    },
    end: () => pool.end(),
    // Kysely reads these only with the pool's Client (to cancel a query on a separate connection);
    // without one exposed here it cancels through a pooled connection.
    options: pool.options,
  };
}
