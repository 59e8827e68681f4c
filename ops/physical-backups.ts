import { sql } from 'kysely';
import { recordRun } from './backup-runs.ts';
import { currentPgBackRestConfig } from './current-pgbackrest-config.ts';
import { OpsError, type OpsContext } from './ops-context.ts';
import { requireManagedCluster } from './point-in-time-restore.ts';
import { readRepositoryInfo, runPgBackRest } from './pgbackrest.ts';

type Trigger = 'schedule' | 'manual';

/** A physical backup of the managed cluster: full, differential (since the last full) or incremental. */
export async function takeBackup(context: OpsContext, type: 'full' | 'diff' | 'incr', trigger: Trigger) {
  requireManagedCluster(context);
  return recordRun(context, type, trigger, async () => {
    const startedAt = Date.now();
    await runPgBackRest(context.owner, await currentPgBackRestConfig(context), 'backup', [`--type=${type}`]);
    // pgBackRest also expires backups and WAL beyond the retention as part of the backup command.
    const info = await refreshRepositoryState(context);
    const newest = info.backups.at(-1);
    return {
      sizeBytes: newest?.repositorySizeBytes,
      message: `${type} backup ${newest?.label ?? ''} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
      details: { label: newest?.label, databaseSizeBytes: newest?.sizeBytes, durationMs: Date.now() - startedAt },
    };
  });
}

/** `pgbackrest check`: the repository is reachable and a forced WAL switch gets archived. */
export async function checkArchiving(context: OpsContext, trigger: Trigger) {
  requireManagedCluster(context);
  return recordRun(context, 'check', trigger, async () => {
    await runPgBackRest(context.owner, await currentPgBackRestConfig(context), 'check');
    await refreshRepositoryState(context);
    return { message: 'WAL archiving works' };
  });
}

/**
 * `pgbackrest verify` checks every backup file and WAL segment against its checksum. It exits 0
 * even when it finds damage, so its report is read: any invalid or missing file is a failure.
 */
export async function verifyRepository(context: OpsContext, trigger: Trigger) {
  requireManagedCluster(context);
  return recordRun(context, 'verify', trigger, async () => {
    const result = await runPgBackRest(context.owner, await currentPgBackRestConfig(context), 'verify', ['--log-level-console=info']);
    const problems = findVerifyProblems(`${result.stdout}\n${result.stderr}`);
    if (problems.length > 0) throw new OpsError(`The backup repository is damaged:\n${problems.join('\n')}`);
    return { message: 'every backup file and WAL segment matches its checksum' };
  });
}

export function findVerifyProblems(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /status: (error|invalid)|INFO: (invalid|missing)|checksum invalid|size invalid|missing: \d|\b(WARN|ERROR):/.test(line));
}

/**
 * Records what the repository holds (backups, recovery window) for the operations page, which
 * cannot run pgBackRest itself. The newest recovery point is the last archived WAL's time.
 */
export async function refreshRepositoryState(context: OpsContext) {
  const info = await readRepositoryInfo(context.owner, await currentPgBackRestConfig(context));
  const db = context.db();
  const archiver = await sql<{ last_archived_time: Date | null }>`select last_archived_time from pg_stat_archiver`
    .execute(db)
    .then((result) => result.rows[0]?.last_archived_time ?? null)
    .catch(() => null);
  const oldest = info.backups[0]?.stoppedAt ?? null;
  const newestBackup = info.backups.at(-1)?.stoppedAt ?? null;
  const newest =
    [newestBackup, archiver?.toISOString() ?? null]
      .filter((value): value is string => value !== null)
      .sort()
      .at(-1) ?? null;
  const values = {
    observed_at: new Date(),
    repository_type: context.config.backup.s3 ? ('s3' as const) : ('posix' as const),
    oldest_recovery_point: oldest,
    newest_recovery_point: newest,
    backups: JSON.stringify(info.backups),
  };
  await db
    .insertInto('backup_repository_state')
    .values({ id: true, ...values })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute()
    .catch((error: Error) => context.log(`Could not record the repository state (${error.message}).`));
  return info;
}
