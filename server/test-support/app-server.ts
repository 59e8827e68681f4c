import path from 'node:path';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from '../main.ts';

export type { RunningServer };

export interface AppServerOptions {
  /** App role URL (verify-full) of the database to serve, e.g. a managed cluster's or a restored copy's. */
  databaseUrl: string;
  databaseCaFile: string;
  /** A Kvarter data directory whose `tls/server.crt` and `tls/server.key` the server presents. */
  dataDir: string;
  /** The built web app to serve; default dist/web. */
  webRoot?: string;
  /**
   * A port chosen beforehand instead of any free one, so that the default PUBLIC_URL
   * (`https://localhost:<PORT>`) is the address the browser opens: passkeys are bound to it.
   */
  port?: number;
  /** Further configuration variables, e.g. KVARTER_HA_EXPECTED_REPLICAS. */
  environment?: Record<string, string>;
}

/**
 * The real HTTPS server (`startServer`, as `npm start` runs it) on any free port, against a given
 * database rather than a fresh test database: for tests that run the app on their own cluster
 * (point-in-time restore) or on a restored copy. Migrates the database like production does.
 * Trusts a loopback proxy so that TestClient's injected requests count as HTTPS.
 */
export function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  const tlsDir = path.join(options.dataDir, 'tls');
  return startServer({
    config: loadConfig({
      PORT: String(options.port ?? 0),
      HTTP_PORT: '0',
      KVARTER_DATA_DIR: options.dataDir,
      TRUST_PROXY: 'loopback',
      // The lowest cost the configuration allows: these tests sign up and in many times.
      BCRYPT_COST: '10',
      LOG_LEVEL: 'silent',
      ...options.environment,
    }),
    databaseUrl: options.databaseUrl,
    databaseCaFile: options.databaseCaFile,
    sessionSecret: 'durability-test-session-secret-long-enough-0001',
    tls: { certFile: path.join(tlsDir, 'server.crt'), keyFile: path.join(tlsDir, 'server.key') },
    webRoot: options.webRoot,
  });
}
