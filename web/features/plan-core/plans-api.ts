import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { planSchema, plansResponseSchema, type CreatePlanRequest, type UpdatePlanRequest } from '../../../shared/schemas/plan.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

/**
 * Everything about one plan (the plan, its actions, occurrences, analysis, fund) lives under
 * `['plans', planId]`, so one invalidation after a change refreshes every view of it.
 */
export const planQueryKey = (planId: string) => ['plans', planId] as const;
export const propertyPlansQueryKey = (propertyId: string) => ['properties', propertyId, 'plans'] as const;

const path = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;
const listPath = (propertyId: string) => `/api/properties/${encodeURIComponent(propertyId)}/plans`;

export function usePlans(propertyId: string) {
  return useQuery({
    queryKey: propertyPlansQueryKey(propertyId),
    queryFn: () => apiRequest('GET', listPath(propertyId), { schema: plansResponseSchema }),
  });
}

export function usePlan(planId: string) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'plan'],
    queryFn: () => apiRequest('GET', path(planId), { schema: planSchema }),
  });
}

export function useCreatePlan(propertyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanRequest) => apiRequest('POST', listPath(propertyId), { body, schema: planSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propertyPlansQueryKey(propertyId) }),
  });
}

/** Settings, fund assumptions or a new start year: every figure of the plan may change. */
export function useUpdatePlan(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlanRequest) => apiRequest('PATCH', path(planId), { body, schema: planSchema }),
    onSuccess: (plan) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
        queryClient.invalidateQueries({ queryKey: propertyPlansQueryKey(plan.propertyId) }),
      ]),
  });
}

export function useDeletePlan(propertyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => apiRequest('DELETE', path(planId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propertyPlansQueryKey(propertyId) }),
  });
}
