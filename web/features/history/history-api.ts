import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { actionHistorySchema, planHistoryPageSchema } from '../../../shared/schemas/history.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';
import { writeHistoryFilters, type HistoryFilters } from './history-filters.ts';

/** Entries per page of a plan's history (the API allows 1–200). */
const pageSize = 50;

/**
 * Every change of one action, newest first. Filed under the plan's queries beside the action
 * itself (`['plans', planId, 'action', actionId, …]`), so every change to the plan refreshes it and
 * deleting the action does not refetch it (web/features/actions/actions-api.ts).
 */
export function useActionHistory(planId: string, actionId: string) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'action', actionId, 'history'],
    queryFn: () => apiRequest('GET', `/api/actions/${encodeURIComponent(actionId)}/history`, { schema: actionHistorySchema }),
  });
}

/** The plan's history, a page at a time (newest first), filtered as the URL says; under the plan's queries so every change refreshes it. */
export function usePlanHistory(planId: string, filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: [...planQueryKey(planId), 'history', filters],
    queryFn: ({ pageParam }) => {
      const query = writeHistoryFilters(new URLSearchParams({ limit: String(pageSize) }), filters);
      if (pageParam !== null) query.set('before', pageParam);
      return apiRequest('GET', `/api/plans/${encodeURIComponent(planId)}/history?${query.toString()}`, { schema: planHistoryPageSchema });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
}
