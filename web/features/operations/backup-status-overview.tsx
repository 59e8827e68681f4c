import type { BackupStatus } from '../../../shared/schemas/operations.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { formatTimeOfDay } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ArchiverSection } from './archiver-section.tsx';
import { BackupRunTable } from './backup-run-table.tsx';
import { CheckList } from './check-list.tsx';
import { ClusterSection } from './cluster-section.tsx';
import { isForbidden, useBackupStatus } from './operations-api.ts';
import { OperatorsOnlyNotice } from './operators-only-notice.tsx';
import { RecoveryWindowSection } from './recovery-window-section.tsx';

/** The installation's backup status, refreshed by itself (operations-api.ts says how often). */
export function BackupStatusOverview() {
  const { t, language } = useTranslation();
  const query = useBackupStatus();

  if (query.isPending) return <Spinner label={t('loading')} />;
  if (query.isError && !query.data) {
    // Operator rights may have been taken away since `me` was loaded.
    if (isForbidden(query.error)) return <OperatorsOnlyNotice />;
    return <QueryLoadError query={query} />;
  }
  const status = query.data;
  const checkedAt = formatTimeOfDay(status.generatedAt, language);

  return (
    <>
      <div className="operations-toolbar">
        <p className="muted">{t('operations.checked_at', { time: checkedAt })}</p>
        {/* Not disabled while fetching: the automatic refresh must not take keyboard focus away from it. */}
        <Button onClick={() => void query.refetch()}>{t('operations.refresh')}</Button>
      </div>
      {query.isError && <Alert tone="error">{t('operations.refresh_failed', { time: checkedAt })}</Alert>}
      <OverallAlert status={status} />
      <section className="section" aria-labelledby="checks-title">
        <h2 id="checks-title">{t('operations.checks_title')}</h2>
        <CheckList status={status} />
      </section>
      {status.cluster && <ClusterSection status={status} cluster={status.cluster} />}
      {status.physicalBackups === 'managed' ? (
        <RecoveryWindowSection status={status} />
      ) : (
        <Alert tone="info">
          <p>{t('operations.external_database')}</p>
        </Alert>
      )}
      <section className="section" aria-labelledby="runs-title">
        <h2 id="runs-title">{t('operations.runs_title')}</h2>
        <BackupRunTable status={status} />
      </section>
      {status.archiver && <ArchiverSection status={status} archiver={status.archiver} />}
    </>
  );
}

/**
 * Green, red, or (a new installation whose first runs are under way) a calm note that nothing
 * needs doing: a page of red before the first backups would say the backups do not work.
 */
function OverallAlert({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const count = status.checks.filter((item) => item.state === status.overall).length;
  if (status.overall === 'ok') {
    return (
      <Alert tone="success" title={t('operations.overall_ok_title')}>
        <p>{t('operations.overall_ok_text')}</p>
      </Alert>
    );
  }
  if (status.overall === 'pending') {
    return (
      <Alert tone="info" title={t('operations.overall_pending_title')}>
        <p>{count === 1 ? t('operations.overall_pending_text.one') : t('operations.overall_pending_text.other', { count })}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="error" title={t('operations.overall_failing_title')}>
      <p>{count === 1 ? t('operations.overall_failing_text.one') : t('operations.overall_failing_text.other', { count })}</p>
    </Alert>
  );
}
