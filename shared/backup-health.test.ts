import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_LAG_LIMIT_MS,
  BACKUP_STALE_AFTER_MS,
  combineStates,
  DRILL_STALE_AFTER_MS,
  DUMP_STALE_AFTER_MS,
  evaluateBackupHealth,
  FIRST_RUNS_GRACE_MS,
  fullBackupMaxAgeMs,
  isArchivingFailing,
  isWalFileNewer,
  RECOVERY_WINDOW_GRACE_MS,
  REPOSITORY_STATE_STALE_AFTER_MS,
  VERIFY_STALE_AFTER_MS,
  type ArchiverInput,
  type BackupHealthInput,
  type RunHistory,
} from './backup-health.ts';
import type { BackupCheckCode } from './schemas/operations.ts';

const now = new Date('2026-03-10T12:00:00.000Z');
const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const ago = (ms: number) => new Date(now.getTime() - ms);
const iso = (ms: number) => ago(ms).toISOString();

const succeeded = (msAgo: number): RunHistory => ({ lastSucceededAt: ago(msAgo), lastFinished: { finishedAt: ago(msAgo), outcome: 'succeeded' } });
const never: RunHistory = { lastSucceededAt: null, lastFinished: null };

const healthyArchiver: ArchiverInput = {
  lastArchivedWal: '000000010000000A000000FF',
  lastArchivedAt: ago(30 * second),
  lastFailedAt: null,
  failedCount: 0,
  currentWalFile: '000000010000000B00000000',
};

/** A managed installation a month old where everything is fine. */
function healthyInput(): BackupHealthInput {
  return {
    physicalBackups: 'managed',
    pitrWindowDays: 7,
    runs: {
      full: succeeded(2 * hour),
      diff: never,
      incr: never,
      dump: succeeded(3 * hour),
      verify: succeeded(4 * hour),
      drill: succeeded(5 * hour),
    },
    firstRunStartedAt: ago(30 * day),
    installedAt: ago(30 * day),
    repository: { observedAt: ago(hour), oldestRecoveryPoint: ago(8 * day) },
    archiver: { ...healthyArchiver },
  };
}

function evaluate(change: (input: BackupHealthInput) => void = () => undefined) {
  const input = healthyInput();
  change(input);
  return evaluateBackupHealth(input, now);
}

function checkOf(code: BackupCheckCode, change: (input: BackupHealthInput) => void) {
  const result = evaluate(change);
  const found = result.checks.find((item) => item.code === code);
  if (!found) throw new Error(`no check ${code}`);
  return found;
}

const isOk = (code: BackupCheckCode, change: (input: BackupHealthInput) => void) => checkOf(code, change).ok;
const stateOf = (code: BackupCheckCode, change: (input: BackupHealthInput) => void) => checkOf(code, change).state;

