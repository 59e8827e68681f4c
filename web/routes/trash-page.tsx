import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { TrashList } from '../features/trash/trash-list.tsx';
import { Alert } from '../components/ui/alert.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The account's trash: what was deleted, by whom, until when it can be restored. */
export function TrashPage() {
  const { t } = useTranslation();
  usePageTitle(t('trash.title'));
  const membership = useCurrentMembership();
  return (
    <>
      <h1>{t('trash.title')}</h1>
      {membership.role === 'viewer' ? <Alert tone="info">{t('trash.editors_only')}</Alert> : <TrashList accountId={membership.accountId} />}
    </>
  );
}
