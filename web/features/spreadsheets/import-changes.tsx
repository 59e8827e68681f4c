import { useId } from 'react';
import type { ImportField, ImportPossibleDuplicate, ImportValue } from '../../../shared/schemas/spreadsheet.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { categoryName, statusName } from '../actions/action-labels.ts';

/** What a dry run says a confirm would change, whatever the import's fields. */
interface ImportChangesResult<F extends string> {
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  updates: { row: number; name: string; changes: Partial<Record<F, { from: ImportValue; to: ImportValue }>> }[];
  possibleDuplicates?: ImportPossibleDuplicate[];
}

interface ImportChangesProps<F extends string> {
  result: ImportChangesResult<F>;
  fieldLabel: (field: F) => string;
  /** A field's value as people read it (see `formatImportValue`). */
  formatValue: (field: F, value: ImportValue) => string;
  /** What the rows update, in words: the plan's actions by default. */
  texts?: { updatesTitle: string; nameColumn: string; updatesMore: (count: number) => string };
}

/**
 * What a confirm would do with the rows without errors: how many create, update and stay
 * unchanged, the rows that look like an existing one, and each update's fields from → to.
 */
export function ImportChanges<F extends string>({ result, fieldLabel, formatValue, texts: givenTexts }: ImportChangesProps<F>) {
  const { t } = useTranslation();
  const texts = givenTexts ?? {
    updatesTitle: t('spreadsheets.import.updates_title'),
    nameColumn: t('spreadsheets.field.name'),
    updatesMore: (count: number) => t('spreadsheets.import.updates_more', { count }),
  };
  const updatesTitleId = useId();
  return (
    <>
      <p className="import-review__plan">
        {t('spreadsheets.import.plan_counts', { create: result.toCreate, update: result.toUpdate, unchanged: result.unchanged })}
      </p>

      {result.possibleDuplicates && result.possibleDuplicates.length > 0 && (
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
          <h3 id={updatesTitleId}>{texts.updatesTitle}</h3>
          <div className="table-scroll import-updates" tabIndex={0} role="region" aria-labelledby={updatesTitleId}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('spreadsheets.import.preview_row')}</th>
                  <th scope="col">{texts.nameColumn}</th>
                  <th scope="col">{t('spreadsheets.import.updates_changes')}</th>
                </tr>
              </thead>
              <tbody>
                {result.updates.map((update) => {
                  const changes = Object.entries(update.changes) as [F, { from: ImportValue; to: ImportValue }][];
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
                                field: fieldLabel(field),
                                from: formatValue(field, change.from),
                                to: formatValue(field, change.to),
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
          {result.toUpdate > result.updates.length && <p>{texts.updatesMore(result.toUpdate - result.updates.length)}</p>}
        </>
      )}
    </>
  );
}

/** A plan field's value as people read it: amounts and numbers in the language's format, codes as names, "–" for nothing. */
export function formatImportValue(field: ImportField, value: ImportValue, language: Language, words: { yes: string; no: string }): string {
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
