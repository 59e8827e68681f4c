import type { BackupCheckCode, BackupRunSummary, BackupStatus, ReportedRunKind } from '../../../shared/schemas/operations.ts';
import { formatBytes } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { StatusBadge, type StatusTone } from './status-badge.tsx';
import { Timestamp } from './timestamp.tsx';

interface RunRow {
  kind: ReportedRunKind;
  /** The check that judges this kind of run; without one, the newest run's own outcome is shown. */
  check?: BackupCheckCode;
}

const managedRows: readonly RunRow[] = [
  { kind: 'full', check: 'full_backup_fresh' },
  { kind: 'diff' },
  { kind: 'dump', check: 'dump_fresh' },
  { kind: 'drill', check: 'drill_passed' },
  { kind: 'verify', check: 'verify_passed' },
  { kind: 'check' },
];
/** With an external database only the dump is ours. */
const externalRows: readonly RunRow[] = [{ kind: 'dump', check: 'dump_fresh' }];

/** Longer tool output goes behind a disclosure so the table stays readable. */
const inlineMessageLength = 160;

const outcomeTones: Record<BackupRunSummary['outcome'], StatusTone> = { succeeded: 'ok', failed: 'failing', running: 'running' };

export function BackupRunTable({ status }: { status: BackupStatus }) {
  const { t, language } = useTranslation();
  const rows = status.physicalBackups === 'managed' ? managedRows : externalRows;

  function toneOf(row: RunRow, run: BackupRunSummary | null): StatusTone {
    const check = row.check && status.checks.find((item) => item.code === row.check);
    // A pending check's first run may be under way already.
    if (check && !(check.state === 'pending' && run?.outcome === 'running')) return check.state;
    return run ? outcomeTones[run.outcome] : 'none';
  }

  return (
    <div className="table-scroll">
      <table className="table runs-table">
        <thead>
          <tr>
            <th scope="col">{t('operations.column.job')}</th>
            <th scope="col">{t('operations.column.status')}</th>
            <th scope="col">{t('operations.column.last_run')}</th>
            <th scope="col">{t('operations.column.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const run = status.lastRuns[row.kind];
            return (
              <tr key={row.kind}>
                <th scope="row">{t(`operations.run.${row.kind}`)}</th>
                <td>
                  <StatusBadge tone={toneOf(row, run)} />
                </td>
                <td>
                  {run ? (
                    <>
                      {t(`operations.outcome.${run.outcome}`)}{' '}
                      <Timestamp value={run.outcome === 'running' ? run.startedAt : (run.finishedAt ?? run.startedAt)} now={status.generatedAt} />
                    </>
                  ) : (
                    <span className="muted">{t('operations.status.none')}</span>
                  )}
                </td>
                <td>
                  {run?.sizeBytes != null && <p className="run-detail">{t('operations.size', { size: formatBytes(run.sizeBytes, language) })}</p>}
                  {run?.message && <RunMessage message={run.message} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RunMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  if (message.length <= inlineMessageLength && !message.includes('\n')) return <p className="run-detail run-message">{message}</p>;
  return (
    <details className="run-detail">
      <summary>{t('operations.show_message')}</summary>
      <pre className="run-message">{message}</pre>
    </details>
  );
}
