import { describe, expect, it } from 'vitest';
import { isComboboxMoveKey, nextActiveIndex } from './combobox-navigation.ts';

describe('nextActiveIndex', () => {
  it('moves down from the text field to the first option, then on, and wraps round after the last', () => {
    expect(nextActiveIndex('ArrowDown', -1, 3)).toBe(0);
    expect(nextActiveIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextActiveIndex('ArrowDown', 2, 3)).toBe(0);
  });

  it('moves up from the text field to the last option, and wraps round before the first', () => {
    expect(nextActiveIndex('ArrowUp', -1, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextActiveIndex('ArrowUp', 0, 3)).toBe(2);
  });

  it('highlights nothing when there is no option', () => {
    expect(nextActiveIndex('ArrowDown', -1, 0)).toBe(-1);
    expect(nextActiveIndex('ArrowUp', 2, 0)).toBe(-1);
  });
});

describe('isComboboxMoveKey', () => {
  it('knows the up and down arrows and leaves Home, End and the rest to the text field', () => {
    expect(['ArrowDown', 'ArrowUp'].every(isComboboxMoveKey)).toBe(true);
    expect(['Home', 'End', 'Enter', 'Escape', 'ArrowLeft', 'a'].some(isComboboxMoveKey)).toBe(false);
  });
});
