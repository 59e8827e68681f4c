import { useCallback, useMemo, useState } from 'react';

/**
 * Selected actions (not occurrences: in the per-year view one action can appear in several years,
 * and selecting any of its rows selects the action). Only actions still shown count as selected,
 * so a filter change can never leave hidden actions in a bulk change. Rows in closed sections are
 * shown in this sense: a closed year can be selected from its heading.
 */
export function useActionSelection(shownActionIds: readonly string[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const selected = useMemo(() => {
    const shown = new Set<string>();
    for (const id of shownActionIds) if (chosen.has(id)) shown.add(id);
    return shown;
  }, [chosen, shownActionIds]);

  const selectMany = useCallback((actionIds: readonly string[], isSelected: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      for (const actionId of actionIds) {
        if (isSelected) next.add(actionId);
        else next.delete(actionId);
      }
      return next;
    });
  }, []);
  const toggle = useCallback((actionId: string, isSelected: boolean) => selectMany([actionId], isSelected), [selectMany]);
  const selectAll = useCallback((isSelected: boolean) => setChosen(isSelected ? new Set(shownActionIds) : new Set()), [shownActionIds]);
  const clear = useCallback(() => setChosen(new Set()), []);

  return {
    selected,
    toggle,
    selectMany,
    selectAll,
    clear,
    isAllSelected: shownActionIds.length > 0 && selected.size === shownActionIds.length,
  };
}

/** A section heading's checkbox: checked when all its actions are selected, mixed when some are. */
export function sectionSelectionState(sectionActionIds: readonly string[], selected: ReadonlySet<string>): 'all' | 'some' | 'none' {
  let count = 0;
  for (const id of sectionActionIds) if (selected.has(id)) count += 1;
  if (count === 0) return 'none';
  return count === sectionActionIds.length ? 'all' : 'some';
}

/**
 * How many selected actions have no row in an open section, so the bulk bar can say that a change
 * reaches actions the reader cannot see (a recurring action open in one year is not hidden).
 */
export function countHiddenSelected(selected: ReadonlySet<string>, openSectionsActionIds: Iterable<readonly string[]>): number {
  const visible = new Set<string>();
  for (const actionIds of openSectionsActionIds) for (const id of actionIds) if (selected.has(id)) visible.add(id);
  return selected.size - visible.size;
}