describe('evaluateBackupHealth: the whole answer', () => {
  it('is green with every check, in the stable order, with the evidence times', () => {
    expect(evaluate()).toEqual({
      overall: 'ok',
      checks: [
        { code: 'full_backup_fresh', state: 'ok', ok: true, observedAt: iso(2 * hour) },
        { code: 'dump_fresh', state: 'ok', ok: true, observedAt: iso(3 * hour) },
        { code: 'archiving_working', state: 'ok', ok: true, observedAt: iso(30 * second) },
        { code: 'archiving_not_lagging', state: 'ok', ok: true, observedAt: iso(30 * second) },
        { code: 'drill_passed', state: 'ok', ok: true, observedAt: iso(5 * hour) },
        { code: 'verify_passed', state: 'ok', ok: true, observedAt: iso(4 * hour) },
        { code: 'recovery_window_covered', state: 'ok', ok: true, observedAt: iso(hour) },
      ],
      archiver: { isFailing: false, lagSeconds: 30 },
    });
  });

  it('is failing when any single check fails', () => {
    const result = evaluate((input) => {
      input.runs.drill = { lastSucceededAt: ago(2 * day), lastFinished: { finishedAt: ago(hour), outcome: 'failed' } };
    });
    expect(result.overall).toBe('failing');
    expect(result.checks.filter((item) => !item.ok).map((item) => item.code)).toEqual(['drill_passed']);
  });

  it('is all red on an installation where nothing has run and the first runs are overdue', () => {
    const result = evaluateBackupHealth(
      {
        physicalBackups: 'managed',
        pitrWindowDays: 7,
        runs: { full: never, diff: never, incr: never, dump: never, verify: never, drill: never },
        firstRunStartedAt: null,
        installedAt: ago(FIRST_RUNS_GRACE_MS + 1),
        repository: null,
        archiver: { lastArchivedWal: null, lastArchivedAt: null, lastFailedAt: null, failedCount: 0, currentWalFile: '000000010000000000000001' },
      },
      now,
    );
    expect(result).toEqual({
      overall: 'failing',
      checks: [
        { code: 'full_backup_fresh', state: 'failing', ok: false, observedAt: null },
        { code: 'dump_fresh', state: 'failing', ok: false, observedAt: null },
        { code: 'archiving_working', state: 'ok', ok: true, observedAt: null },
        { code: 'archiving_not_lagging', state: 'failing', ok: false, observedAt: null },
        { code: 'drill_passed', state: 'failing', ok: false, observedAt: null },
        { code: 'verify_passed', state: 'failing', ok: false, observedAt: null },
        { code: 'recovery_window_covered', state: 'failing', ok: false, observedAt: null },
      ],
      archiver: { isFailing: false, lagSeconds: null },
    });
  });

  it('judges only the dump for an external database (its provider does PITR)', () => {
    const broken = (input: BackupHealthInput) => {
      input.physicalBackups = 'external';
      input.runs.full = never;
      input.runs.drill = never;
      input.runs.verify = never;
      input.repository = null;
      input.archiver = null;
    };
    expect(evaluate(broken)).toEqual({
      overall: 'ok',
      checks: [{ code: 'dump_fresh', state: 'ok', ok: true, observedAt: iso(3 * hour) }],
      archiver: null,
    });
    const stale = evaluate((input) => {
      broken(input);
      input.runs.dump = succeeded(DUMP_STALE_AFTER_MS + 1);
    });
    expect(stale).toEqual({
      overall: 'failing',
      checks: [{ code: 'dump_fresh', state: 'failing', ok: false, observedAt: iso(DUMP_STALE_AFTER_MS + 1) }],
      archiver: null,
    });
  });
});

describe('full_backup_fresh', () => {
  it('uses 26 hours and PITR window + 1 day as its limits', () => {
    expect(BACKUP_STALE_AFTER_MS).toBe(26 * hour);
    expect(fullBackupMaxAgeMs(7)).toBe(8 * day);
    expect(fullBackupMaxAgeMs(4)).toBe(5 * day);
  });

  it('is fresh at exactly 26 hours and stale a millisecond later', () => {
    expect(isOk('full_backup_fresh', (input) => (input.runs.full = succeeded(26 * hour)))).toBe(true);
    expect(isOk('full_backup_fresh', (input) => (input.runs.full = succeeded(26 * hour + 1)))).toBe(false);
  });

  it('counts the newest successful physical backup of any type for freshness', () => {
    for (const kind of ['diff', 'incr'] as const) {
      const check = checkOf('full_backup_fresh', (input) => {
        input.runs.full = succeeded(3 * day);
        input.runs[kind] = succeeded(hour);
      });
      expect(check, kind).toEqual({ code: 'full_backup_fresh', state: 'ok', ok: true, observedAt: iso(hour) });
    }
    // An older diff does not hide a stale newest backup.
    expect(
      isOk('full_backup_fresh', (input) => {
        input.runs.full = succeeded(3 * day);
        input.runs.diff = succeeded(2 * day);
      }),
    ).toBe(false);
  });

  it('also needs a successful full backup within the PITR window plus one day', () => {
    const withFullAt = (msAgo: number) => (input: BackupHealthInput) => {
      input.runs.full = succeeded(msAgo);
      input.runs.incr = succeeded(hour);
    };
    expect(isOk('full_backup_fresh', withFullAt(8 * day))).toBe(true);
    expect(isOk('full_backup_fresh', withFullAt(8 * day + 1))).toBe(false);
    // The limit follows PITR_WINDOW_DAYS.
    expect(
      isOk('full_backup_fresh', (input) => {
        withFullAt(5 * day)(input);
        input.pitrWindowDays = 4;
      }),
    ).toBe(true);
    expect(
      isOk('full_backup_fresh', (input) => {
        withFullAt(5 * day + 1)(input);
        input.pitrWindowDays = 4;
      }),
    ).toBe(false);
    // Differentials without any full backup are not enough.
    expect(
      isOk('full_backup_fresh', (input) => {
        input.runs.full = never;
        input.runs.diff = succeeded(hour);
      }),
    ).toBe(false);
  });

  it('ignores failed and running backups: only successes count', () => {
    const check = checkOf('full_backup_fresh', (input) => {
      input.runs.full = { lastSucceededAt: ago(27 * hour), lastFinished: { finishedAt: ago(hour), outcome: 'failed' } };
    });
    expect(check).toEqual({ code: 'full_backup_fresh', state: 'failing', ok: false, observedAt: iso(27 * hour) });
    expect(
      isOk('full_backup_fresh', (input) => (input.runs.full = { lastSucceededAt: ago(2 * hour), lastFinished: { finishedAt: ago(hour), outcome: 'failed' } })),
    ).toBe(true);
  });

  it('is red when there never was a backup', () => {
    expect(checkOf('full_backup_fresh', (input) => (input.runs.full = never))).toEqual({
      code: 'full_backup_fresh',
      state: 'failing',
      ok: false,
      observedAt: null,
    });
  });
});

