import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ensureLocalCluster, type LocalCluster } from '../ops/local-cluster.ts';
import { ensureLocalTls } from '../ops/local-tls.ts';
import { loadConfig } from '../server/config.ts';
import { parseConnectionOptions } from '../server/db/connection-options.ts';
import { createDatabase, type Db } from '../server/db/database.ts';
import { startServer, type RunningServer } from '../server/main.ts';
import { createPlanCaches, type PlanCaches } from '../server/plan-snapshot/plan-caches.ts';
import { freePort, repoRoot, type Target } from './support.ts';

export interface StartedBenchServer {
  server: RunningServer;
  /** A pool of the benchmark's own on the same database, for seeding and in-process steps. */
  db: Db;
  /** The server's plan snapshot caches, for benchmarks that empty them between runs. */
  planCaches: PlanCaches;
  target: Target;
}

/**
 * The real HTTPS server (`startServer`, as `npm start` runs it) in this process, on its own
 * TLS-only cluster under `dataDir` and a fresh database `databaseName` (dropped again by `stop`).
 * `stop` undoes whatever `start` got to, in reverse order, and may be called more than once (the
 * interrupt handler and the normal end both call it).
 */
export function benchServer(options: { dataDir: string; databaseName: string; say: (text: string) => void }) {
  const { dataDir, databaseName, say } = options;
  let cluster: LocalCluster | undefined;
  let server: RunningServer | undefined;
  let db: Db | undefined;
  let stopping: Promise<void> | undefined;

  async function start(): Promise<StartedBenchServer> {
    say(`Cluster in ${path.relative(repoRoot, dataDir)}…`);
    const startedCluster = await ensureLocalCluster({ dataDir, log: (text) => say(`  ${text}`) });
    cluster = startedCluster;
    await withAdmin(startedCluster, async (client) => {
      await client.query(`drop database if exists ${databaseName} with (force)`);
      await client.query(`create database ${databaseName} owner kvarter`);
    });
    const databaseUrl = withDatabase(startedCluster.databaseUrl, databaseName);
    const tls = await ensureLocalTls(dataDir);
    const [port, httpPort] = [await freePort(), await freePort()];
    const config = loadConfig({ KVARTER_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), HTTP_PORT: String(httpPort), LOG_LEVEL: 'warn' });
    // startServer prints "Ready:" on stdout, which carries only the report here.
    const consoleLog = console.log;
    console.log = (...parts: unknown[]) => say(parts.map(String).join(' '));
    let startedServer: RunningServer;
    const planCaches = createPlanCaches();
    try {
      startedServer = await startServer({
        config,
        databaseUrl,
        databaseCaFile: startedCluster.caFile,
        sessionSecret: randomBytes(32).toString('hex'),
        tls,
        planCaches,
      });
    } finally {
      console.log = consoleLog;
    }
    server = startedServer;
    const startedDb = createDatabase(parseConnectionOptions(databaseUrl, startedCluster.caFile), () => undefined);
    db = startedDb;
    return { server: startedServer, db: startedDb, planCaches, target: { port: startedServer.httpsPort, ca: await readFile(tls.caFile, 'utf8') } };
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      await server?.close().catch((error: unknown) => say(`closing the server: ${String(error)}`));
      await db?.destroy().catch(() => undefined);
      if (cluster) {
        await withAdmin(cluster, (client) => client.query(`drop database if exists ${databaseName} with (force)`)).catch((error: unknown) =>
          say(`dropping the database: ${String(error)}`),
        );
        await cluster.stop().catch((error: unknown) => say(`stopping PostgreSQL: ${String(error)}`));
      }
    })();
    return stopping;
  }

  return { start, stop };
}

async function withAdmin<T>(target: LocalCluster, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(parseConnectionOptions(target.adminUrl, target.caFile).pool);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
