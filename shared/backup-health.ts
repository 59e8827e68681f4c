import type { BackupCheck, BackupCheckCode, BackupCheckState } from './schemas/operations.ts';

/**
 * The alerting rules of the backup promise (docs/product/operations-promise.md § Durability) as one
 * pure function, so the operations page, GET /api/ops/status and `ops status` can never disagree
 * about what is red. Every limit is inclusive: a backup exactly 26 h old is still fresh, one a
 * millisecond older is not.
 *
 * A check is `ok`, `failing`, or `pending`: it has no evidence yet because its first chance to run
 * has not passed (a new installation's first backups are under way). Pending never comes from a
 * failed run (a finished run, good or bad, is judged at once) and lasts at most a fixed time after
 * the installation was set up, so it cannot hide a scheduler that never runs.
 */

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** Physical backups run daily; 2 h of slack lets a late or slow run finish before it counts as missed. */
export const BACKUP_STALE_AFTER_MS = 26 * hourMs;
/** The logical dump runs daily too, with the same slack. */
export const DUMP_STALE_AFTER_MS = 26 * hourMs;
/** The restore drill runs daily; a missed day is as alarming as a failed drill. */
export const DRILL_STALE_AFTER_MS = 26 * hourMs;
/** `pgbackrest verify` runs daily. */
export const VERIFY_STALE_AFTER_MS = 26 * hourMs;
/**
 * archive_timeout is 30 s (the RPO target is 60 s), so WAL that has waited more than 5 min means
 * archiving is stuck. The wait is measured from the last successful archiving, an upper bound of
 * the real wait: after more than 5 idle minutes, the first write can show as lag until
 * archive_timeout ships it (at most 30 s).
 */
export const ARCHIVE_LAG_LIMIT_MS = 5 * minuteMs;
/**
 * ops records the repository's contents (the recovery window) after its daily jobs; an older
 * observation cannot vouch for the window any more (old backups may have expired since).
 */
export const REPOSITORY_STATE_STALE_AFTER_MS = 26 * hourMs;
/**
 * The installation's age is measured from its first backup run, and the recovery history starts
 * when the first full backup ends, which the freshness rule allows up to 26 h later. Without this
 * slack a new installation would turn red for up to a day when it reaches the window's length.
 */
export const RECOVERY_WINDOW_GRACE_MS = 26 * hourMs;
/**
 * A new installation queues its first full backup, dump, verification and restore drill at its
 * first start, one after the other (ops/schedule/first-backups.ts); on a new, nearly empty database
 * they take minutes. A check without a finished run is pending for at most this long after the
 * installation was set up, and failing afterwards.
 */
export const FIRST_RUNS_GRACE_MS = hourMs;

/**
 * Differential and incremental backups build on a full one. Requiring a successful full backup
 * within the PITR window plus one day keeps the chain short and means retention (by time, over
 * full backups) always has a full backup inside the window to keep.
 */
export function fullBackupMaxAgeMs(pitrWindowDays: number): number {
  return (pitrWindowDays + 1) * dayMs;
}

/** The kinds of backup run the rules look at. */
export type MonitoredRunKind = 'full' | 'diff' | 'incr' | 'dump' | 'verify' | 'drill';

export interface RunHistory {
  /** End of the newest successful run of the kind. */
  lastSucceededAt: Date | null;
  /** The newest finished run (one still running is not judged yet). */
  lastFinished: { finishedAt: Date; outcome: 'succeeded' | 'failed' } | null;
}

export interface ArchiverInput {
  /** pg_stat_archiver.last_archived_wal: a segment name, or a .history/.partial/.backup file. */
  lastArchivedWal: string | null;
  lastArchivedAt: Date | null;
  lastFailedAt: Date | null;
  failedCount: number;
  /**
   * pg_walfile_name(pg_current_wal_lsn()): the segment holding the newest WAL written (right after
   * a segment switch, the segment just finished). Null while the server is in recovery.
   */
  currentWalFile: string | null;
}

export interface BackupHealthInput {
  /** `external` (DATABASE_URL): the provider does PITR, so only the dump is judged. */
  physicalBackups: 'managed' | 'external';
  /** PITR_WINDOW_DAYS. */
  pitrWindowDays: number;
  runs: Record<MonitoredRunKind, RunHistory>;
  /** Start of the first backup run ever recorded: how long the installation has been backing up. */
  firstRunStartedAt: Date | null;
  /**
   * When the installation's database was set up (its first migration), from which the first runs
   * are due. Null when unknown: nothing is pending then.
   */
  installedAt: Date | null;
  /** What ops last recorded about the pgBackRest repository; null when it never has. */
  repository: { observedAt: Date; oldestRecoveryPoint: Date | null } | null;
  /** Null when not read (external) or unreadable, which counts as not working for `managed`. */
  archiver: ArchiverInput | null;
}

