import type { BackupStatus } from '../../../shared/schemas/operations.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { StatusBadge } from './status-badge.tsx';
import { Timestamp } from './timestamp.tsx';

/** Which moments can be restored (managed cluster only; a provider shows its own). */
export function RecoveryWindowSection({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { oldest, newest, targetDays } = status.recoveryWindow;
  const check = status.checks.find((item) => item.code === 'recovery_window_covered');
  return (
    <section className="section" aria-labelledby="recovery-window-title">
      <div className="section__header">
        <h2 id="recovery-window-title">{t('operations.window_title')}</h2>
        {check && <StatusBadge tone={check.state} />}
      </div>
      <dl className="facts">
        <dt>{t('operations.window.oldest')}</dt>
        <dd>{oldest ? <Timestamp value={oldest} now={status.generatedAt} /> : t('operations.none_yet')}</dd>
        <dt>{t('operations.window.newest')}</dt>
        <dd>{newest ? <Timestamp value={newest} now={status.generatedAt} /> : t('operations.none_yet')}</dd>
        <dt>{t('operations.window.target')}</dt>
        <dd>{t('operations.window.target_value', { days: targetDays })}</dd>
        <dt>{t('operations.window.repository')}</dt>
        <dd>{status.repositoryType ? t(`operations.repository.${status.repositoryType}`) : t('operations.none_yet')}</dd>
      </dl>
    </section>
  );
}
