import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createShareLinkResponseSchema, shareLinksResponseSchema, type CreateShareLinkRequest } from '../../../shared/schemas/share-link.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

const shareLinksQueryKey = (planId: string) => [...planQueryKey(planId), 'share-links'] as const;
const path = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/share-links`;

export function useShareLinks(planId: string) {
  return useQuery({ queryKey: shareLinksQueryKey(planId), queryFn: () => apiRequest('GET', path(planId), { schema: shareLinksResponseSchema }) });
}

/** The answer holds the link's url, the only time it is shown. */
export function useCreateShareLink(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareLinkRequest) => apiRequest('POST', path(planId), { body, schema: createShareLinkResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinksQueryKey(planId) }),
  });
}

export function useRevokeShareLink(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shareLinkId: string) => apiRequest('DELETE', `/api/share-links/${encodeURIComponent(shareLinkId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinksQueryKey(planId) }),
  });
}
