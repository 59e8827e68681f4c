import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  restoreVersionResponseSchema,
  versionDiffResponseSchema,
  versionSchema,
  versionsResponseSchema,
  type CreateVersionRequest,
} from '../../../shared/schemas/version.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';
import { planQueryKey, propertyPlansQueryKey } from '../plan-core/plans-api.ts';

/** Under the plan's key: a restore or any change of the plan refreshes the versions' comparisons too. */
const versionsQueryKey = (planId: string) => [...planQueryKey(planId), 'versions'] as const;
const path = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/versions`;

/** `current`: the plan today. */
export type Comparison = { versionId: string; against: 'current' | string; vat: VatChoice };

export function useVersions(planId: string) {
  return useQuery({
    queryKey: versionsQueryKey(planId),
    queryFn: () => apiRequest('GET', path(planId), { schema: versionsResponseSchema }),
  });
}

export function useVersionDiff(planId: string, comparison: Comparison | null) {
  return useQuery({
    queryKey: [...versionsQueryKey(planId), 'diff', comparison?.versionId, comparison?.against, comparison?.vat],
    queryFn: () =>
      apiRequest(
        'GET',
        `${path(planId)}/${encodeURIComponent(comparison!.versionId)}/diff?against=${encodeURIComponent(comparison!.against)}&vat=${comparison!.vat}`,
        {
          schema: versionDiffResponseSchema,
        },
      ),
    enabled: comparison !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCreateVersion(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVersionRequest) => apiRequest('POST', path(planId), { body, schema: versionSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionsQueryKey(planId) }),
  });
}

/** Every view of the plan changes (settings, actions, figures), and so may its name in the property's list. */
export function useRestoreVersion(planId: string, propertyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => apiRequest('POST', `${path(planId)}/${encodeURIComponent(versionId)}/restore`, { schema: restoreVersionResponseSchema }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
        queryClient.invalidateQueries({ queryKey: propertyPlansQueryKey(propertyId) }),
      ]),
  });
}
