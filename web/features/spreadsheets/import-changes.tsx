import { useId } from 'react';
import type { ImportDryRunResponse, ImportField, ImportValue } from '../../../shared/schemas/spreadsheet.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { categoryName, statusName } from '../actions/action-labels.ts';

/**
 * What a confirm would do with the rows without errors: how many create, update and stay
 * unchanged, the rows that look like an action the plan has, and each update's fields from → to.
 */
export function ImportChanges({ result }: { result: ImportDryRunResponse }) {
  const { t, language } = useTranslation();
  const updatesTitleId = useId();
  const show = (field: ImportField, value: ImportValue) =>
    formatImportValue(field, value, language, { yes: t('spreadsheets.import.value_yes'), no: t('spreadsheets.import.value_no') });
  return (
    <>
      <p className="import-review__plan">
        {t('spreadsheets.import.plan_counts', { create: result.toCreate, update: result.toUpdate, unchanged: result.unchanged })}
      </p>

      {result.possibleDuplicates.length > 0 && (
        <div className="import-duplicates">
          <h3>{t('spreadsheets.import.duplicates_title', { count: result.possibleDuplicates.length })}</h3>
          <p>{t('spreadsheets.import.duplicates_lead')}</p>
          <ul>
            {result.possibleDuplicates.map((duplicate) => (
              <li key={duplicate.row}>
                {t('spreadsheets.import.duplicate', {
                  row: duplicate.row,
                  name: duplicate.name,
                  building: duplicate.building ?? t('spreadsheets.import.no_building'),
                  year: duplicate.year,
                  existing: duplicate.actionName,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.updates.length > 0 && (
        <>
          <h3 id={updatesTitleId}>{t('spreadsheets.import.updates_title')}</h3>
          <div className="table-scroll import-updates" tabIndex={0} role="region" aria-labelledby={updatesTitleId}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('spreadsheets.import.preview_row')}</th>
                  <th scope="col">{t('spreadsheets.field.name')}</th>
                  <th scope="col">{t('spreadsheets.import.updates_changes')}</th>
                </tr>
              </thead>
              <tbody>
                {result.updates.map((update) => {
                  const changes = Object.entries(update.changes) as [ImportField, { from: ImportValue; to: ImportValue }][];
                  return (
                    <tr key={update.row}>
                      <td className="table__number">{update.row}</td>
                      <td>{update.name}</td>
                      <td>
                        <span className="import-updates__count">{t('spreadsheets.import.changed_fields', { count: changes.length })}</span>
                        <ul className="import-updates__fields">
                          {changes.map(([field, change]) => (
                            <li key={field}>
                              {t('spreadsheets.import.change', {
                                field: t(`spreadsheets.field.${field}`),
                                from: show(field, change.from),
                                to: show(field, change.to),
                              })}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {result.toUpdate > result.updates.length && <p>{t('spreadsheets.import.updates_more', { count: result.toUpdate - result.updates.length })}</p>}
        </>
      )}
    </>
  );
}

/** A field's value as people read it: amounts and numbers in the language's format, codes as names, "–" for nothing. */
function formatImportValue(field: ImportField, value: ImportValue, language: Language, words: { yes: string; no: string }): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '–';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') {
    if (field === 'unitPrice') return formatAmount(value, language);
    return field === 'quantity' ? formatNumber(value, language, 6) : String(value);
  }
  if (field === 'category') return categoryName(value, language);
  if (field === 'status') return statusName(value, language);
  return value;
}
