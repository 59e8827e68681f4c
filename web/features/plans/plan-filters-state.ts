import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { noFilters, parsePlanFilters, writePlanFilters, type PlanFilters } from './plan-filters.ts';

/**
 * The plan views' filters, read from and written to the URL. Each change is a history entry, so
 * the back button undoes the last filter change.
 */
export function usePlanFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parsePlanFilters(searchParams), [searchParams]);
  // From the address bar, not the hook's params: those are of the last render, so two changes in
  // quick succession (before a re-render) would otherwise lose the first.
  const changeFilters = useCallback(
    (changes: Partial<PlanFilters>) => {
      const current = new URLSearchParams(window.location.search);
      setSearchParams(writePlanFilters(current, { ...parsePlanFilters(current), ...changes }));
    },
    [setSearchParams],
  );
  const clearFilters = useCallback(() => setSearchParams(writePlanFilters(new URLSearchParams(window.location.search), noFilters)), [setSearchParams]);
  return { filters, changeFilters, clearFilters };
}
