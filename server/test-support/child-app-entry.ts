/**
 * The HTTPS server alone, configured from the environment like `npm start` (DATABASE_URL and
 * KVARTER_DATA_DIR required; the data directory's local certificate unless TLS_CERT_FILE is set),
 * but without the managed cluster and the backup scheduler: the `server` entry of child-app.ts,
 * for measurements that backup jobs would disturb. Stops cleanly on SIGTERM/SIGINT.
 */
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from '../main.ts';

const config = loadConfig();
if (!config.databaseUrl || !config.sessionSecret) {
  console.error('child-app-entry needs DATABASE_URL and SESSION_SECRET');
  process.exit(2);
}
const tlsDir = path.join(config.dataDir, 'tls');
let server: RunningServer | undefined;
const stop = () => {
  void (server?.close() ?? Promise.resolve()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server = await startServer({
  config,
  databaseUrl: config.databaseUrl,
  databaseCaFile: config.databaseCaFile,
  sessionSecret: config.sessionSecret,
  tls: {
    certFile: config.tlsCertFile ?? path.join(tlsDir, 'server.crt'),
    keyFile: config.tlsKeyFile ?? path.join(tlsDir, 'server.key'),
  },
});
// As in scripts/start.ts: a failure deep inside a library is logged, not fatal.
process.on('unhandledRejection', (reason) => server?.app.log.error({ err: reason }, 'unhandled promise rejection'));
