import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actionSchema,
  actionsResponseSchema,
  actionWithCompletionsSchema,
  bulkUpdateActionsResponseSchema,
  completeActionResponseSchema,
  type BulkUpdateActionsRequest,
  type CompleteActionRequest,
  type CreateActionRequest,
  type UpdateActionRequest,
} from '../../../shared/schemas/action.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

const planPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;
const actionPath = (actionId: string) => `/api/actions/${encodeURIComponent(actionId)}`;

/** Every action of the plan, by year, category, name (the API's order). */
export function useActions(planId: string) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'actions'],
    queryFn: () => apiRequest('GET', `${planPath(planId)}/actions`, { schema: actionsResponseSchema }),
  });
}

/** One action with its completion history; `planId` only files it under the plan's queries. */
export function useAction(planId: string, actionId: string) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'action', actionId],
    queryFn: () => apiRequest('GET', actionPath(actionId), { schema: actionWithCompletionsSchema }),
  });
}

/** Any change to an action can move every figure of its plan. */
function useRefreshPlan(planId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) });
}

export function useCreateAction(planId: string) {
  const refresh = useRefreshPlan(planId);
  return useMutation({
    mutationFn: (body: CreateActionRequest) => apiRequest('POST', `${planPath(planId)}/actions`, { body, schema: actionSchema }),
    onSuccess: refresh,
  });
}

export function useUpdateAction(planId: string) {
  const refresh = useRefreshPlan(planId);
  return useMutation({
    mutationFn: ({ actionId, changes }: { actionId: string; changes: UpdateActionRequest }) =>
      apiRequest('PATCH', actionPath(actionId), { body: changes, schema: actionSchema }),
    onSuccess: refresh,
  });
}

export function useDeleteAction(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (actionId: string) => apiRequest('DELETE', actionPath(actionId)),
    // Everything of the plan but the deleted action itself: refetching it would only answer 404
    // while its page is still open.
    onSuccess: (_answer, actionId) =>
      queryClient.invalidateQueries({
        queryKey: planQueryKey(planId),
        predicate: (query) => !isActionQueryOf(query.queryKey, actionId),
      }),
  });
}

function isActionQueryOf(queryKey: readonly unknown[], actionId: string): boolean {
  return queryKey[2] === 'action' && queryKey[3] === actionId;
}

/** Marks the due occurrence done: a recurring action moves on, a one-off becomes done. */
export function useCompleteAction(planId: string) {
  const refresh = useRefreshPlan(planId);
  return useMutation({
    mutationFn: ({ actionId, completion }: { actionId: string; completion: CompleteActionRequest }) =>
      apiRequest('POST', `${actionPath(actionId)}/complete`, { body: completion, schema: completeActionResponseSchema }),
    onSuccess: refresh,
  });
}

/** The same new year and/or status for the selected actions, all or none. */
export function useBulkUpdateActions(planId: string) {
  const refresh = useRefreshPlan(planId);
  return useMutation({
    mutationFn: (body: BulkUpdateActionsRequest) =>
      apiRequest('POST', `${planPath(planId)}/actions/bulk-update`, { body, schema: bulkUpdateActionsResponseSchema }),
    onSuccess: refresh,
  });
}
