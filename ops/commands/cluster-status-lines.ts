import type { ClusterStatus } from '../../shared/schemas/operations.ts';

/**
 * The replicated cluster's lines of `ops status` (decision 0052), after the archiver: the leader,
 * then one line per replica the leader sees. Nothing under `npm start` (no cluster).
 */
export function formatClusterLines(cluster: ClusterStatus | null): string[] {
  if (!cluster) return [];
  return [
    `Cluster: leader ${cluster.leader.name}, ${cluster.replicas.length} of ${cluster.expectedReplicas} replicas connected`,
    ...cluster.replicas.map(
      (replica) =>
        `Replica ${replica.name}: ${replica.state}, ${replica.synchronous ? 'synchronous' : 'asynchronous'}, lag ${replica.lagBytes === null ? 'unknown' : `${replica.lagBytes} bytes`}`,
    ),
  ];
}
