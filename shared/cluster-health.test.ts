import { describe, expect, it } from 'vitest';
import { evaluateClusterHealth, REPLICA_LAG_LIMIT_BYTES } from './cluster-health.ts';
import type { ClusterStatus, ReplicaStatus } from './schemas/operations.ts';

const now = new Date('2026-12-07T12:00:00.000Z');
const observedAt = now.toISOString();

function replica(name: string, changes: Partial<ReplicaStatus> = {}): ReplicaStatus {
  return { name, address: '127.0.0.1', state: 'streaming', synchronous: false, lagBytes: 0, ...changes };
}

function cluster(replicas: ReplicaStatus[], expectedReplicas = 2): ClusterStatus {
  return { leader: { name: 'n1' }, expectedReplicas, replicas };
}

/** The three checks' states, in their stable order. */
function states(status: ClusterStatus) {
  const health = evaluateClusterHealth(status, now);
  return { overall: health.overall, checks: health.checks.map((check) => [check.code, check.state]) };
}

describe('evaluateClusterHealth', () => {
  it('is ok with every expected replica streaming, caught up, and one synchronous; every check observed now', () => {
    const health = evaluateClusterHealth(cluster([replica('n2', { synchronous: true }), replica('n3')]), now);
    expect(health).toEqual({
      overall: 'ok',
      checks: [
        { code: 'replicas_present', state: 'ok', ok: true, observedAt },
        { code: 'replicas_not_lagging', state: 'ok', ok: true, observedAt },
        { code: 'synchronous_replica', state: 'ok', ok: true, observedAt },
      ],
    });
  });

  it('fails replicas_present when fewer replicas are connected than expected, and synchronous_replica when none is', () => {
    expect(states(cluster([replica('n3')]))).toEqual({
      overall: 'failing',
      checks: [
        ['replicas_present', 'failing'],
        ['replicas_not_lagging', 'ok'],
        ['synchronous_replica', 'failing'],
      ],
    });
    expect(states(cluster([]))).toEqual({
      overall: 'failing',
      checks: [
        ['replicas_present', 'failing'],
        ['replicas_not_lagging', 'ok'],
        ['synchronous_replica', 'failing'],
      ],
    });
  });

  it('counts a replica more than expected as fine (a node being added)', () => {
    expect(states(cluster([replica('n2', { synchronous: true }), replica('n3'), replica('n4')])).overall).toBe('ok');
  });

  it('allows a lag of exactly 16 MiB and fails one byte more', () => {
    expect(REPLICA_LAG_LIMIT_BYTES).toBe(16_777_216);
    const atLimit = cluster([replica('n2', { synchronous: true }), replica('n3', { lagBytes: 16_777_216 })]);
    expect(states(atLimit).overall).toBe('ok');
    const beyond = cluster([replica('n2', { synchronous: true }), replica('n3', { lagBytes: 16_777_217 })]);
    expect(states(beyond).checks).toEqual([
      ['replicas_present', 'ok'],
      ['replicas_not_lagging', 'failing'],
      ['synchronous_replica', 'ok'],
    ]);
  });

  it.each(['startup', 'catchup', 'stopping', 'unknown'])('fails replicas_not_lagging for a replica in state %s, whatever its lag', (state) => {
    expect(states(cluster([replica('n2', { synchronous: true }), replica('n3', { state })])).checks[1]).toEqual(['replicas_not_lagging', 'failing']);
  });

  it('fails replicas_not_lagging for a replica whose replay position is unknown', () => {
    expect(states(cluster([replica('n2', { synchronous: true }), replica('n3', { lagBytes: null })])).checks[1]).toEqual(['replicas_not_lagging', 'failing']);
  });
});
