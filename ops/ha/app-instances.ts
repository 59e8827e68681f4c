import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HaLayout, HaTopology } from './ha-layout.ts';
import { httpsRequest } from './patroni-api.ts';
import { startProcess, waitFor } from './ha-processes.ts';

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * Starts the Kvarter server instances as `npm start` runs the server with DATABASE_URL set
 * (scripts/start.ts, a program rather than an import: ops/ does not import scripts/), each
 * connected through HAProxy with verify-full and sharing the data directory's session secret and
 * certificate. Waits until every instance answers /healthz.
 */
export async function startAppInstances(
  layout: HaLayout,
  topology: HaTopology,
  databaseUrl: string,
  log: (message: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const ca = await readFile(layout.certs.caFile, 'utf8');
  await Promise.all(
    topology.apps.map(async (app, index) => {
      const name = `app${index + 1}`;
      const logFile = path.join(layout.appDir(index), 'server.log');
      const pid = await startProcess({
        name,
        runDir: layout.runDir,
        file: process.execPath,
        args: ['--import', 'tsx', path.join(repositoryRoot, 'scripts', 'start.ts')],
        cwd: repositoryRoot,
        logFile,
        env: {
          ...process.env,
          KVARTER_DATA_DIR: layout.dataDir,
          DATABASE_URL: databaseUrl,
          DATABASE_CA_FILE: layout.certs.caFile,
          HOST: '127.0.0.1',
          PORT: String(app.port),
          HTTP_PORT: String(app.httpPort),
          // Only HAProxy on this machine may say who the client is and that it came over HTTPS.
          TRUST_PROXY: '127.0.0.1',
          // Links in e-mails point at the entry point, not at one instance.
          PUBLIC_URL: process.env.PUBLIC_URL ?? `https://localhost:${topology.entryPort}`,
          // Every other node should be a replica of the leader: the operations page alerts when one is not.
          KVARTER_HA_EXPECTED_REPLICAS: String(topology.nodes.length - 1),
        },
        signal,
      });
      await waitFor(
        `app instance ${name} (pid ${pid}) did not answer /healthz`,
        async () => ((await httpsRequest(app.port, '/healthz', ca, { timeoutMs: 2_000 })).status === 200 ? true : undefined),
        180_000,
        logFile,
        signal,
      );
      log(`App instance ${name} serves on port ${app.port} (pid ${pid}).`);
    }),
  );
}
