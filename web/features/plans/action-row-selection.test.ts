import { describe, expect, it } from 'vitest';
import { countHiddenSelected, sectionSelectionState } from './action-row-selection.ts';

describe('sectionSelectionState', () => {
  it('is all, some or none of the section’s actions', () => {
    expect(sectionSelectionState(['a', 'b'], new Set(['a', 'b', 'c']))).toBe('all');
    expect(sectionSelectionState(['a', 'b'], new Set(['b']))).toBe('some');
    expect(sectionSelectionState(['a', 'b'], new Set(['c']))).toBe('none');
    expect(sectionSelectionState([], new Set(['c']))).toBe('none');
  });
});

describe('countHiddenSelected', () => {
  it('counts the selected actions without a row in any open section', () => {
    const selected = new Set(['roof', 'facade', 'lift', 'windows']);
    // The roof recurs: its row in an open year makes it visible, whatever closed years hold it too.
    expect(countHiddenSelected(selected, [['roof', 'other'], ['facade']])).toBe(2);
    expect(countHiddenSelected(selected, [])).toBe(4);
    expect(countHiddenSelected(selected, [['roof', 'facade', 'lift', 'windows', 'roof']])).toBe(0);
    expect(countHiddenSelected(new Set(), [['roof']])).toBe(0);
  });
});
