import { readFile } from 'node:fs/promises';
import { ensureSecret } from '../local-secrets.ts';
import { OpsError } from '../ops-context.ts';
import type { HaLayout, HaTopology } from './ha-layout.ts';
import { waitFor } from './ha-processes.ts';
import { httpsRequest, readClusterMembers } from './patroni-api.ts';
import { patroniApiUser } from './patroni-config.ts';

/**
 * A planned switchover through Patroni's REST API: the leader hands over to `to` (or to the
 * synchronous replica Patroni picks), so no acknowledged write is lost. Resolves with the new
 * leader's name once Patroni reports it.
 */
export async function switchover(layout: HaLayout, topology: HaTopology, to: string | undefined): Promise<string> {
  const ca = await readFile(layout.certs.caFile, 'utf8');
  const apiPorts = topology.nodes.map((node) => node.apiPort);
  const members = await readClusterMembers(apiPorts, ca);
  const leader = members.find((member) => member.role === 'leader');
  if (!leader) throw new OpsError('The cluster has no leader at the moment; a switchover needs one (a failover may be under way).');
  if (to !== undefined) {
    if (!members.some((member) => member.name === to))
      throw new OpsError(`No node named "${to}"; the nodes are ${members.map((member) => member.name).join(', ')}.`, 2);
    if (to === leader.name) throw new OpsError(`${to} is already the leader.`, 2);
  }
  const leaderApi = topology.nodes.find((node) => node.name === leader.name)!.apiPort;
  const password = await ensureSecret(layout.dataDir, 'patroni-api-password');
  const answer = await httpsRequest(leaderApi, '/switchover', ca, {
    method: 'POST',
    json: to === undefined ? { leader: leader.name } : { leader: leader.name, candidate: to },
    auth: `${patroniApiUser}:${password}`,
    timeoutMs: 60_000,
  });
  if (answer.status !== 200) throw new OpsError(`Patroni refused the switchover (${answer.status}): ${answer.body.trim()}`);
  return waitFor(
    'no new leader was reported',
    async () => {
      const now = (await readClusterMembers(apiPorts, ca)).find((member) => member.role === 'leader' && member.state === 'running');
      return now && now.name !== leader.name ? now.name : undefined;
    },
    60_000,
  );
}
