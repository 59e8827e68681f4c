import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { restoreTrashItemResponseSchema, trashItemsResponseSchema } from '../../../shared/schemas/trash.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

export const trashQueryKey = (accountId: string) => ['accounts', accountId, 'trash'] as const;

export function useTrash(accountId: string) {
  return useQuery({
    queryKey: trashQueryKey(accountId),
    queryFn: () => apiRequest('GET', `/api/accounts/${encodeURIComponent(accountId)}/trash`, { schema: trashItemsResponseSchema }),
  });
}

/**
 * Restores an item with everything deleted with it. Whatever it returns to (the structure, a
 * plan's actions, a building on its actions) may be cached anywhere, so every query is refreshed.
 */
export function useRestoreTrashItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('POST', `/api/trash/${encodeURIComponent(id)}/restore`, { schema: restoreTrashItemResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
