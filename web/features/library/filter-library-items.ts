import type { LibraryItem } from '../../../shared/schemas/library.ts';

export interface LibraryFilter {
  /** A category code, or '' for every category. */
  category: string;
  /** Searched in both names, ignoring case, accents and surrounding spaces. */
  query: string;
}

/** "Fönster" and "fonster" match alike: a field inspector on a tablet may not reach the accents. */
function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The items in the category that name the query in Swedish or English, in the order given. */
export function filterLibraryItems(items: readonly LibraryItem[], filter: LibraryFilter): LibraryItem[] {
  const query = searchKey(filter.query);
  return items.filter(
    (item) =>
      (filter.category === '' || item.category === filter.category) &&
      (query === '' || searchKey(item.name.sv).includes(query) || searchKey(item.name.en).includes(query)),
  );
}
