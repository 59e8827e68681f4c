/**
 * The keys that move the highlighted option of a combobox's list. Home and End stay with the text
 * field (WAI-ARIA 1.2 combobox pattern, editable combobox): they move the caret.
 */
export type ComboboxMoveKey = 'ArrowDown' | 'ArrowUp';

export function isComboboxMoveKey(key: string): key is ComboboxMoveKey {
  return key === 'ArrowDown' || key === 'ArrowUp';
}

/**
 * The option highlighted after `key`, among `count` options; -1 is none (the text field itself).
 * Down from the last and up from the first wrap round, as the pattern's examples do, so every
 * option is reachable from either end.
 */
export function nextActiveIndex(key: ComboboxMoveKey, active: number, count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active >= count - 1 ? 0 : active + 1;
  return active <= 0 ? count - 1 : active - 1;
}
