import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FaultClient } from '../../server/test-support/fault-client.ts';
import { clusterCheckCodes, REPLICA_LAG_LIMIT_BYTES } from '../../shared/cluster-health.ts';
import type { BackupStatus, ClusterStatus } from '../../shared/schemas/operations.ts';
import { haTopologyStartTimeoutMs, startHaTopology, type HaTopologyFixture } from '../test-support/ha-topology.ts';
import type { OpsResult } from '../test-support/durability.ts';

/**
 * The cluster on the operations page and in `ops status` (decision 0052), inside a real topology
 * of three nodes: the leader and two streaming replicas, one synchronous, and no alert; then one
 * replica lost (kill -9 of its Patroni and its postmaster) shows as missing and alerts within a
 * minute, in the operations API and in `ops status` alike (exit 1). The error-level log line and
 * e-mail of the alert job are proven in ops/alerts/evaluate-alerts.test.ts: the job runs every 5
 * minutes, longer than this test should wait.
 */
let topology: HaTopologyFixture;

beforeAll(async () => {
  topology = await startHaTopology({ nodes: 3, apps: 1, prefix: 'ha-monitoring' });
}, haTopologyStartTimeoutMs);

afterAll(async () => {
  await topology?.dispose();
}, 180_000);

/** `npm run ops -- status [--json]` as an operator runs it on the data directory of `ha up`, with no other configuration. */
function opsStatus(args: string[]): Promise<OpsResult> {
  return topology.ops(['status', ...args]);
}

const clusterChecks = (status: BackupStatus) =>
  status.checks.filter((check) => clusterCheckCodes.includes(check.code)).map((check) => [check.code, check.state]);

it('shows the leader and both replicas, one synchronous, without alert; a killed replica shows missing and alerts within a minute', async () => {
  const first = await topology.status();
  const client = new FaultClient(`https://localhost:${topology.entryPort}`, topology.dataDir);
  try {
    // The first user of a new installation is its operator.
    await client.signUp('drift@example.se');
    const synchronousName = first.replicas.find((replica) => replica.synchronous)!.name;
    const expectedCluster = (replicas: ClusterStatus['replicas']): ClusterStatus => ({ leader: { name: first.leader!.name }, expectedReplicas: 2, replicas });
    const replica = (name: string) => ({ name, address: '127.0.0.1', state: 'streaming', synchronous: name === synchronousName, lagBytes: expect.any(Number) });

    const healthy = await client.request<BackupStatus>('GET', '/api/ops/status');
    expect(healthy.status).toBe(200);
    expect(healthy.body.cluster).toEqual(expectedCluster(first.replicas.map((item) => replica(item.name))));
    for (const item of healthy.body.cluster!.replicas) expect(item.lagBytes).toBeLessThanOrEqual(REPLICA_LAG_LIMIT_BYTES);
    expect(clusterChecks(healthy.body)).toEqual([
      ['replicas_present', 'ok'],
      ['replicas_not_lagging', 'ok'],
      ['synchronous_replica', 'ok'],
    ]);
    // Only the dump is judged with DATABASE_URL, and its first run is pending or done: nothing red.
    expect(healthy.body.overall).not.toBe('failing');
    const healthyOps = await opsStatus(['--json']);
    expect(healthyOps.exitCode).toBe(0);
    expect((JSON.parse(healthyOps.stdout) as BackupStatus).cluster).toEqual(expectedCluster(first.replicas.map((item) => replica(item.name))));

    // Lose the asynchronous replica: the synchronous one stays, so only replicas_present turns red.
    const lost = first.replicas.find((item) => !item.synchronous)!;
    process.kill(lost.patroniPid!, 'SIGKILL');
    process.kill(lost.pid!, 'SIGKILL');
    const killedAt = Date.now();

    let missing: BackupStatus | undefined;
    while (Date.now() - killedAt < 60_000) {
      const answer = await client.request<BackupStatus>('GET', '/api/ops/status');
      expect(answer.status).toBe(200);
      if (answer.body.cluster!.replicas.length === 1) {
        missing = answer.body;
        break;
      }
      await sleep(1_000);
    }
    expect(missing, 'the operations API still listed both replicas a minute after the kill').toBeDefined();
    expect(missing!.cluster).toEqual(expectedCluster([replica(synchronousName)]));
    expect(missing!.overall).toBe('failing');
    expect(clusterChecks(missing!)).toEqual([
      ['replicas_present', 'failing'],
      ['replicas_not_lagging', 'ok'],
      ['synchronous_replica', 'ok'],
    ]);

    const missingOps = await opsStatus(['--json']);
    expect(missingOps.exitCode).toBe(1);
    const missingOpsStatus = JSON.parse(missingOps.stdout) as BackupStatus;
    expect(missingOpsStatus.cluster).toEqual(expectedCluster([replica(synchronousName)]));
    expect(clusterChecks(missingOpsStatus)).toEqual(clusterChecks(missing!));
    const text = await opsStatus([]);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain(`Cluster: leader ${first.leader!.name}, 1 of 2 replicas connected\nReplica ${synchronousName}: streaming, synchronous, lag `);
    expect(text.stdout).toContain('   FAIL  replicas_present\n');
  } finally {
    client.close();
  }
}, 300_000);
