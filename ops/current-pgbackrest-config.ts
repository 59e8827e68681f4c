import { leaderPgBackRestConfig } from './ha/ha-backups.ts';
import type { OpsContext } from './ops-context.ts';
import { pgBackRestPaths } from './pgbackrest-config.ts';

/**
 * The pgbackrest.conf a backup, check or restore runs with: the managed cluster's, or in HA the
 * leading node's, looked up through Patroni each time because a failover moves it.
 */
export async function currentPgBackRestConfig(context: OpsContext): Promise<string> {
  const ha = context.cluster?.ha;
  return ha ? leaderPgBackRestConfig(ha.layout, ha.topology) : pgBackRestPaths(context.config.dataDir).configFile;
}
