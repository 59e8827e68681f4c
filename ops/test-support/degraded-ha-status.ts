import { setTimeout as sleep } from 'node:timers/promises';
import type { HaStatus } from '../ha/ha-status.ts';
import type { HaTopologyFixture } from './ha-topology.ts';

/**
 * `ops ha status --json` also while the cluster is degraded, as it is during and after a fault
 * (no leader yet, no synchronous replica, an instance down): the command then exits 1 but still
 * prints the status, where `HaTopologyFixture.status` takes exit 1 for a failure. Every PID in it
 * is remembered for the fixture's cleanup.
 */
export async function readDegradedHaStatus(topology: HaTopologyFixture): Promise<HaStatus> {
  const result = await topology.ops(['ha', 'status', '--json']);
  if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`ha status exited with ${result.exitCode}: ${result.stderr}`);
  const status = JSON.parse(result.stdout) as HaStatus;
  for (const node of [status.leader, ...status.replicas]) {
    topology.remember(node?.pid);
    topology.remember(node?.patroniPid);
  }
  for (const app of status.apps) topology.remember(app.pid);
  return status;
}

/** Waits until the cluster runs as it normally does, a leader and a synchronous replica that is caught up, so that the next fault meets that. */
export async function waitForSynchronousReplica(topology: HaTopologyFixture, timeoutMs = 120_000): Promise<HaStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readDegradedHaStatus(topology);
    if (status.leader && status.replicas.some((replica) => replica.synchronous && replica.lagBytes === 0)) return status;
    if (Date.now() > deadline) throw new Error(`no synchronous replica within ${timeoutMs / 1000} s: ${JSON.stringify(status)}`);
    await sleep(500);
  }
}
