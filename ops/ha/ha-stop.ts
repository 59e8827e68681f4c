import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { clusterOwner } from '../cluster-owner.ts';
import { pgCtl } from '../local-cluster.ts';
import type { HaLayout } from './ha-layout.ts';
import { isAlive, stopProcess } from './ha-processes.ts';

/**
 * Stops what `ha up` started, by the PIDs it recorded, front to back: the app instances (each
 * with its process group: a backup job's pg_dump goes with it), HAProxy, the Patroni nodes (each
 * stops its PostgreSQL), then etcd. A postmaster whose Patroni was killed is stopped through its
 * own data directory under `ha/nodes`; nothing else on the machine is touched.
 */
export async function stopHa(layout: HaLayout, log: (message: string) => void): Promise<void> {
  const names = (await readdir(layout.runDir).catch(() => [])).filter((file) => file.endsWith('.pid')).map((file) => file.slice(0, -'.pid'.length));
  const stopAll = (prefix: string, group: boolean) =>
    Promise.all(
      names
        .filter((name) => name.startsWith(prefix))
        .map(async (name) => {
          await stopProcess(layout.runDir, name, { group, graceMs: 30_000 });
          log(`Stopped ${name}.`);
        }),
    );
  await stopAll('app', true);
  await stopAll('haproxy', false);
  await stopAll('patroni-', false);
  await stopOrphanedPostgres(layout, log);
  await stopAll('etcd', false);
}

async function stopOrphanedPostgres(layout: HaLayout, log: (message: string) => void): Promise<void> {
  const nodesDir = path.join(layout.root, 'nodes');
  const nodes = await readdir(nodesDir).catch(() => []);
  for (const name of nodes) {
    const pgDataDir = path.join(nodesDir, name, 'data');
    const text = await readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
    const pid = text === undefined ? Number.NaN : Number.parseInt(text, 10);
    if (!Number.isInteger(pid) || !(await isAlive(pid))) continue;
    await pgCtl(await clusterOwner(), pgDataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']);
    log(`Stopped the PostgreSQL of ${name}, whose Patroni was gone.`);
  }
}
