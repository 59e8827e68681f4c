import { combineStates } from '../../../shared/backup-health.ts';
import type { ArchiverStatus, BackupStatus } from '../../../shared/schemas/operations.ts';
import { formatDuration } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { StatusBadge } from './status-badge.tsx';
import { Timestamp } from './timestamp.tsx';

/** PostgreSQL's continuous shipping of its transaction log to the repository: what makes PITR possible. */
export function ArchiverSection({ status, archiver }: { status: BackupStatus; archiver: ArchiverStatus }) {
  const { t, language } = useTranslation();
  const tone = combineStates(status.checks.filter((item) => item.code.startsWith('archiving_')).map((item) => item.state));
  return (
    <section className="section" aria-labelledby="archiver-title">
      <div className="section__header">
        <h2 id="archiver-title">{t('operations.archiver_title')}</h2>
        <StatusBadge tone={tone} />
      </div>
      <dl className="facts">
        <dt>{t('operations.archiver.last_archived')}</dt>
        <dd>{archiver.lastArchivedAt ? <Timestamp value={archiver.lastArchivedAt} now={status.generatedAt} /> : t('operations.never')}</dd>
        <dt>{t('operations.archiver.waiting')}</dt>
        <dd>
          {archiver.lagSeconds === null
            ? t('operations.archiver.waiting_unknown')
            : archiver.lagSeconds === 0
              ? t('operations.archiver.waiting_none')
              : t('operations.archiver.waiting_value', { duration: formatDuration(archiver.lagSeconds, language) })}
        </dd>
        <dt>{t('operations.archiver.failures')}</dt>
        <dd>{t('operations.archiver.failures_value', { count: archiver.failedCount })}</dd>
        <dt>{t('operations.archiver.last_failed')}</dt>
        <dd>{archiver.lastFailedAt ? <Timestamp value={archiver.lastFailedAt} now={status.generatedAt} /> : t('operations.never')}</dd>
      </dl>
    </section>
  );
}
