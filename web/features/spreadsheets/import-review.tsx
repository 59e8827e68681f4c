import { useId, type ReactNode, type RefObject } from 'react';
import type { ImportReadingOf } from '../../../shared/schemas/spreadsheet.ts';
import { classNames } from '../../components/ui/class-names.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

interface ImportReviewProps<F extends string> {
  headingRef: RefObject<HTMLHeadingElement | null>;
  fileName: string;
  result: ImportReadingOf<F>;
  isBusy: boolean;
  fieldLabel: (field: F) => string;
  /** The field select of one column (the page owns the mapping). */
  mappingControl: (column: ImportReadingOf<F>['columns'][number]) => ReactNode;
  /** What a confirm would change, shown under the counts: each import's own. */
  children: ReactNode;
}

/** What a dry run found: counts, what a confirm would change, the column mapping, every error and a preview. */
export function ImportReview<F extends string>({ headingRef, fileName, result, isBusy, fieldLabel, mappingControl, children }: ImportReviewProps<F>) {
  const { t } = useTranslation();
  const previewTitleId = useId();
  const errorsByCell = new Map(
    result.errors.filter((error) => error.columnIndex !== null).map((error) => [`${error.row}:${error.columnIndex}`, error.message]),
  );
  return (
    <section className="import-review" aria-busy={isBusy || undefined}>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('spreadsheets.import.review_title', { name: fileName })}
      </h2>
      <p className="import-review__counts">
        {t('spreadsheets.import.counts', { rows: result.rowCount, valid: result.validRowCount, errors: result.errorCount })}
      </p>
      {children}

      <h3>{t('spreadsheets.import.mapping_title')}</h3>
      <p className="page__lead">{t('spreadsheets.import.mapping_lead')}</p>
      <div className="table-scroll">
        <table className="table import-mapping">
          <thead>
            <tr>
              <th scope="col">{t('spreadsheets.import.mapping_column')}</th>
              <th scope="col">{t('spreadsheets.import.mapping_field')}</th>
            </tr>
          </thead>
          <tbody>
            {result.columns.map((column) => (
              <tr key={column.index}>
                <th scope="row">{column.header || t('spreadsheets.import.no_header')}</th>
                <td>{mappingControl(column)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('spreadsheets.import.errors_title')}</h3>
      {result.errorCount === 0 ? (
        <p className="import-review__ok">{t('spreadsheets.import.no_errors')}</p>
      ) : (
        <>
          <p>{t('spreadsheets.import.errors_lead')}</p>
          <div className="table-scroll import-errors">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('spreadsheets.import.errors_row')}</th>
                  <th scope="col">{t('spreadsheets.import.errors_column')}</th>
                  <th scope="col">{t('spreadsheets.import.errors_message')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((error) => (
                  <tr key={`${error.row}:${error.columnIndex ?? error.field}:${error.code}`}>
                    <td className="table__number">{error.row}</td>
                    <td>{error.column}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.errorCount > result.errors.length && <p>{t('spreadsheets.import.errors_more', { count: result.errorCount - result.errors.length })}</p>}
        </>
      )}

      {result.preview.length > 0 && (
        <>
          <h3 id={previewTitleId}>{t('spreadsheets.import.preview_title')}</h3>
          <p className="page__lead">{t('spreadsheets.import.preview_lead', { count: result.preview.length })}</p>
          {/* Focusable, so a keyboard can scroll the columns the ID column pushes past the edge. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={previewTitleId}>
            <table className="table import-preview">
              <thead>
                <tr>
                  <th scope="col">{t('spreadsheets.import.preview_row')}</th>
                  {result.columns.map((column) => (
                    <th scope="col" key={column.index} className={classNames(column.field === null && 'import-preview__ignored')}>
                      {column.field ? fieldLabel(column.field) : column.header || t('spreadsheets.import.no_header')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.preview.map((row) => (
                  <tr key={row.row}>
                    <th scope="row" className="table__number">
                      {row.row}
                    </th>
                    {row.cells.map((cell, index) => {
                      const message = errorsByCell.get(`${row.row}:${index}`);
                      return (
                        <td
                          key={index}
                          className={classNames(message && 'import-preview__cell--error', result.columns[index]?.field === null && 'import-preview__ignored')}
                        >
                          {cell}
                          {message && <span className="import-preview__error">{t('spreadsheets.import.cell_error', { message })}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