export interface BackupHealth {
  /** `failing` when any check fails, else `pending` when any is pending, else `ok`. */
  overall: BackupCheckState;
  /** In the order of backupCheckCodes. */
  checks: BackupCheck[];
  archiver: { isFailing: boolean; lagSeconds: number | null } | null;
}

export function evaluateBackupHealth(input: BackupHealthInput, now: Date): BackupHealth {
  const nowMs = now.getTime();
  const { runs } = input;
  const isFirstRunDue = (histories: readonly RunHistory[]) =>
    isYoung(input, FIRST_RUNS_GRACE_MS, nowMs) && histories.every((item) => item.lastFinished === null);
  const dump = makeCheck(
    'dump_fresh',
    judge(isWithin(runs.dump.lastSucceededAt, DUMP_STALE_AFTER_MS, nowMs), isFirstRunDue([runs.dump])),
    runs.dump.lastSucceededAt,
  );
  if (input.physicalBackups === 'external') {
    return { overall: overallOf([dump]), checks: [dump], archiver: null };
  }

  const physicalRuns = [runs.full, runs.diff, runs.incr];
  const newestPhysical = newest(physicalRuns.map((item) => item.lastSucceededAt));
  const isPhysicalFresh =
    isWithin(newestPhysical, BACKUP_STALE_AFTER_MS, nowMs) && isWithin(runs.full.lastSucceededAt, fullBackupMaxAgeMs(input.pitrWindowDays), nowMs);

  const archiver = input.archiver;
  const archiveWaitMs = archiver && archiveWaitMsOf(archiver, nowMs);
  const isArchiverFailing = archiver === null || isArchivingFailing(archiver);
  // Never archived while WAL waits (wait unknown) counts as lagging.
  const isLagging = archiver === null || archiveWaitMs === null || archiveWaitMs > ARCHIVE_LAG_LIMIT_MS;
  // Nothing tried yet on an installation younger than the lag limit: WAL cannot have waited that
  // long, and archive_timeout ships the first segment within 30 s.
  const isFirstArchivingDue =
    archiver !== null && archiver.lastArchivedAt === null && archiver.lastFailedAt === null && isYoung(input, ARCHIVE_LAG_LIMIT_MS, nowMs);

  const checks = [
    makeCheck('full_backup_fresh', judge(isPhysicalFresh, isFirstRunDue(physicalRuns)), newestPhysical),
    dump,
    makeCheck(
      'archiving_working',
      judge(!isArchiverFailing && !isFirstArchivingDue, isFirstArchivingDue),
      archiver && newest([archiver.lastArchivedAt, archiver.lastFailedAt]),
    ),
    makeCheck('archiving_not_lagging', judge(!isLagging, isFirstArchivingDue), archiver?.lastArchivedAt ?? null),
    judgeDailyRun('drill_passed', runs.drill, DRILL_STALE_AFTER_MS, isFirstRunDue([runs.drill]), nowMs),
    judgeDailyRun('verify_passed', runs.verify, VERIFY_STALE_AFTER_MS, isFirstRunDue([runs.verify]), nowMs),
    // The repository has nothing to cover before the first physical backup has finished.
    makeCheck('recovery_window_covered', judge(isRecoveryWindowCovered(input, nowMs), isFirstRunDue(physicalRuns)), input.repository?.observedAt ?? null),
  ];
  return {
    overall: overallOf(checks),
    checks,
    archiver: archiver && {
      isFailing: isArchiverFailing,
      lagSeconds: archiveWaitMs === null ? null : Math.floor(Math.max(0, archiveWaitMs) / 1000),
    },
  };
}

/** Passing is ok; otherwise pending while the first chance to run has not passed, else failing. */
function judge(isOk: boolean, isFirstRunDue: boolean): BackupCheckState {
  if (isOk) return 'ok';
  return isFirstRunDue ? 'pending' : 'failing';
}

function overallOf(checks: readonly BackupCheck[]): BackupCheckState {
  return combineStates(checks.map((item) => item.state));
}

