import { readBackupStatus } from '../../server/infrastructure/backup-status/backup-status.ts';
import type { BackupCheckState, BackupStatus } from '../../shared/schemas/operations.ts';
import { refreshRepositoryState } from '../physical-backups.ts';
import { formatClusterLines } from './cluster-status-lines.ts';
import type { Command } from './command.ts';

export const statusCommand: Command = {
  options: { json: { type: 'boolean' } },
  async run(context, options) {
    if (context.cluster) {
      await refreshRepositoryState(context).catch((error: Error) => context.log(`pgBackRest info failed: ${error.message}`));
    }
    const status = await readBackupStatus(context.db(), {
      isManagedCluster: context.cluster !== undefined,
      pitrWindowDays: context.config.backup.pitrWindowDays,
      // Run in an `ha up` data directory without the instances' environment, the topology says how many.
      haExpectedReplicas: context.config.haExpectedReplicas ?? (context.cluster?.ha ? context.cluster.ha.topology.nodes.length - 1 : undefined),
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(status)}\n`);
    } else {
      process.stdout.write(formatStatus(status));
    }
    // Pending is not a failure: a new installation's first runs are under way.
    return status.overall === 'failing' ? 1 : 0;
  },
};

const overallWords: Record<BackupCheckState, string> = { ok: 'OK', pending: 'PENDING', failing: 'FAILING' };
const checkWords: Record<BackupCheckState, string> = { ok: 'ok', pending: 'pending', failing: 'FAIL' };

/** What `ops status` prints without --json: one line per fact, then one per check. */
export function formatStatus(status: BackupStatus): string {
  const lines = [
    `Overall: ${overallWords[status.overall]}`,
    `Recovery window: ${status.recoveryWindow.oldest ?? '–'} → ${status.recoveryWindow.newest ?? '–'} (target ${status.recoveryWindow.targetDays} days)`,
    ...Object.entries(status.lastRuns).map(
      ([kind, run]) => `Last ${kind}: ${run ? `${run.outcome} at ${run.finishedAt ?? run.startedAt}${run.message ? ` (${run.message})` : ''}` : 'never'}`,
    ),
    ...(status.archiver
      ? [
          `Archiver: last archived ${status.archiver.lastArchivedAt ?? 'never'}, ${status.archiver.failedCount} failures, lag ${status.archiver.lagSeconds ?? 0} s`,
        ]
      : ['Archiver: managed by the database provider']),
    ...formatClusterLines(status.cluster),
    ...status.checks.map((check) => `${checkWords[check.state].padStart(7)}  ${check.code}`),
  ];
  if (status.checks.some((check) => check.state === 'pending')) {
    lines.push('Pending: waiting for the first runs, which a new installation starts by itself right after its first start; nothing to do but wait.');
  }
  return `${lines.join('\n')}\n`;
}
