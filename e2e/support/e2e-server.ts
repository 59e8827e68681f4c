import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/main.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test-support/test-database.ts';

export interface E2eServer {
  server: RunningServer;
  database: TestDatabase;
  baseUrl: string;
  caCertificate: string;
  close(): Promise<void>;
}

/** The real HTTPS server, serving the built web app (dist/web), on its own fresh database. */
export async function startE2eServer(): Promise<E2eServer> {
  const cluster = inject('testCluster');
  const tlsDir = path.join(cluster.dataDir, 'tls');
  const database = await createTestDatabase();
  const server = await startServer({
    config: loadConfig({ PORT: '0', HTTP_PORT: '0', KVARTER_DATA_DIR: cluster.dataDir, LOG_LEVEL: 'warn' }),
    databaseUrl: database.url,
    databaseCaFile: database.caFile,
    sessionSecret: 'e2e-session-secret-long-enough-for-the-plugin-0001',
    tls: { certFile: path.join(tlsDir, 'server.crt'), keyFile: path.join(tlsDir, 'server.key') },
  });
  return {
    server,
    database,
    baseUrl: `https://localhost:${server.httpsPort}`,
    caCertificate: readFileSync(path.join(tlsDir, 'ca.crt'), 'utf8'),
    async close() {
      await server.close();
      await database.drop();
    },
  };
}
