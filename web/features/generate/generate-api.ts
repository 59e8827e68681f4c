import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { generateResponseSchema, libraryComponentsResponseSchema, type GenerateRequest } from '../../../shared/schemas/library.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

/** The library changes only when an operator or the account's editors change it: kept for the visit. */
const libraryStaleTimeMs = 5 * 60 * 1000;

export function useLibraryComponents() {
  return useQuery({
    queryKey: ['library', 'components'],
    queryFn: () => apiRequest('GET', '/api/library/components', { schema: libraryComponentsResponseSchema }),
    staleTime: libraryStaleTimeMs,
  });
}

const generatePath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/generate`;

/**
 * What the request would create (a dry run, nothing written), asked again whenever the request
 * changes; the previous answer stays on screen meanwhile. Under the plan's key, so a change to the
 * plan asks again.
 */
export function useGeneratePreview(planId: string, request: Omit<GenerateRequest, 'dryRun'> | null) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'generate-preview', request],
    queryFn: () => apiRequest('POST', generatePath(planId), { body: { ...request, dryRun: true }, schema: generateResponseSchema }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

export function useGenerate(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: Omit<GenerateRequest, 'dryRun'>) => apiRequest('POST', generatePath(planId), { body: request, schema: generateResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
