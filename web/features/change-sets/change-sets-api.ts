import { useMutation, useQueryClient } from '@tanstack/react-query';
import { undoChangeSetResponseSchema } from '../../../shared/schemas/history.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

/**
 * Undoes a change set of the plan (a bulk change, an import, a roll-forward, a version restore):
 * 409 `conflict` when something changed the same actions since (see `describeUndoError`).
 */
export function useUndoChangeSet(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changeSetId: string) =>
      apiRequest('POST', `/api/change-sets/${encodeURIComponent(changeSetId)}/undo`, { schema: undoChangeSetResponseSchema }),
    // An undo can move every figure of the plan.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
