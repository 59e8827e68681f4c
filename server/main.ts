import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { parseConnectionOptions } from './db/connection-options.ts';
import { createDatabase, noQueryTimeouts } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { defaultLoginThrottle } from './auth/login-throttle.ts';
import { sweepExpiredAuthRows } from './auth/sweep-expired-auth-rows.ts';
import { createRedirectServer } from './http/https-redirect.ts';
import type { PlanCaches } from './plan-snapshot/plan-caches.ts';

export interface ServerInputs {
  config: Config;
  databaseUrl: string;
  databaseCaFile: string | undefined;
  sessionSecret: string;
  tls: { certFile: string; keyFile: string };
  /** The built web app to serve; default dist/web. */
  webRoot?: string;
  /** The plan snapshot's caches, for a benchmark that empties them between runs; new ones by default. */
  planCaches?: PlanCaches;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** The ports actually bound (PORT/HTTP_PORT may be 0 in tests: any free port). */
  httpsPort: number;
  httpPort: number;
  close(): Promise<void>;
}

const authSweepIntervalMs = 10 * 60_000;

/**
 * Connects to PostgreSQL (TLS, verified), migrates, and serves HTTPS on PORT plus the plain-HTTP
 * redirect on HTTP_PORT. Prints `Ready: https://host:port` once both listen.
 */
export async function startServer(inputs: ServerInputs): Promise<RunningServer> {
  const { config } = inputs;
  const connection = parseConnectionOptions(inputs.databaseUrl, inputs.databaseCaFile);
  const [key, cert] = await Promise.all([readFile(inputs.tls.keyFile), readFile(inputs.tls.certFile)]);
  const logger = { level: config.logLevel };
  let app: FastifyInstance | undefined;
  const db = createDatabase(connection, (error) => app?.log.warn({ err: { message: error.message } }, 'database connection lost; the pool reconnects'));
  app = await buildApp({
    config,
    db,
    sessionSecret: inputs.sessionSecret,
    https: { key, cert },
    logger,
    webRoot: inputs.webRoot,
    planCaches: inputs.planCaches,
  });
  if (connection.isUnverified) {
    app.log.warn('DATABASE_URL uses sslmode=require: the connection is encrypted but the server certificate is NOT verified.');
  }
  // Migrations may rewrite big tables: they get a connection of their own without the request
  // timeouts of the app's pool.
  const migrationDb = createDatabase(connection, (error) => app?.log.warn({ err: { message: error.message } }, 'migration connection lost'), noQueryTimeouts);
  const applied = await migrateToLatest(migrationDb).finally(() => migrationDb.destroy());
  if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');

  await app.listen({ host: config.host, port: config.port });
  const httpsPort = boundPort(app.server);
  const url = `https://${displayHost(config.host)}:${httpsPort}`;
  // PUBLIC_URL when set; else the configured host with the port actually bound (PORT may be 0).
  const redirectServer = createRedirectServer(config.isPublicUrlSet ? config.publicUrl : new URL(url).origin);
  await new Promise<void>((resolve, reject) => {
    redirectServer.once('error', reject);
    redirectServer.listen(config.httpPort, config.host, resolve);
  });

  // Expired sessions and stale login-failure counts; the app uses the default throttle settings.
  const sweeper = setInterval(() => {
    sweepExpiredAuthRows(db, defaultLoginThrottle).then(
      (deleted) => app?.log.debug({ deleted }, 'expired authentication rows swept'),
      (error: unknown) => app?.log.warn({ err: error }, 'sweep of expired authentication rows failed'),
    );
  }, authSweepIntervalMs);
  sweeper.unref();

  console.log(`Ready: ${url}`);
  return {
    app,
    url,
    httpsPort,
    httpPort: boundPort(redirectServer),
    async close() {
      clearInterval(sweeper);
      await new Promise<void>((resolve) => closeServer(redirectServer, resolve));
      await app.close();
      await db.destroy();
    },
  };
}

/** Loopback and wildcard addresses are shown as localhost, the name the local certificate carries. */
function displayHost(host: string): string {
  return ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
}

function boundPort(server: Server | HttpsServer): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  return address.port;
}

function closeServer(server: Server, done: () => void): void {
  server.close(() => done());
  server.closeAllConnections();
}
