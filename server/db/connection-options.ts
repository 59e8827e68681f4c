import { readFileSync } from 'node:fs';
import type { PoolConfig } from 'pg';

export interface ConnectionOptions {
  pool: PoolConfig;
  /** True when the operator opted into sslmode=require: encrypted but the server is not verified. */
  isUnverified: boolean;
}

export class DatabaseUrlError extends Error {}

/**
 * Turns DATABASE_URL (+ CA file) into node-pg options. The connection is always TLS and verified
 * (CA and host name, libpq's verify-full) unless the URL explicitly says `sslmode=require`, the
 * opt-in for hosted databases whose certificates cannot be verified (e.g. Heroku Postgres).
 * Anything weaker (disable, allow, prefer) is refused: the promise is TLS to the database.
 */
export function parseConnectionOptions(databaseUrl: string, caFile: string | undefined): ConnectionOptions {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new DatabaseUrlError('DATABASE_URL is not a valid URL (postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseUrlError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const sslMode = url.searchParams.get('sslmode') ?? 'verify-full';
  const rootCertFile = caFile ?? url.searchParams.get('sslrootcert') ?? undefined;
  const base: PoolConfig = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
  };
  switch (sslMode) {
    case 'verify-full':
      return {
        isUnverified: false,
        pool: {
          ...base,
          // Without a CA file Node's bundled public CAs are used (managed databases with public certs).
          ssl: { rejectUnauthorized: true, ...(rootCertFile ? { ca: readFileSync(rootCertFile, 'utf8') } : {}) },
        },
      };
    case 'require':
      return { isUnverified: true, pool: { ...base, ssl: { rejectUnauthorized: false } } };
    default:
      throw new DatabaseUrlError(
        `DATABASE_URL has sslmode=${sslMode}; Kvarter only connects over TLS: use sslmode=verify-full ` +
          '(with DATABASE_CA_FILE for a private CA) or, knowingly, sslmode=require.',
      );
  }
}
