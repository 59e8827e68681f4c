import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HaLayout, HaTopology } from './ha-layout.ts';
import { readClusterMembers, httpsRequest } from './patroni-api.ts';
import { isAlive, pidFile, readPid } from './ha-processes.ts';

export interface HaNodeStatus {
  name: string;
  /** The node's postmaster; null while it is not running. */
  pid: number | null;
  /** The Patroni process managing the node; null while it is not running. */
  patroniPid: number | null;
  port: number;
}

export interface HaReplicaStatus extends HaNodeStatus {
  state: string;
  synchronous: boolean;
  lagBytes: number | null;
}

/** The shape of `ops ha status --json` (contract: docs/operations.md § High availability). */
export interface HaStatus {
  leader: HaNodeStatus | null;
  replicas: HaReplicaStatus[];
  apps: { pid: number | null; port: number; healthy: boolean }[];
  entryPort: number;
  databasePort: number;
}

export async function readHaStatus(layout: HaLayout, topology: HaTopology): Promise<HaStatus> {
  const ca = await readFile(layout.certs.caFile, 'utf8');
  const members = await readClusterMembers(
    topology.nodes.map((node) => node.apiPort),
    ca,
  ).catch(() => []);
  const nodeStatus = async (name: string): Promise<HaNodeStatus> => {
    const node = topology.nodes.find((candidate) => candidate.name === name);
    if (!node) throw new Error(`Patroni reports a member "${name}" that this topology did not start.`);
    return {
      name,
      pid: await postmasterPid(path.join(layout.nodeDir(name), 'data')),
      patroniPid: await livePid(pidFile(layout.runDir, `patroni-${name}`)),
      port: node.port,
    };
  };
  const leaderMember = members.find((member) => member.role === 'leader');
  const replicas: HaReplicaStatus[] = [];
  for (const member of [...members].sort((a, b) => a.name.localeCompare(b.name))) {
    if (member === leaderMember) continue;
    replicas.push({
      ...(await nodeStatus(member.name)),
      state: member.state,
      synchronous: member.role === 'sync_standby',
      lagBytes: typeof member.lag === 'number' ? member.lag : null,
    });
  }
  const apps = await Promise.all(
    topology.apps.map(async (app, index) => ({
      pid: await livePid(pidFile(layout.runDir, `app${index + 1}`)),
      port: app.port,
      healthy: await httpsRequest(app.port, '/healthz', ca, { timeoutMs: 2_000 }).then(
        (answer) => answer.status === 200,
        () => false,
      ),
    })),
  );
  return {
    leader: leaderMember ? await nodeStatus(leaderMember.name) : null,
    replicas,
    apps,
    entryPort: topology.entryPort,
    databasePort: topology.databasePort,
  };
}

async function livePid(file: string): Promise<number | null> {
  const pid = await readPid(file);
  return pid !== undefined && (await isAlive(pid)) ? pid : null;
}

/** The first line of postmaster.pid, when that process is alive. */
async function postmasterPid(pgDataDir: string): Promise<number | null> {
  const text = await readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = text === undefined ? Number.NaN : Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 && (await isAlive(pid)) ? pid : null;
}
