import { describe, expect, it } from 'vitest';
import type { BackupCheckState, BackupStatus } from '../../shared/schemas/operations.ts';
import { formatStatus } from './status.ts';

function statusWith(overall: BackupCheckState, states: Record<string, BackupCheckState>): BackupStatus {
  return {
    generatedAt: '2026-11-27T08:30:00.000Z',
    overall,
    physicalBackups: 'managed',
    repositoryType: 'posix',
    recoveryWindow: { oldest: '2026-11-27T08:27:08.000Z', newest: '2026-11-27T08:28:59.493Z', targetDays: 7 },
    lastRuns: {
      full: { startedAt: '2026-11-27T08:28:28.000Z', finishedAt: '2026-11-27T08:28:31.480Z', outcome: 'succeeded', sizeBytes: 1000, message: 'full backup' },
      diff: null,
      dump: { startedAt: '2026-11-27T08:27:00.000Z', finishedAt: null, outcome: 'running', sizeBytes: null, message: null },
      check: null,
      verify: null,
      drill: { startedAt: '2026-11-27T08:29:00.000Z', finishedAt: '2026-11-27T08:29:03.442Z', outcome: 'failed', sizeBytes: null, message: 'no backup' },
    },
    archiver: { lastArchivedAt: '2026-11-27T08:28:59.493Z', lastFailedAt: null, failedCount: 0, isFailing: false, lagSeconds: 7 },
    cluster: null,
    checks: Object.entries(states).map(([code, state]) => ({
      code: code as BackupStatus['checks'][number]['code'],
      state,
      ok: state === 'ok',
      observedAt: null,
    })),
  };
}

describe('ops status (text)', () => {
  it('prints the overall state, the newest runs, the archiver and every check with its state', () => {
    const text = formatStatus(statusWith('failing', { full_backup_fresh: 'ok', dump_fresh: 'pending', drill_passed: 'failing' }));
    expect(text.split('\n')).toEqual([
      'Overall: FAILING',
      'Recovery window: 2026-11-27T08:27:08.000Z → 2026-11-27T08:28:59.493Z (target 7 days)',
      'Last full: succeeded at 2026-11-27T08:28:31.480Z (full backup)',
      'Last diff: never',
      'Last dump: running at 2026-11-27T08:27:00.000Z',
      'Last check: never',
      'Last verify: never',
      'Last drill: failed at 2026-11-27T08:29:03.442Z (no backup)',
      'Archiver: last archived 2026-11-27T08:28:59.493Z, 0 failures, lag 7 s',
      '     ok  full_backup_fresh',
      'pending  dump_fresh',
      '   FAIL  drill_passed',
      'Pending: waiting for the first runs, which a new installation starts by itself right after its first start; nothing to do but wait.',
      '',
    ]);
  });

  it('says PENDING, not FAILING, while checks wait for their first run', () => {
    const text = formatStatus(statusWith('pending', { full_backup_fresh: 'ok', verify_passed: 'pending', drill_passed: 'pending' }));
    expect(text).toMatch(/^Overall: PENDING\n/);
    expect(text).not.toContain('FAIL');
    expect(text).toContain('pending  verify_passed\npending  drill_passed\nPending: waiting for the first runs');
  });

  it('adds no pending note when every check is ok', () => {
    const text = formatStatus(statusWith('ok', { full_backup_fresh: 'ok', dump_fresh: 'ok' }));
    expect(text).toMatch(/^Overall: OK\n/);
    expect(text).toMatch(/ {5}ok {2}dump_fresh\n$/);
  });

  it('shows a replicated cluster after the archiver: the leader, then each replica with its state, synchronous or not, and lag', () => {
    const status: BackupStatus = {
      ...statusWith('failing', { dump_fresh: 'ok', replicas_present: 'failing', replicas_not_lagging: 'failing', synchronous_replica: 'ok' }),
      cluster: {
        leader: { name: 'n1' },
        expectedReplicas: 3,
        replicas: [
          { name: 'n2', address: '127.0.0.1', state: 'streaming', synchronous: true, lagBytes: 0 },
          { name: 'n3', address: '127.0.0.1', state: 'catchup', synchronous: false, lagBytes: null },
        ],
      },
    };
    expect(formatStatus(status).split('\n').slice(8)).toEqual([
      'Archiver: last archived 2026-11-27T08:28:59.493Z, 0 failures, lag 7 s',
      'Cluster: leader n1, 2 of 3 replicas connected',
      'Replica n2: streaming, synchronous, lag 0 bytes',
      'Replica n3: catchup, asynchronous, lag unknown',
      '     ok  dump_fresh',
      '   FAIL  replicas_present',
      '   FAIL  replicas_not_lagging',
      '     ok  synchronous_replica',
      '',
    ]);
  });
});