describe('dump_fresh', () => {
  it('is fresh at exactly 26 hours and stale a millisecond later', () => {
    expect(DUMP_STALE_AFTER_MS).toBe(26 * hour);
    expect(isOk('dump_fresh', (input) => (input.runs.dump = succeeded(26 * hour)))).toBe(true);
    expect(isOk('dump_fresh', (input) => (input.runs.dump = succeeded(26 * hour + 1)))).toBe(false);
  });

  it('counts only successful dumps', () => {
    expect(isOk('dump_fresh', (input) => (input.runs.dump = { lastSucceededAt: null, lastFinished: { finishedAt: ago(hour), outcome: 'failed' } }))).toBe(
      false,
    );
    expect(isOk('dump_fresh', (input) => (input.runs.dump = never))).toBe(false);
  });
});

describe.each([
  { code: 'drill_passed' as const, kind: 'drill' as const, limit: DRILL_STALE_AFTER_MS },
  { code: 'verify_passed' as const, kind: 'verify' as const, limit: VERIFY_STALE_AFTER_MS },
])('$code', ({ code, kind, limit }) => {
  it('allows 26 hours since the last success, not a millisecond more', () => {
    expect(limit).toBe(26 * hour);
    expect(checkOf(code, (input) => (input.runs[kind] = succeeded(26 * hour)))).toEqual({ code, state: 'ok', ok: true, observedAt: iso(26 * hour) });
    expect(checkOf(code, (input) => (input.runs[kind] = succeeded(26 * hour + 1)))).toEqual({
      code,
      state: 'failing',
      ok: false,
      observedAt: iso(26 * hour + 1),
    });
  });

  it('is red when the newest finished run failed, even right after an earlier success', () => {
    const check = checkOf(code, (input) => {
      input.runs[kind] = { lastSucceededAt: ago(2 * hour), lastFinished: { finishedAt: ago(hour), outcome: 'failed' } };
    });
    expect(check).toEqual({ code, state: 'failing', ok: false, observedAt: iso(hour) });
  });

  it('judges the newest finished run while another is still running', () => {
    // A running run is not in lastFinished; the last finished one succeeded an hour ago.
    expect(isOk(code, (input) => (input.runs[kind] = succeeded(hour)))).toBe(true);
  });

  it('is red when it never ran', () => {
    expect(checkOf(code, (input) => (input.runs[kind] = never))).toEqual({ code, state: 'failing', ok: false, observedAt: null });
  });
});

