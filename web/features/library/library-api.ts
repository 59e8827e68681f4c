import { useMutation, useQueryClient } from '@tanstack/react-query';
import { libraryItemSchema, type CreateLibraryItemRequest, type UpdateLibraryItemRequest } from '../../../shared/schemas/library.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { libraryQueryKey } from '../library-items/library-items-query.ts';

const accountItemsPath = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/library-items`;

function useRefreshLibrary(accountId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: libraryQueryKey(accountId) });
}

export function useCreateLibraryItem(accountId: string) {
  const refresh = useRefreshLibrary(accountId);
  return useMutation({
    mutationFn: (body: CreateLibraryItemRequest) => apiRequest('POST', accountItemsPath(accountId), { body, schema: libraryItemSchema }),
    onSuccess: refresh,
  });
}

export function useUpdateLibraryItem(accountId: string) {
  const refresh = useRefreshLibrary(accountId);
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateLibraryItemRequest }) =>
      apiRequest('PATCH', `/api/library-items/${encodeURIComponent(id)}`, { body: changes, schema: libraryItemSchema }),
    onSuccess: refresh,
  });
}

/** Linked actions keep their values; the server sets their link to null. */
export function useDeleteLibraryItem(accountId: string) {
  const refresh = useRefreshLibrary(accountId);
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/api/library-items/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

/** Where the browser downloads the account's own items as a workbook (an attachment: the page stays). */
export function libraryExportPath(accountId: string): string {
  return `${accountItemsPath(accountId)}/export`;
}
