import { parseArgs } from 'node:util';
import type { Config } from '../../server/config.ts';
import { haLayout, readTopology } from '../ha/ha-layout.ts';
import { startNode } from '../ha/ha-start-node.ts';
import { readHaStatus } from '../ha/ha-status.ts';
import { stopHa } from '../ha/ha-stop.ts';
import { switchover } from '../ha/ha-switchover.ts';
import { haUp } from '../ha/ha-up.ts';
import { OpsError } from '../ops-context.ts';

export const haUsage = `  ha up [--nodes 3] [--apps 2]        start etcd, Patroni nodes, HAProxy and app instances under $KVARTER_DATA_DIR/ha;
                                      prints "Ready: https://localhost:<PORT>" and runs until SIGTERM or Ctrl-C
  ha status [--json]                  leader, replicas (state, synchronous, lag), app instances, ports
  ha switchover [--to <name>]         a planned switchover to a replica (the synchronous one by default)
  ha start-node <name>                starts again the Patroni of a node whose processes were lost; it rejoins as a replica
`;

/**
 * `ops ha …`: the high-availability topology (docs/decisions/0048-high-availability-topology.md).
 * It needs no OpsContext: there is no managed single cluster to describe, and `up` creates the
 * database the context would connect to.
 */
export async function runHaCommand(config: Config, argv: string[], log: (message: string) => void): Promise<number> {
  const [subcommand, ...rest] = argv;
  const layout = haLayout(config.dataDir);
  switch (subcommand) {
    case 'up': {
      const { values } = parseArgs({ args: rest, options: { nodes: { type: 'string', default: '3' }, apps: { type: 'string', default: '2' } }, strict: true });
      return up(config, positiveInteger(values.nodes, '--nodes'), positiveInteger(values.apps, '--apps'), log);
    }
    case 'status': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, strict: true });
      const topology = await readTopology(layout);
      if (!topology) throw new OpsError(`No HA topology in ${layout.root}: start one with npm run ops -- ha up.`);
      const status = await readHaStatus(layout, topology);
      if (values.json) {
        process.stdout.write(`${JSON.stringify(status)}\n`);
      } else {
        const node = (n: { name: string; port: number; pid: number | null }) => `${n.name} (port ${n.port}, postmaster ${n.pid ?? 'down'})`;
        process.stdout.write(
          [
            `leader:   ${status.leader ? node(status.leader) : 'none'}`,
            ...status.replicas.map((r) => `replica:  ${node(r)} ${r.state}${r.synchronous ? ', synchronous' : ''}, lag ${r.lagBytes ?? 'unknown'} bytes`),
            ...status.apps.map((a) => `app:      port ${a.port}, pid ${a.pid ?? 'down'}, ${a.healthy ? 'healthy' : 'NOT healthy'}`),
            `entry:    https://localhost:${status.entryPort}`,
            `database: localhost:${status.databasePort} (the leader, through HAProxy)`,
            '',
          ].join('\n'),
        );
      }
      const healthy = status.leader !== null && status.replicas.some((replica) => replica.synchronous) && status.apps.some((app) => app.healthy);
      return healthy ? 0 : 1;
    }
    case 'switchover': {
      const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } }, strict: true });
      const topology = await readTopology(layout);
      if (!topology) throw new OpsError(`No HA topology in ${layout.root}: start one with npm run ops -- ha up.`);
      const leader = await switchover(layout, topology, values.to);
      process.stdout.write(`Switched over: ${leader} is the leader.\n`);
      return 0;
    }
    case 'start-node': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new OpsError('Name one node: npm run ops -- ha start-node <name> (e.g. n1).', 2);
      const topology = await readTopology(layout);
      if (!topology) throw new OpsError(`No HA topology in ${layout.root}: start one with npm run ops -- ha up.`);
      const started = await startNode(layout, topology, positionals[0]!, config.backup, log);
      process.stdout.write(`${positionals[0]} rejoined as a replica (${started.state}; Patroni pid ${started.pid}).\n`);
      return 0;
    }
    default:
      process.stderr.write(`Usage: npm run ops -- ha <up|status|switchover|start-node>\n${haUsage}`);
      return 2;
  }
}

/** Runs the topology in the foreground; SIGTERM or Ctrl-C stops what it started, also mid-start. */
async function up(config: Config, nodeCount: number, appCount: number, log: (message: string) => void): Promise<number> {
  const layout = haLayout(config.dataDir);
  const abort = new AbortController();
  // The started programs are detached from this process's event loop; this keeps it in the foreground.
  const foreground = setInterval(() => undefined, 60_000);
  const start = haUp({ dataDir: config.dataDir, nodeCount, appCount, entryPort: config.port, log, signal: abort.signal, backup: config.backup });
  let stopping: Promise<void> | undefined;
  const stop = (reason: string) => {
    stopping ??= (async () => {
      log(`${reason}: stopping the HA topology.`);
      abort.abort();
      // A start in progress gives up first, so that nothing starts after everything was stopped.
      await start.catch(() => undefined);
      await stopHa(layout, log);
      clearInterval(foreground);
    })();
    return stopping;
  };
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(`${signal} received`).then(resolve));
  });
  try {
    const { url } = await start;
    process.stdout.write(`Ready: ${url}\n`);
  } catch (error) {
    if (abort.signal.aborted) {
      await stopped;
      return 0;
    }
    await stop('Start failed');
    throw error;
  }
  await stopped;
  return 0;
}

function positiveInteger(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 9) throw new OpsError(`${name} must be a whole number from 1 to 9, not "${text}".`, 2);
  return value;
}
