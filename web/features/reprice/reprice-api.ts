import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { repriceCandidatesResponseSchema, repriceResponseSchema, type RepriceRequest } from '../../../shared/schemas/library.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

const repricePath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/reprice`;

/**
 * The plan's linked actions whose price or price year differs from their library item's as the
 * account sees it. Kept under the plan's key, so every change to the plan (an edit, a reprice,
 * an undo) asks again.
 */
export function useRepriceCandidates(planId: string) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'reprice'],
    queryFn: () => apiRequest('GET', repricePath(planId), { schema: repriceCandidatesResponseSchema }),
  });
}

/** Gives the chosen linked actions (absent: every one) their item's price and price year, as one change set. */
export function useReprice(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RepriceRequest) => apiRequest('POST', repricePath(planId), { body, schema: repriceResponseSchema }),
    // New prices move every figure of the plan.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
