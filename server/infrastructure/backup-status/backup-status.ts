import { combineStates, evaluateBackupHealth, type ArchiverInput, type MonitoredRunKind, type RunHistory } from '../../../shared/backup-health.ts';
import { reportedRunKinds, type BackupRunSummary, type BackupStatus } from '../../../shared/schemas/operations.ts';
import { evaluateClusterHealth } from '../../../shared/cluster-health.ts';
import { readClusterStatus } from '../cluster-status/cluster-status.ts';
import {
  findArchiverState,
  findFirstRunStartedAt,
  findInstalledAt,
  findRepositoryState,
  listLatestRunsByKind,
  type LatestRunRow,
} from './backup-status.queries.ts';
import type { Db } from '../../db/database.ts';
import type { BackupRunKind } from '../../db/schema.ts';

export interface BackupStatusOptions {
  /** True for the local cluster with pgBackRest; false with DATABASE_URL (the provider does PITR). */
  isManagedCluster: boolean;
  /** PITR_WINDOW_DAYS. */
  pitrWindowDays: number;
  /** KVARTER_HA_EXPECTED_REPLICAS: the cluster is read and judged only when it is set. */
  haExpectedReplicas: number | undefined;
  now?: Date;
}

const monitoredKinds: readonly MonitoredRunKind[] = ['full', 'diff', 'incr', 'dump', 'verify', 'drill'];

/**
 * The installation's backup status, read from the tables ops writes and PostgreSQL's archiver
 * statistics, judged by shared/backup-health.ts; with a replicated cluster, also the cluster's
 * replicas judged by shared/cluster-health.ts, so that they alert like a backup check. Used by
 * GET /api/ops/status, `ops status` and the alert job.
 */
export async function readBackupStatus(db: Db, options: BackupStatusOptions): Promise<BackupStatus> {
  const now = options.now ?? new Date();
  const kinds: BackupRunKind[] = [...new Set<BackupRunKind>([...reportedRunKinds, ...monitoredKinds])];
  const [latestRuns, firstRunStartedAt, installedAt, repository, archiverRow, cluster] = await Promise.all([
    listLatestRunsByKind(db, kinds),
    findFirstRunStartedAt(db),
    findInstalledAt(db),
    findRepositoryState(db),
    // With an external database the archiver is the provider's (or off): not ours to judge.
    options.isManagedCluster ? findArchiverState(db) : Promise.resolve(undefined),
    options.haExpectedReplicas === undefined ? Promise.resolve(null) : readClusterStatus(db, options.haExpectedReplicas),
  ]);
  const runsByKind = new Map(latestRuns.map((row) => [row.kind, row]));

  const archiver: ArchiverInput | null = archiverRow
    ? {
        lastArchivedWal: archiverRow.last_archived_wal,
        lastArchivedAt: archiverRow.last_archived_time,
        lastFailedAt: archiverRow.last_failed_time,
        failedCount: archiverRow.failed_count,
        currentWalFile: archiverRow.current_wal_file,
      }
    : null;
  const runs = Object.fromEntries(monitoredKinds.map((kind) => [kind, toRunHistory(runsByKind.get(kind))])) as Record<MonitoredRunKind, RunHistory>;
  const health = evaluateBackupHealth(
    {
      physicalBackups: options.isManagedCluster ? 'managed' : 'external',
      pitrWindowDays: options.pitrWindowDays,
      runs,
      firstRunStartedAt,
      installedAt,
      repository: repository ? { observedAt: repository.observed_at, oldestRecoveryPoint: repository.oldest_recovery_point } : null,
      archiver,
    },
    now,
  );
  const clusterHealth = cluster && evaluateClusterHealth(cluster, now);

  const lastRun = (kind: BackupRunKind) => toRunSummary(runsByKind.get(kind));
  return {
    generatedAt: now.toISOString(),
    overall: clusterHealth ? combineStates([health.overall, clusterHealth.overall]) : health.overall,
    physicalBackups: options.isManagedCluster ? 'managed' : 'external',
    repositoryType: repository?.repository_type ?? null,
    recoveryWindow: {
      oldest: toIso(repository?.oldest_recovery_point ?? null),
      newest: toIso(repository?.newest_recovery_point ?? null),
      targetDays: options.pitrWindowDays,
    },
    lastRuns: {
      full: lastRun('full'),
      diff: lastRun('diff'),
      dump: lastRun('dump'),
      check: lastRun('check'),
      verify: lastRun('verify'),
      drill: lastRun('drill'),
    },
    archiver:
      archiver && health.archiver
        ? {
            lastArchivedAt: toIso(archiver.lastArchivedAt),
            lastFailedAt: toIso(archiver.lastFailedAt),
            failedCount: archiver.failedCount,
            isFailing: health.archiver.isFailing,
            lagSeconds: health.archiver.lagSeconds,
          }
        : null,
    cluster,
    checks: clusterHealth ? [...health.checks, ...clusterHealth.checks] : health.checks,
  };
}

function toRunHistory(row: LatestRunRow | undefined): RunHistory {
  if (!row) return { lastSucceededAt: null, lastFinished: null };
  return {
    lastSucceededAt: row.last_succeeded_at,
    lastFinished:
      row.last_finished_at !== null && row.last_finished_outcome !== null ? { finishedAt: row.last_finished_at, outcome: row.last_finished_outcome } : null,
  };
}

function toRunSummary(row: LatestRunRow | undefined): BackupRunSummary | null {
  if (!row) return null;
  return {
    startedAt: row.started_at.toISOString(),
    finishedAt: toIso(row.finished_at),
    outcome: row.outcome,
    sizeBytes: row.size_bytes,
    message: row.message,
  };
}

function toIso(time: Date | null): string | null {
  return time === null ? null : time.toISOString();
}
