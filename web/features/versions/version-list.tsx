import { useId } from 'react';
import type { Version } from '../../../shared/schemas/version.ts';
import { Button } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

interface VersionListProps {
  versions: readonly Version[];
  canEdit: boolean;
  onCompare: (version: Version) => void;
  onRestore: (version: Version) => void;
}

/** The saved versions, newest first, each with its total as saved (excluding VAT), to compare or restore. */
export function VersionList({ versions, canEdit, onCompare, onRestore }: VersionListProps) {
  const { t, language } = useTranslation();
  const headingId = useId();
  if (versions.length === 0) {
    return <EmptyState title={t('versions.empty_title')}>{canEdit ? t('versions.empty_text') : t('versions.empty_text_viewer')}</EmptyState>;
  }
  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('versions.list_title')}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
        <table className="table version-list">
          <thead>
            <tr>
              <th scope="col">{t('versions.column.name')}</th>
              <th scope="col">{t('versions.column.saved')}</th>
              <th scope="col">{t('versions.column.by')}</th>
              <th scope="col" className="analysis-table__amount">
                {t('versions.column.actions')}
              </th>
              <th scope="col" className="analysis-table__amount">
                {t('versions.column.total')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('versions.compare')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id}>
                <th scope="row">
                  {version.name}
                  {version.note !== '' && <p className="version-list__note">{version.note}</p>}
                </th>
                <td>{formatDateTime(version.createdAt, language)}</td>
                <td>{version.createdBy?.name ?? t('versions.deleted_user')}</td>
                <td className="analysis-table__amount">{version.actionCount}</td>
                <td className="analysis-table__amount">{formatAmount(version.total, language)}</td>
                <td className="version-list__buttons">
                  <Button variant="quiet" onClick={() => onCompare(version)} aria-label={`${t('versions.compare')}: ${version.name}`}>
                    {t('versions.compare')}
                  </Button>
                  {canEdit && (
                    <Button variant="quiet" onClick={() => onRestore(version)} aria-label={`${t('versions.restore')}: ${version.name}`}>
                      {t('versions.restore')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