describe('archiving_working', () => {
  const withArchiver = (change: Partial<ArchiverInput>) => (input: BackupHealthInput) => {
    input.archiver = { ...healthyArchiver, ...change };
  };

  it('is red when the last failure is newer than the last success', () => {
    const result = evaluate(withArchiver({ lastArchivedAt: ago(10 * minute), lastFailedAt: ago(10 * minute - 1), failedCount: 3 }));
    expect(result.checks.find((item) => item.code === 'archiving_working')).toEqual({
      code: 'archiving_working',
      state: 'failing',
      ok: false,
      observedAt: iso(10 * minute - 1),
    });
    expect(result.archiver?.isFailing).toBe(true);
  });

  it('is green when the last success is as new as or newer than the last failure', () => {
    expect(isOk('archiving_working', withArchiver({ lastArchivedAt: ago(minute), lastFailedAt: ago(minute), failedCount: 1 }))).toBe(true);
    expect(isOk('archiving_working', withArchiver({ lastArchivedAt: ago(minute), lastFailedAt: ago(minute + 1), failedCount: 7 }))).toBe(true);
  });

  it('is red when archiving failed and never succeeded', () => {
    expect(isArchivingFailing({ ...healthyArchiver, lastArchivedAt: null, lastFailedAt: ago(hour) })).toBe(true);
    expect(isArchivingFailing({ ...healthyArchiver, lastArchivedAt: null, lastFailedAt: null })).toBe(false);
  });

  it('counts an unreadable archiver as not working', () => {
    const result = evaluate((input) => (input.archiver = null));
    expect(result.checks.filter((item) => item.code.startsWith('archiving_'))).toEqual([
      { code: 'archiving_working', state: 'failing', ok: false, observedAt: null },
      { code: 'archiving_not_lagging', state: 'failing', ok: false, observedAt: null },
    ]);
    expect(result.archiver).toBeNull();
  });
});

describe('archiving_not_lagging', () => {
  const waiting = (msSinceArchived: number) => (input: BackupHealthInput) => {
    input.archiver = { ...healthyArchiver, lastArchivedAt: ago(msSinceArchived) };
  };

  it('allows WAL to wait exactly 5 minutes, not a millisecond more', () => {
    expect(ARCHIVE_LAG_LIMIT_MS).toBe(5 * minute);
    const atLimit = evaluate(waiting(5 * minute));
    expect(atLimit.checks.find((item) => item.code === 'archiving_not_lagging')?.ok).toBe(true);
    expect(atLimit.archiver).toEqual({ isFailing: false, lagSeconds: 300 });
    const over = evaluate(waiting(5 * minute + 1));
    expect(over.checks.find((item) => item.code === 'archiving_not_lagging')).toEqual({
      code: 'archiving_not_lagging',
      state: 'failing',
      ok: false,
      observedAt: iso(5 * minute + 1),
    });
    expect(over.archiver).toEqual({ isFailing: false, lagSeconds: 300 });
  });

  it('is not lagging on an idle database: nothing written since the last archived segment', () => {
    const result = evaluate((input) => {
      input.archiver = { ...healthyArchiver, lastArchivedAt: ago(3 * day), currentWalFile: healthyArchiver.lastArchivedWal };
    });
    expect(result.checks.find((item) => item.code === 'archiving_not_lagging')?.ok).toBe(true);
    expect(result.archiver).toEqual({ isFailing: false, lagSeconds: 0 });
  });

  it('is lagging when WAL waits and nothing was ever archived', () => {
    const result = evaluate((input) => {
      input.archiver = { ...healthyArchiver, lastArchivedWal: null, lastArchivedAt: null };
    });
    expect(result.checks.find((item) => item.code === 'archiving_not_lagging')).toEqual({
      code: 'archiving_not_lagging',
      state: 'failing',
      ok: false,
      observedAt: null,
    });
    expect(result.archiver?.lagSeconds).toBeNull();
  });

  it('is not lagging while the server is in recovery (no current WAL position)', () => {
    expect(isOk('archiving_not_lagging', (input) => (input.archiver = { ...healthyArchiver, lastArchivedAt: ago(day), currentWalFile: null }))).toBe(true);
  });

  it('reports whole seconds and never a negative lag', () => {
    expect(evaluate(waiting(90 * second + 999)).archiver?.lagSeconds).toBe(90);
    expect(evaluate(waiting(-5 * second)).archiver?.lagSeconds).toBe(0);
  });
});

