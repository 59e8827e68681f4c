import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { idSchema } from '../../../shared/schemas/common.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

/** POST /api/plans/:id/actions/bulk-delete answers how many actions went to the trash, and their change set. */
const bulkDeleteActionsResponseSchema = z.object({ deleted: z.number().int(), changeSetId: idSchema });

/** Moves the selected actions to the trash, all or none (restorable for 30 days). */
export function useBulkDeleteActions(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) =>
      apiRequest('POST', `/api/plans/${encodeURIComponent(planId)}/actions/bulk-delete`, { body: { ids }, schema: bulkDeleteActionsResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
