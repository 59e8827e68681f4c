import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useActionHistory } from './history-api.ts';
import { HistoryEntryItem } from './history-entry-item.tsx';
import { useChangeWords } from './use-change-words.ts';

interface ActionChangeHistoryProps {
  planId: string;
  propertyId: string;
  actionId: string;
}

/** The action page's "Ändringshistorik": every recorded change of the action, newest first. */
export function ActionChangeHistory({ planId, propertyId, actionId }: ActionChangeHistoryProps) {
  const { t } = useTranslation();
  const history = useActionHistory(planId, actionId);
  const words = useChangeWords(propertyId);
  return (
    <section className="section" aria-labelledby="action-change-history-title">
      <h2 id="action-change-history-title">{t('history.action_title')}</h2>
      {history.isPending && <Spinner label={t('loading')} />}
      {history.isError && <QueryLoadError query={history} />}
      {history.isSuccess &&
        (history.data.length === 0 ? (
          <p className="muted">{t('history.action_empty')}</p>
        ) : (
          <ol className="history-list">
            {history.data.map((entry, index) => (
              <HistoryEntryItem key={`${entry.at}-${index}`} entry={entry} isPlanSettings={false} words={words} />
            ))}
          </ol>
        ))}
    </section>
  );
}
