import { useState } from 'react';
import type { TrashItem } from '../../../shared/schemas/trash.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Announcement } from '../../components/ui/announcement.tsx';
import { Button } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { formatDate } from '../../lib/i18n/format-date.ts';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useRestoreTrashItem, useTrash } from './trash-api.ts';

/** The server's default (TRASH_RETENTION_DAYS); an installation that keeps items longer shows it in each item's purge date. */
const defaultRetentionDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

type Outcome = { tone: 'success'; name: string; id: number } | { tone: 'error'; error: unknown };

/** The account's trash: what was deleted, by whom and when, until when it can be restored, and a restore button for each. */
export function TrashList({ accountId }: { accountId: string }) {
  const { t, language } = useTranslation();
  const trash = useTrash(accountId);
  const restore = useRestoreTrashItem();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function handleRestore(item: TrashItem) {
    setOutcome(null);
    restore.mutate(item.id, {
      onSuccess: (restored) => setOutcome({ tone: 'success', name: restored.name, id: Date.now() }),
      onError: (error) => setOutcome({ tone: 'error', error }),
    });
  }

  if (trash.isPending) return <p>{t('loading')}</p>;
  if (trash.isError) return <QueryLoadError query={trash} />;
  const items = trash.data;
  const first = items[0];
  const days = first ? Math.round((Date.parse(first.purgeAt) - Date.parse(first.deletedAt)) / dayMs) : defaultRetentionDays;

  return (
    <>
      <p className="page__lead">{t('trash.intro', { days })}</p>
      {outcome?.tone === 'success' && <Announcement key={outcome.id} text={t('trash.restored', { name: outcome.name })} />}
      {outcome?.tone === 'error' && <Alert tone="error">{describeActionError(outcome.error, t, language)}</Alert>}
      {items.length === 0 ? (
        <EmptyState title={t('trash.empty_title')}>
          <p>{t('trash.empty_text', { days })}</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('trash.column.name')}</th>
                <th scope="col">{t('trash.column.kind')}</th>
                <th scope="col">{t('trash.column.deleted')}</th>
                <th scope="col">{t('trash.column.purge')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('trash.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="table__name">{item.name}</td>
                  <td>{t(`trash.kind.${item.kind}`)}</td>
                  <td>{t('trash.deleted_by', { when: formatDateTime(item.deletedAt, language), name: item.deletedBy.name })}</td>
                  <td>{formatDate(item.purgeAt, language)}</td>
                  <td className="table__actions">
                    <Button
                      aria-label={t('trash.restore_named', { name: item.name })}
                      isPending={restore.isPending && restore.variables === item.id}
                      onClick={() => handleRestore(item)}
                    >
                      {t('trash.restore')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
