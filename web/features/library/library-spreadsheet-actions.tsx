import { Link } from 'react-router';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { libraryExportPath } from './library-api.ts';

/**
 * The account's own items as a workbook and the import screen (editors: the routes are theirs). A
 * plain link for the export: the server answers with an attachment, so the page stays.
 */
export function LibrarySpreadsheetActions({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  return (
    <nav className="library-toolbar" aria-label={t('library.spreadsheet_label')}>
      <a className="button button--secondary" href={libraryExportPath(accountId)} download>
        {t('library.export')}
      </a>
      <Link className="button button--secondary" to={`/accounts/${accountId}/library/import`}>
        {t('library.import_link')}
      </Link>
    </nav>
  );
}
