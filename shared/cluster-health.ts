import { combineStates } from './backup-health.ts';
import type { BackupCheck, BackupCheckCode, BackupCheckState, ClusterStatus, ReplicaStatus } from './schemas/operations.ts';

/**
 * Replay lag beyond which a replica counts as lagging: one WAL segment (16 MiB). A replica that
 * keeps up replays within a segment even under a bulk import on this kind of machine; one a whole
 * segment behind is not keeping up (a slow disk, a saturated link) and would make a failover to it
 * wait for that replay. Patroni refuses to promote a replica more than
 * maximum_lag_on_failover (1 MiB, ops/ha/patroni-config.ts) behind, so the synchronous replica is
 * the one a failover relies on, and the synchronous_replica check guards that.
 */
export const REPLICA_LAG_LIMIT_BYTES = 16 * 1024 * 1024;

/** The checks of a replicated cluster, in their order among backupCheckCodes. */
export const clusterCheckCodes: readonly BackupCheckCode[] = ['replicas_present', 'replicas_not_lagging', 'synchronous_replica'];

/** Not streaming, or more than REPLICA_LAG_LIMIT_BYTES behind (or not yet measurable): what fails replicas_not_lagging. */
export function isReplicaLagging(replica: ReplicaStatus): boolean {
  return replica.state !== 'streaming' || replica.lagBytes === null || replica.lagBytes > REPLICA_LAG_LIMIT_BYTES;
}

/**
 * The alerting rules for a replicated cluster (decision 0052), as a pure function beside
 * evaluateBackupHealth so that the operations page, GET /api/ops/status and `ops status` agree:
 * - replicas_present: as many replicas connected to the leader as configured;
 * - replicas_not_lagging: every connected replica is streaming and at most REPLICA_LAG_LIMIT_BYTES behind;
 * - synchronous_replica: a replica is synchronous, so an acknowledged write survives the leader's loss.
 * Nothing here is pending: a cluster is judged as it is now.
 */
export function evaluateClusterHealth(cluster: ClusterStatus, now: Date): { overall: BackupCheckState; checks: BackupCheck[] } {
  const { replicas } = cluster;
  const checks = [
    check('replicas_present', replicas.length >= cluster.expectedReplicas, now),
    check('replicas_not_lagging', !replicas.some(isReplicaLagging), now),
    check(
      'synchronous_replica',
      replicas.some((replica) => replica.synchronous),
      now,
    ),
  ];
  return { overall: combineStates(checks.map((item) => item.state)), checks };
}

function check(code: BackupCheckCode, isOk: boolean, now: Date): BackupCheck {
  return { code, state: isOk ? 'ok' : 'failing', ok: isOk, observedAt: now.toISOString() };
}
