import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { analysisResponseSchema } from '../../../shared/schemas/analysis.ts';
import { planSchema, plansResponseSchema, updatePlanResponseSchema, type CreatePlanRequest, type UpdatePlanRequest } from '../../../shared/schemas/plan.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';

/**
 * Everything about one plan (the plan, its actions, analysis, fund) lives under
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

/**
 * The plan's economic analysis as the server computes it (docs/product/cost-model.md § Plan analysis),
 * for figures read without the plan's actions: the start page's key figures of every plan. The
 * plan's own analysis page computes it in the browser from the actions instead.
 */
export function useAnalysis(planId: string, { vat, includeInvestments }: { vat: VatChoice; includeInvestments: boolean }) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'analysis', vat, includeInvestments],
    queryFn: () =>
      apiRequest('GET', `${path(planId)}/analysis?vat=${vat}&includeInvestments=${includeInvestments}`, {
        schema: analysisResponseSchema,
      }),
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
    // A roll-forward answers with its change set, which the notice that reports it can undo.
    mutationFn: (body: UpdatePlanRequest) => apiRequest('PATCH', path(planId), { body, schema: updatePlanResponseSchema }),
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
