import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { libraryItemsResponseSchema, librarySearchMaxLength } from '../../../shared/schemas/library.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { libraryQueryKey, useLibraryItems } from '../library-items/library-items-query.ts';

/** Library items change seldom and a form is filled in minutes: the same search is not asked again meanwhile. */
const libraryStaleTimeMs = 5 * 60 * 1000;

/** The shortest name part worth searching for: one letter matches half the library. */
const minimumSearchLength = 2;

/**
 * Whether the text is worth a search: at least two characters, and no longer than any library name
 * (a name typed past its limit matches nothing, and the server would refuse the search).
 */
export function isSearchable(text: string): boolean {
  const length = text.trim().length;
  return length >= minimumSearchLength && length <= librarySearchMaxLength;
}

const itemsPath = (accountId: string, search?: string) => {
  const query = new URLSearchParams({ accountId });
  if (search !== undefined) query.set('q', search);
  return `/api/library/items?${query.toString()}`;
};

/** The account's items whose name (sv or en) contains `search`; idle unless `isSearchable(search)`. */
export function useLibrarySearch(accountId: string, search: string) {
  const trimmed = search.trim();
  return useQuery({
    // Under the library's key: the library screen's changes (an own price) refresh the suggestions too.
    queryKey: [...libraryQueryKey(accountId), 'search', trimmed.toLocaleLowerCase('sv')],
    queryFn: () => apiRequest('GET', itemsPath(accountId, trimmed), { schema: libraryItemsResponseSchema }),
    enabled: isSearchable(trimmed),
    staleTime: libraryStaleTimeMs,
    // The list keeps showing the last answer while the next one is on its way, so it does not flicker as the name is typed.
    placeholderData: keepPreviousData,
  });
}

/** One item of the account's library (the one an action links), from the whole list; undefined while loading or when gone. */
export function useLibraryItem(accountId: string, itemId: string | null) {
  const items = useLibraryItems(accountId, { enabled: itemId !== null });
  return itemId === null ? undefined : items.data?.find((item) => item.id === itemId);
}
