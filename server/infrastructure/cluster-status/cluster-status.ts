import type { ClusterStatus } from '../../../shared/schemas/operations.ts';
import type { Db } from '../../db/database.ts';
import { findLeaderName, listReplicationRows } from './cluster-status.queries.ts';

/**
 * The replicated cluster as seen from PostgreSQL itself (decision 0052): the leader's
 * pg_stat_replication, compared with the replica count the configuration expects.
 */
export async function readClusterStatus(db: Db, expectedReplicas: number): Promise<ClusterStatus> {
  const [leaderName, rows] = await Promise.all([findLeaderName(db), listReplicationRows(db)]);
  return {
    leader: { name: leaderName },
    expectedReplicas,
    replicas: rows.map((row) => ({
      name: row.name,
      address: row.address,
      state: row.state,
      // `quorum` is synchronous too (synchronous_standby_names with ANY).
      synchronous: row.sync_state === 'sync' || row.sync_state === 'quorum',
      lagBytes: row.lag_bytes === null ? null : Math.max(0, Math.round(row.lag_bytes)),
    })),
  };
}
