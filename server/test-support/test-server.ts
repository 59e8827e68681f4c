import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { inject } from 'vitest';
import { startAppServer, type RunningServer } from './app-server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestServer {
  server: RunningServer;
  database: TestDatabase;
  baseUrl: string;
  caCertificate: string;
  close(): Promise<void>;
}

/**
 * The real HTTPS server (PORT 0: any free port) with the test cluster's certificate, serving the
 * built web app (dist/web, or KVARTER_TEST_WEB_ROOT: a build of one's own while dist/web is being
 * rebuilt by someone else) when there is one, on its own fresh database. `hasExactPublicUrl`
 * picks the port first, so the server's PUBLIC_URL is its real address (WebAuthn checks the origin);
 * `environment` adds configuration variables.
 */
export async function startTestServer(options: { hasExactPublicUrl?: boolean; environment?: Record<string, string> } = {}): Promise<TestServer> {
  const cluster = inject('testCluster');
  const tlsDir = path.join(cluster.dataDir, 'tls');
  const database = await createTestDatabase();
  const server = await startAppServer({
    databaseUrl: database.url,
    databaseCaFile: database.caFile,
    dataDir: cluster.dataDir,
    webRoot: process.env.KVARTER_TEST_WEB_ROOT,
    environment: options.environment,
    ...(options.hasExactPublicUrl ? { port: await pickFreePort() } : {}),
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

/** A port the OS hands out as free (from its random ephemeral range), released for the server to bind. */
async function pickFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
