import { lazy, Suspense } from 'react';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useActionHistory } from './history-api.ts';

// The words for every field load with the first history shown, keeping the main chunk under the build's 500 kB warning.
const ActionHistoryList = lazy(() => import('./action-history-list.tsx').then((module) => ({ default: module.ActionHistoryList })));

interface ActionChangeHistoryProps {
  planId: string;
  propertyId: string;
  actionId: string;
}

/** The action page's "Ändringshistorik": every recorded change of the action, newest first. */
export function ActionChangeHistory({ planId, propertyId, actionId }: ActionChangeHistoryProps) {
  const { t } = useTranslation();
  const history = useActionHistory(planId, actionId);
  return (
    <section className="section" aria-labelledby="action-change-history-title">
      <h2 id="action-change-history-title">{t('history.action_title')}</h2>
      {history.isPending && <Spinner label={t('loading')} />}
      {history.isError && <QueryLoadError query={history} />}
      {history.isSuccess &&
        (history.data.length === 0 ? (
          <p className="muted">{t('history.action_empty')}</p>
        ) : (
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <ActionHistoryList propertyId={propertyId} entries={history.data} />
          </Suspense>
        ))}
    </section>
  );
}
