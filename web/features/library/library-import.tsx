import { Link } from 'react-router';
import { libraryImportFields, type LibraryImportField } from '../../../shared/schemas/library-spreadsheet.ts';
import type { ImportValue } from '../../../shared/schemas/spreadsheet.ts';
import { Button } from '../../components/ui/button.tsx';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ImportChanges } from '../spreadsheets/import-changes.tsx';
import { SpreadsheetImport } from '../spreadsheets/spreadsheet-import.tsx';
import { useLibraryImport, useLibraryImportDryRun } from './library-import-api.ts';
import { libraryCategoryName } from './library-labels.ts';

/** The account library's import: the plan import's steps, mapping, errors and preview, with the library's fields. */
export function LibraryImport({ accountId }: { accountId: string }) {
  const { t, language } = useTranslation();
  const dryRun = useLibraryImportDryRun(accountId);
  const confirm = useLibraryImport(accountId);
  const fieldLabel = (field: LibraryImportField) => t(`library.field.${field}`);
  const formatValue = (field: LibraryImportField, value: ImportValue): string => {
    if (value === null || value === '') return '–';
    if (typeof value === 'number' && field === 'unitPrice') return formatAmount(value, language);
    if (typeof value === 'string' && field === 'category') return libraryCategoryName(value, language);
    if (typeof value === 'string' && field === 'kind' && (value === 'replace' || value === 'maintain' || value === 'inspect'))
      return t(`library.kind.${value}`);
    return String(value);
  };
  return (
    <SpreadsheetImport
      fields={libraryImportFields}
      fieldLabel={fieldLabel}
      checkFile={(upload) => dryRun.mutateAsync(upload)}
      importFile={(upload) => confirm.mutateAsync(upload)}
      changes={(result) => (
        <ImportChanges
          result={result}
          fieldLabel={fieldLabel}
          formatValue={formatValue}
          texts={{
            updatesTitle: t('library.import.updates_title'),
            nameColumn: t('library.field.name'),
            updatesMore: (count) => t('library.import.updates_more', { count }),
          }}
        />
      )}
      confirmLabel={(count) => t('library.import.confirm', { count })}
      importingText={(count) => t('library.import.importing', { count })}
      done={(outcome, heading, restart) => (
        <section className="import-result">
          <h2 ref={heading} tabIndex={-1}>
            {t('library.import.done_title', { count: outcome.created + outcome.updated + outcome.unchanged })}
          </h2>
          <p className="import-result__counts">
            {t('library.import.done_counts', { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged })}
          </p>
          <p>{t('library.import.done_text')}</p>
          <div className="import-actions">
            <Link className="button button--primary" to={`/accounts/${accountId}/library`}>
              {t('library.import.back')}
            </Link>
            <Button onClick={restart}>{t('spreadsheets.import.import_more')}</Button>
          </div>
        </section>
      )}
    />
  );
}
