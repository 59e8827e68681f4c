/**
 * `npm start` after the shell wrapper has installed what is missing: the managed PostgreSQL
 * cluster (unless DATABASE_URL is set), local TLS material and secrets, then the HTTPS server.
 * Ctrl-C / SIGTERM stop the server first and then the cluster this process started.
 */
import { ensureLocalCluster } from '../ops/local-cluster.ts';
import { ensureSecret } from '../ops/local-secrets.ts';
import { ensureLocalTls } from '../ops/local-tls.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { startServer } from '../server/main.ts';

const log = (message: string) => console.log(message);

async function main(): Promise<void> {
  const config = loadConfig();
  const cluster = config.databaseUrl ? undefined : await ensureLocalCluster({ dataDir: config.dataDir, log });
  const localTls = config.tlsCertFile ? undefined : await ensureLocalTls(config.dataDir);
  let stopping = false;
  const server = await startServer({
    config,
    databaseUrl: config.databaseUrl ?? cluster!.databaseUrl,
    databaseCaFile: config.databaseCaFile ?? cluster?.caFile,
    sessionSecret: config.sessionSecret ?? (await ensureSecret(config.dataDir, 'session-secret', 48)),
    tls: localTls ?? { certFile: config.tlsCertFile!, keyFile: config.tlsKeyFile! },
  }).catch(async (error: unknown) => {
    await cluster?.stop();
    throw error;
  });
  if (localTls) log(`Local certificate authority: ${localTls.caFile} (trust it to avoid browser warnings)`);

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping.`);
    await server.close();
    await cluster?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
