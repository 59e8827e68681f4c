import { canWriteAccountWide, useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { LibrarySpreadsheetActions } from '../features/library/library-spreadsheet-actions.tsx';
import { LibraryScreen } from '../features/library/library-screen.tsx';
import { Alert } from '../components/ui/alert.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The account's component library: built-in and own items, with the own items' Excel round trip. */
export function LibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.title'));
  const membership = useCurrentMembership();
  const canEdit = canWriteAccountWide(membership);
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p className="page__lead">{t('library.lead')}</p>
      {canEdit ? (
        <LibrarySpreadsheetActions accountId={membership.accountId} />
      ) : (
        <Alert tone="info">{t(membership.role === 'viewer' ? 'library.viewer_note' : 'library.scoped_note')}</Alert>
      )}
      <LibraryScreen accountId={membership.accountId} canEdit={canEdit} />
    </>
  );
}