describe('isWalFileNewer', () => {
  it('orders by segment position, then timeline', () => {
    expect(isWalFileNewer('000000010000000A00000001', '000000010000000A00000000')).toBe(true);
    expect(isWalFileNewer('000000010000000B00000000', '000000010000000A000000FF')).toBe(true);
    expect(isWalFileNewer('000000010000000A00000000', '000000010000000A00000000')).toBe(false);
    expect(isWalFileNewer('000000010000000A00000000', '000000010000000A00000001')).toBe(false);
    expect(isWalFileNewer('000000020000000A00000005', '000000010000000A00000005')).toBe(true);
    // A lower timeline with a later position is still later WAL.
    expect(isWalFileNewer('000000010000000A00000006', '000000020000000A00000005')).toBe(true);
  });

  it('ignores case and the suffixes of .partial and .backup files', () => {
    expect(isWalFileNewer('000000010000000a00000002', '000000010000000A00000001')).toBe(true);
    expect(isWalFileNewer('000000020000000A00000005', '000000010000000A00000005.partial')).toBe(true);
    expect(isWalFileNewer('000000010000000A00000007', '000000010000000A00000007.00000028.backup')).toBe(false);
  });

  it('treats a position-less reference (.history) as older, so time decides', () => {
    expect(isWalFileNewer('000000020000000A00000005', '00000002.history')).toBe(true);
    expect(isWalFileNewer('garbage', '000000010000000A00000001')).toBe(false);
  });
});

describe('recovery_window_covered', () => {
  const withOldest =
    (msAgo: number, change: (input: BackupHealthInput) => void = () => undefined) =>
    (input: BackupHealthInput) => {
      input.repository = { observedAt: ago(hour), oldestRecoveryPoint: ago(msAgo) };
      change(input);
    };

  it('needs the oldest recovery point to be at least the window old', () => {
    expect(isOk('recovery_window_covered', withOldest(7 * day))).toBe(true);
    expect(isOk('recovery_window_covered', withOldest(7 * day - 1))).toBe(false);
    expect(
      isOk(
        'recovery_window_covered',
        withOldest(4 * day, (input) => (input.pitrWindowDays = 4)),
      ),
    ).toBe(true);
    expect(
      isOk(
        'recovery_window_covered',
        withOldest(4 * day - 1, (input) => (input.pitrWindowDays = 4)),
      ),
    ).toBe(false);
  });

  it('excuses an installation younger than the window plus the grace', () => {
    expect(RECOVERY_WINDOW_GRACE_MS).toBe(26 * hour);
    // The first full backup came a day after the first run: the window is a day short of 7 days.
    const young = (installedMsAgo: number) => withOldest(Math.min(installedMsAgo, 6 * day), (input) => (input.firstRunStartedAt = ago(installedMsAgo)));
    expect(isOk('recovery_window_covered', young(2 * day))).toBe(true);
    expect(isOk('recovery_window_covered', young(7 * day + 26 * hour - 1))).toBe(true);
    expect(isOk('recovery_window_covered', young(7 * day + 26 * hour))).toBe(false);
  });

  it('is red without a recovery point, even on a young installation', () => {
    const check = checkOf('recovery_window_covered', (input) => {
      input.firstRunStartedAt = ago(hour);
      input.repository = { observedAt: ago(minute), oldestRecoveryPoint: null };
    });
    expect(check).toEqual({ code: 'recovery_window_covered', state: 'failing', ok: false, observedAt: iso(minute) });
    expect(isOk('recovery_window_covered', (input) => (input.repository = null))).toBe(false);
  });

  it('trusts an observation of the repository for 26 hours, not a millisecond more', () => {
    expect(REPOSITORY_STATE_STALE_AFTER_MS).toBe(26 * hour);
    const observed = (msAgo: number) => (input: BackupHealthInput) => {
      input.repository = { observedAt: ago(msAgo), oldestRecoveryPoint: ago(8 * day) };
    };
    expect(checkOf('recovery_window_covered', observed(26 * hour))).toEqual({
      code: 'recovery_window_covered',
      state: 'ok',
      ok: true,
      observedAt: iso(26 * hour),
    });
    expect(isOk('recovery_window_covered', observed(26 * hour + 1))).toBe(false);
  });
});

