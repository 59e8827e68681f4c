import type { Config } from '../server/config.ts';
import { parseConnectionOptions } from '../server/db/connection-options.ts';
import { createDatabase, type Db } from '../server/db/database.ts';
import { clusterOwner, type ClusterOwner } from './cluster-owner.ts';
import { describeHaCluster } from './ha/ha-backups.ts';
import { describeLocalCluster, type LocalClusterLayout } from './local-cluster.ts';
import { ensureSecret } from './local-secrets.ts';

/**
 * Everything an ops command needs, made once per command (CLI) or once per process (scheduler).
 * The database connection is opened on first use, so commands that do not need it (restore into
 * a new directory while the live cluster is down) still work.
 */
export interface OpsContext {
  config: Config;
  log: (message: string) => void;
  owner: ClusterOwner;
  /**
   * The managed cluster, or the HA cluster of `ops ha up`; undefined with any other DATABASE_URL
   * (physical backups are then the provider's).
   */
  cluster: LocalClusterLayout | undefined;
  databaseUrl: string;
  databaseCaFile: string | undefined;
  /** Passphrase of the pgBackRest repository and the dumps: BACKUP_ENCRYPTION_PASSPHRASE or generated. */
  backupPassphrase(): Promise<string>;
  db(): Db;
  close(): Promise<void>;
}

export class OpsError extends Error {
  constructor(
    message: string,
    /** Process exit code for the CLI. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'OpsError';
  }
}

export async function createOpsContext(config: Config, log: (message: string) => void): Promise<OpsContext> {
  // `ops ha up` makes the HA cluster this installation's database (docs/decisions/0051-backups-in-high-availability.md).
  const cluster =
    (await describeHaCluster(config.dataDir, config.databaseUrl)) ?? (config.databaseUrl ? undefined : await describeLocalCluster(config.dataDir));
  const databaseUrl = config.databaseUrl ?? cluster?.databaseUrl;
  if (!databaseUrl) {
    throw new OpsError(
      `No database: the managed cluster in ${config.dataDir}/postgres has not been created yet (run npm start once) and DATABASE_URL is not set.`,
    );
  }
  const owner = await clusterOwner();
  let db: Db | undefined;
  return {
    config,
    log,
    owner,
    cluster,
    databaseUrl,
    databaseCaFile: config.databaseCaFile ?? cluster?.caFile,
    backupPassphrase: async () => config.backup.encryptionPassphrase ?? (await ensureSecret(config.dataDir, 'backup-passphrase', 48)),
    db() {
      db ??= createDatabase(parseConnectionOptions(databaseUrl, config.databaseCaFile ?? cluster?.caFile), (error) =>
        log(`database connection lost: ${error.message}`),
      );
      return db;
    },
    async close() {
      await db?.destroy();
    },
  };
}
