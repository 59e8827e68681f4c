import { Link } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { canWriteAccountWide, useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { LibraryImport } from '../features/library/library-import.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Import the account's own library items from an .xlsx or .csv file (editors and admins). */
export function LibraryImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.import.title'));
  const membership = useCurrentMembership();
  const { accountId } = membership;
  const back = <Link to={`/accounts/${accountId}/library`}>{t('library.import.back')}</Link>;
  if (!canWriteAccountWide(membership)) {
    return (
      <EmptyState headingLevel={1} title={t('library.import.viewer_title')} action={back}>
        <p>{t(membership.role === 'viewer' ? 'library.import.viewer_text' : 'library.import.scoped_text')}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <h1>{t('library.import.title')}</h1>
      <p className="page__lead">{t('library.import.lead')}</p>
      <p>{back}</p>
      <LibraryImport accountId={accountId} />
    </>
  );
}
