import { readBackupStatus } from '../../server/infrastructure/backup-status/backup-status.ts';
import { refreshRepositoryState } from '../physical-backups.ts';
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
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(status)}\n`);
    } else {
      process.stdout.write(formatStatus(status));
    }
    return status.overall === 'ok' ? 0 : 1;
  },
};

function formatStatus(status: Awaited<ReturnType<typeof readBackupStatus>>): string {
  const lines = [
    `Overall: ${status.overall === 'ok' ? 'OK' : 'FAILING'}`,
    `Recovery window: ${status.recoveryWindow.oldest ?? '–'} → ${status.recoveryWindow.newest ?? '–'} (target ${status.recoveryWindow.targetDays} days)`,
    ...Object.entries(status.lastRuns).map(
      ([kind, run]) => `Last ${kind}: ${run ? `${run.outcome} at ${run.finishedAt ?? run.startedAt}${run.message ? ` (${run.message})` : ''}` : 'never'}`,
    ),
    ...(status.archiver
      ? [
          `Archiver: last archived ${status.archiver.lastArchivedAt ?? 'never'}, ${status.archiver.failedCount} failures, lag ${status.archiver.lagSeconds ?? 0} s`,
        ]
      : ['Archiver: managed by the database provider']),
    ...status.checks.map((check) => `${check.ok ? '  ok  ' : 'FAIL  '} ${check.code}`),
  ];
  return `${lines.join('\n')}\n`;
}
