import { useCallback, useMemo, useState } from 'react';

/**
 * Selected actions (not occurrences: in the per-year view one action can appear in several years,
 * and selecting any of its rows selects the action). Only actions still shown count as selected,
 * so a filter change can never leave hidden actions in a bulk change.
 */
export function useActionSelection(shownActionIds: readonly string[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const selected = useMemo(() => {
    const shown = new Set<string>();
    for (const id of shownActionIds) if (chosen.has(id)) shown.add(id);
    return shown;
  }, [chosen, shownActionIds]);

  const toggle = useCallback((actionId: string, isSelected: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (isSelected) next.add(actionId);
      else next.delete(actionId);
      return next;
    });
  }, []);
  const selectAll = useCallback((isSelected: boolean) => setChosen(isSelected ? new Set(shownActionIds) : new Set()), [shownActionIds]);
  const clear = useCallback(() => setChosen(new Set()), []);

  return {
    selected,
    toggle,
    selectAll,
    clear,
    isAllSelected: shownActionIds.length > 0 && selected.size === shownActionIds.length,
  };
}
