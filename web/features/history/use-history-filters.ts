import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { noHistoryFilters, parseHistoryFilters, writeHistoryFilters, type HistoryFilters } from './history-filters.ts';

/** The plan history's filters, read from and written to the URL; each change is a history entry of the browser, so Back undoes it. */
export function useHistoryFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseHistoryFilters(searchParams), [searchParams]);
  // From the address bar, not the hook's params: those are of the last render, so two changes in
  // quick succession would otherwise lose the first.
  const changeFilters = useCallback(
    (changes: Partial<HistoryFilters>) => {
      const current = new URLSearchParams(window.location.search);
      setSearchParams(writeHistoryFilters(current, { ...parseHistoryFilters(current), ...changes }));
    },
    [setSearchParams],
  );
  const clearFilters = useCallback(
    () => setSearchParams(writeHistoryFilters(new URLSearchParams(window.location.search), noHistoryFilters)),
    [setSearchParams],
  );
  return { filters, changeFilters, clearFilters };
}