describe('combineStates', () => {
  it('is failing when any is, else pending when any is, else ok', () => {
    expect(combineStates(['ok', 'pending', 'failing'])).toBe('failing');
    expect(combineStates(['ok', 'pending'])).toBe('pending');
    expect(combineStates(['ok', 'ok'])).toBe('ok');
    expect(combineStates([])).toBe('ok');
  });
});

describe('a new installation: pending until the first chance to run has passed', () => {
  const neverArchived: ArchiverInput = {
    lastArchivedWal: null,
    lastArchivedAt: null,
    lastFailedAt: null,
    failedCount: 0,
    currentWalFile: '000000010000000000000001',
  };

  /** Set up `installedMsAgo`, nothing run yet, nothing archived while WAL waits. */
  const fresh =
    (installedMsAgo: number, change: (input: BackupHealthInput) => void = () => undefined) =>
    (input: BackupHealthInput) => {
      input.runs = { full: never, diff: never, incr: never, dump: never, verify: never, drill: never };
      input.firstRunStartedAt = null;
      input.installedAt = ago(installedMsAgo);
      input.repository = null;
      input.archiver = { ...neverArchived };
      change(input);
    };
  const dueAndFailed = (msAgo: number): RunHistory => ({ lastSucceededAt: null, lastFinished: { finishedAt: ago(msAgo), outcome: 'failed' } });

  it('is pending, not failing, right after the first start', () => {
    expect(evaluate(fresh(minute))).toEqual({
      overall: 'pending',
      checks: [
        { code: 'full_backup_fresh', state: 'pending', ok: false, observedAt: null },
        { code: 'dump_fresh', state: 'pending', ok: false, observedAt: null },
        { code: 'archiving_working', state: 'pending', ok: false, observedAt: null },
        { code: 'archiving_not_lagging', state: 'pending', ok: false, observedAt: null },
        { code: 'drill_passed', state: 'pending', ok: false, observedAt: null },
        { code: 'verify_passed', state: 'pending', ok: false, observedAt: null },
        { code: 'recovery_window_covered', state: 'pending', ok: false, observedAt: null },
      ],
      archiver: { isFailing: false, lagSeconds: null },
    });
  });

  it('waits for the first runs exactly the grace after the installation was set up, not a millisecond more', () => {
    expect(FIRST_RUNS_GRACE_MS).toBe(hour);
    const archived = (input: BackupHealthInput) => (input.archiver = { ...healthyArchiver });
    const atLimit = evaluate(fresh(FIRST_RUNS_GRACE_MS, archived));
    expect(atLimit.overall).toBe('pending');
    expect(atLimit.checks.filter((item) => item.state === 'pending').map((item) => item.code)).toEqual([
      'full_backup_fresh',
      'dump_fresh',
      'drill_passed',
      'verify_passed',
      'recovery_window_covered',
    ]);
    const over = evaluate(fresh(FIRST_RUNS_GRACE_MS + 1, archived));
    expect(over.overall).toBe('failing');
    expect(over.checks.filter((item) => item.state === 'failing').map((item) => item.code)).toEqual([
      'full_backup_fresh',
      'dump_fresh',
      'drill_passed',
      'verify_passed',
      'recovery_window_covered',
    ]);
    expect(over.checks.some((item) => item.state === 'pending')).toBe(false);
  });

  it('is pending while a first run is still running: a running run is not a finished one', () => {
    // backup_runs holds a running full backup; RunHistory only carries finished runs.
    expect(stateOf('full_backup_fresh', fresh(10 * minute))).toBe('pending');
  });

  it('fails at once when a first run failed, however young the installation', () => {
    expect(
      stateOf(
        'dump_fresh',
        fresh(minute, (input) => (input.runs.dump = dueAndFailed(second))),
      ),
    ).toBe('failing');
    expect(
      stateOf(
        'drill_passed',
        fresh(minute, (input) => (input.runs.drill = dueAndFailed(second))),
      ),
    ).toBe('failing');
    expect(
      stateOf(
        'verify_passed',
        fresh(minute, (input) => (input.runs.verify = dueAndFailed(second))),
      ),
    ).toBe('failing');
    for (const kind of ['full', 'diff', 'incr'] as const) {
      const result = evaluate(fresh(minute, (input) => (input.runs[kind] = dueAndFailed(second))));
      // With a physical backup finished, the repository is judged too: nothing to restore from.
      expect(
        result.checks.filter((item) => item.state === 'failing').map((item) => item.code),
        kind,
      ).toEqual(['full_backup_fresh', 'recovery_window_covered']);
      expect(result.overall).toBe('failing');
    }
  });

  it('is failing overall when one check fails and others are pending', () => {
    const result = evaluate(fresh(minute, (input) => (input.runs.dump = dueAndFailed(second))));
    expect(result.overall).toBe('failing');
    expect(result.checks.find((item) => item.code === 'full_backup_fresh')?.state).toBe('pending');
  });

  it('is pending, not failing, after the first backup and dump while verification and drill have not run yet', () => {
    const result = evaluate(
      fresh(3 * minute, (input) => {
        input.runs.full = succeeded(minute);
        input.runs.dump = succeeded(minute);
        input.firstRunStartedAt = ago(2 * minute);
        input.repository = { observedAt: ago(minute), oldestRecoveryPoint: ago(2 * minute) };
        input.archiver = { ...healthyArchiver };
      }),
    );
    expect(result.overall).toBe('pending');
    expect(result.checks.map((item) => [item.code, item.state])).toEqual([
      ['full_backup_fresh', 'ok'],
      ['dump_fresh', 'ok'],
      ['archiving_working', 'ok'],
      ['archiving_not_lagging', 'ok'],
      ['drill_passed', 'pending'],
      ['verify_passed', 'pending'],
      ['recovery_window_covered', 'ok'],
    ]);
  });

  it('judges the recovery window once a physical backup has finished: unobserved is failing', () => {
    expect(
      stateOf(
        'recovery_window_covered',
        fresh(minute, (input) => (input.runs.full = succeeded(second))),
      ),
    ).toBe('failing');
  });

  it('gives archiving the lag limit after the installation was set up, not a millisecond more', () => {
    expect(stateOf('archiving_working', fresh(ARCHIVE_LAG_LIMIT_MS))).toBe('pending');
    expect(stateOf('archiving_not_lagging', fresh(ARCHIVE_LAG_LIMIT_MS))).toBe('pending');
    expect(checkOf('archiving_not_lagging', fresh(ARCHIVE_LAG_LIMIT_MS + 1))).toEqual({
      code: 'archiving_not_lagging',
      state: 'failing',
      ok: false,
      observedAt: null,
    });
    // Working means no attempt failed: with none made at all, as on an established installation.
    expect(stateOf('archiving_working', fresh(ARCHIVE_LAG_LIMIT_MS + 1))).toBe('ok');
    // A failed attempt is a finished one: failing at once.
    const failedAttempt = fresh(minute, (input) => (input.archiver = { ...neverArchived, lastFailedAt: ago(second), failedCount: 1 }));
    expect(stateOf('archiving_working', failedAttempt)).toBe('failing');
    expect(stateOf('archiving_not_lagging', failedAttempt)).toBe('failing');
    // An unreadable archiver is never pending.
    expect(
      stateOf(
        'archiving_not_lagging',
        fresh(minute, (input) => (input.archiver = null)),
      ),
    ).toBe('failing');
  });

  it('is never pending when the installation time is unknown', () => {
    const result = evaluate(fresh(minute, (input) => (input.installedAt = null)));
    expect(result.overall).toBe('failing');
    expect(result.checks.some((item) => item.state === 'pending')).toBe(false);
  });

  it('is pending for the dump of an external database', () => {
    const external = (input: BackupHealthInput) => {
      input.physicalBackups = 'external';
      input.archiver = null;
    };
    expect(evaluate(fresh(FIRST_RUNS_GRACE_MS, external))).toEqual({
      overall: 'pending',
      checks: [{ code: 'dump_fresh', state: 'pending', ok: false, observedAt: null }],
      archiver: null,
    });
    expect(evaluate(fresh(FIRST_RUNS_GRACE_MS + 1, external)).overall).toBe('failing');
  });
});