/** The state of several checks together: failing when any fails, else pending when any is pending, else ok. */
export function combineStates(states: readonly BackupCheckState[]): BackupCheckState {
  if (states.includes('failing')) return 'failing';
  return states.includes('pending') ? 'pending' : 'ok';
}

function makeCheck(code: BackupCheckCode, state: BackupCheckState, observedAt: Date | null): BackupCheck {
  return { code, state, ok: state === 'ok', observedAt: observedAt?.toISOString() ?? null };
}

function isWithin(time: Date | null, maxAgeMs: number, nowMs: number): time is Date {
  return time !== null && nowMs - time.getTime() <= maxAgeMs;
}

/** The installation was set up at most `limitMs` ago. */
function isYoung(input: BackupHealthInput, limitMs: number, nowMs: number): boolean {
  return isWithin(input.installedAt, limitMs, nowMs);
}

/** The newest finished run succeeded, and a run succeeded recently enough. */
function judgeDailyRun(code: BackupCheckCode, history: RunHistory, maxAgeMs: number, isFirstRunDue: boolean, nowMs: number): BackupCheck {
  const isOk = history.lastFinished?.outcome === 'succeeded' && isWithin(history.lastSucceededAt, maxAgeMs, nowMs);
  return makeCheck(code, judge(isOk, isFirstRunDue), history.lastFinished?.finishedAt ?? null);
}

/**
 * Any moment of the last pitrWindowDays can be restored: a recent observation of the repository
 * shows an oldest recovery point at least that old, or the installation has not been backing up
 * that long (plus the grace).
 */
function isRecoveryWindowCovered(input: BackupHealthInput, nowMs: number): boolean {
  const { repository, firstRunStartedAt } = input;
  if (!repository || !isWithin(repository.observedAt, REPOSITORY_STATE_STALE_AFTER_MS, nowMs)) return false;
  const oldest = repository.oldestRecoveryPoint;
  if (oldest === null) return false;
  const windowMs = input.pitrWindowDays * dayMs;
  const isYoung = firstRunStartedAt !== null && nowMs - firstRunStartedAt.getTime() < windowMs + RECOVERY_WINDOW_GRACE_MS;
  return nowMs - oldest.getTime() >= windowMs || isYoung;
}

/** The newest attempt to archive failed: the last failure is newer than the last success. */
export function isArchivingFailing(archiver: ArchiverInput): boolean {
  if (archiver.lastFailedAt === null) return false;
  return archiver.lastArchivedAt === null || archiver.lastFailedAt.getTime() > archiver.lastArchivedAt.getTime();
}

/** WAL has been written after the last archived segment, so some waits to be archived. */
export function hasUnarchivedWal(archiver: ArchiverInput): boolean {
  if (archiver.currentWalFile === null) return false;
  if (archiver.lastArchivedWal === null) return true;
  return isWalFileNewer(archiver.currentWalFile, archiver.lastArchivedWal);
}

/** How long WAL has waited: since the last archiving while some waits, 0 when none does, null when nothing was ever archived. */
function archiveWaitMsOf(archiver: ArchiverInput, nowMs: number): number | null {
  if (!hasUnarchivedWal(archiver)) return 0;
  if (archiver.lastArchivedAt === null) return null;
  return nowMs - archiver.lastArchivedAt.getTime();
}

/**
 * WAL file names are TTTTTTTTXXXXXXXXYYYYYYYY: timeline, then the segment's position (fixed-width
 * hex, so it compares as text). A later position is newer; at the same position, so is a higher
 * timeline (a promotion continues the segment on the new timeline). Names that carry no position
 * (a timeline's .history file) count as older, so the time since archiving decides.
 */
export function isWalFileNewer(candidate: string, reference: string): boolean {
  const a = parseWalFileName(candidate);
  const b = parseWalFileName(reference);
  if (!a) return false;
  if (!b) return true;
  if (a.position !== b.position) return a.position > b.position;
  return a.timeline > b.timeline;
}

function parseWalFileName(name: string): { timeline: string; position: string } | undefined {
  const match = /^([0-9A-F]{8})([0-9A-F]{16})/i.exec(name);
  return match ? { timeline: match[1]!.toUpperCase(), position: match[2]!.toUpperCase() } : undefined;
}

function newest(times: readonly (Date | null)[]): Date | null {
  let result: Date | null = null;
  for (const time of times) if (time !== null && (result === null || time.getTime() > result.getTime())) result = time;
  return result;
}
