import { useMemo } from 'react';
import { Link } from 'react-router';
import type { PlanHistoryEntry } from '../../../shared/schemas/history.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Button } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSession } from '../auth/session.ts';
import { useMembers } from '../members/members-api.ts';
import { planPath } from '../plan-core/plan-route-params.ts';
import { usePlanHistory } from './history-api.ts';
import { HistoryEntryItem } from './history-entry-item.tsx';
import { hasHistoryFilters } from './history-filters.ts';
import { HistoryFiltersBar } from './history-filters-bar.tsx';
import { useChangeWords } from './use-change-words.ts';
import { useHistoryFilters } from './use-history-filters.ts';

interface PlanHistoryProps {
  accountId: string;
  plan: Plan;
  /** The plan's actions now, so an entry links to its action while it exists; undefined while they load. */
  existingActionIds: ReadonlySet<string> | undefined;
  /** Only admins may list the account's members; others choose among the people in the entries. */
  canListMembers: boolean;
}

/** The plan's "Historik" tab: every change to its actions and settings, newest first, with filters and paging. */
export function PlanHistory({ accountId, plan, existingActionIds, canListMembers }: PlanHistoryProps) {
  const { t } = useTranslation();
  const { filters, changeFilters, clearFilters } = useHistoryFilters();
  const history = usePlanHistory(plan.id, filters);
  const words = useChangeWords(plan.propertyId);
  const entries = useMemo(() => history.data?.pages.flatMap((page) => page.items) ?? [], [history.data]);
  const people = usePeople(accountId, canListMembers, entries);
  const isFiltered = hasHistoryFilters(filters);

  function subjectOf(entry: PlanHistoryEntry) {
    if (entry.actionId === null) return t('history.plan_settings');
    if (existingActionIds?.has(entry.actionId))
      return <Link to={`${planPath(accountId, plan.id)}/actions/${encodeURIComponent(entry.actionId)}`}>{entry.actionName}</Link>;
    return entry.actionName;
  }

  return (
    <section className="history" aria-labelledby="plan-history-title">
      <h2 id="plan-history-title">{t('history.plan_title')}</h2>
      <p className="muted">{t('history.plan_lead')}</p>
      {(isFiltered || entries.length > 0) && <HistoryFiltersBar filters={filters} people={people} onChange={changeFilters} onClear={clearFilters} />}
      {history.isPending && <Spinner label={t('loading')} />}
      {history.isError && <QueryLoadError query={history} />}
      {history.isSuccess &&
        (entries.length === 0 ? (
          isFiltered ? (
            <p className="history__no-matches" role="status">
              {t('history.no_matches')}
            </p>
          ) : (
            <EmptyState title={t('history.plan_empty_title')}>
              <p>{t('history.plan_empty')}</p>
            </EmptyState>
          )
        ) : (
          <ol className="history-list">
            {entries.map((entry, index) => (
              <HistoryEntryItem
                key={`${entry.at}-${index}`}
                entry={entry}
                isPlanSettings={entry.actionId === null}
                words={words}
                subject={subjectOf(entry)}
                note={entry.changeSetId === null ? undefined : t('history.change_set', { id: entry.changeSetId.slice(0, 8) })}
              />
            ))}
          </ol>
        ))}
      {history.hasNextPage && (
        <Button isPending={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t('history.show_more')}
        </Button>
      )}
    </section>
  );
}

/** The account's members (admins can read them), and anyone else who appears in the entries (a former member), by name. */
function usePeople(accountId: string, canListMembers: boolean, entries: readonly PlanHistoryEntry[]) {
  const { user } = useSession();
  const members = useMembers(accountId, { enabled: canListMembers });
  return useMemo(() => {
    const byId = new Map<string, string>([[user.id, user.name]]);
    for (const member of members.data?.members ?? []) byId.set(member.userId, member.name);
    for (const entry of entries) if (entry.user !== null && !byId.has(entry.user.id)) byId.set(entry.user.id, entry.user.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((first, second) => first.name.localeCompare(second.name));
  }, [user, members.data, entries]);
}
