import { useQuery } from '@tanstack/react-query';
import { libraryItemsResponseSchema } from '../../../shared/schemas/library.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

/**
 * The account's library as every screen reads it (the library screen, the action form's
 * suggestions and links): one place, so that the library screen's changes refresh them all.
 */

/** Every library read of an account starts with this key, so one invalidation refreshes them all. */
export const libraryQueryKey = (accountId: string) => ['accounts', accountId, 'library'] as const;

/**
 * The built-in items the account has not replaced and the account's own items, all of them: the
 * screen filters and searches in the browser, so typing never waits for the server and the count
 * of all items is always known.
 */
export function useLibraryItems(accountId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...libraryQueryKey(accountId), 'items'],
    queryFn: () => apiRequest('GET', `/api/library/items?accountId=${encodeURIComponent(accountId)}`, { schema: libraryItemsResponseSchema }),
    enabled: options.enabled,
  });
}
