import { useSession } from '../features/auth/session.ts';
import { BackupStatusOverview } from '../features/operations/backup-status-overview.tsx';
import { OperatorsOnlyNotice } from '../features/operations/operators-only-notice.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Backups, recovery window and archiving of the whole installation, for its operators. */
export function OperationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('operations.title'));
  const { isOperator } = useSession();
  return (
    <>
      <h1>{t('operations.title')}</h1>
      <p className="page__lead">{t('operations.lead')}</p>
      {isOperator ? <BackupStatusOverview /> : <OperatorsOnlyNotice />}
    </>
  );
}
