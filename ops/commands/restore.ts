import { recordRun } from '../backup-runs.ts';
import { OpsError } from '../ops-context.ts';
import { restoreToPointInTime, stopRestoredCluster } from '../point-in-time-restore.ts';
import type { Command } from './command.ts';

export const restoreCommand: Command = {
  options: { to: { type: 'string' }, into: { type: 'string' }, port: { type: 'string' }, stop: { type: 'boolean' } },
  async run(context, options) {
    const into = typeof options.into === 'string' ? options.into : undefined;
    if (!into) throw new OpsError('--into <dir> is required', 2);
    if (options.stop) {
      await stopRestoredCluster(context, into);
      context.log(`Stopped the cluster in ${into}.`);
      return 0;
    }
    const to = parseMoment(options.to);
    const port = options.port === undefined ? undefined : Number(options.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new OpsError('--port must be a TCP port number', 2);
    const restored = await recordRun(context, 'restore', 'manual', async () => {
      const cluster = await restoreToPointInTime(context, { to, into, port });
      const moment = to === 'latest' ? 'the newest state' : to.toISOString();
      return { ...cluster, message: `restored ${moment} into ${cluster.dataDir}`, details: { to: moment, dataDir: cluster.dataDir, port: cluster.port } };
    });
    const { dataDir, port: restoredPort, databaseUrl, caFile } = restored;
    process.stdout.write(`${JSON.stringify({ dataDir, port: restoredPort, databaseUrl, caFile })}\n`);
    return 0;
  },
};

/**
 * ISO-8601 with an explicit offset (or Z), so the moment is never read in the wrong zone; or
 * `latest` for everything in the repository (disaster recovery).
 */
function parseMoment(value: string | boolean | undefined): Date | 'latest' {
  if (typeof value !== 'string') throw new OpsError('--to <ISO-8601 time> is required, e.g. --to 2026-11-27T08:15:00Z (or --to latest)', 2);
  if (value === 'latest') return value;
  const moment = new Date(value);
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(value) || Number.isNaN(moment.getTime())) {
    throw new OpsError(`--to must be an ISO-8601 time with a zone, e.g. 2026-11-27T08:15:00Z (got "${value}")`, 2);
  }
  return moment;
}
