import { describe, expect, it } from 'vitest';
import { describeArea } from './property-facts.ts';

describe('describeArea', () => {
  it('adds BOA and LOA, a missing one counting as 0', () => {
    expect(describeArea({ boa: 1234.5, loa: 250 }, 'sv')).toBe('1\u00a0484,5 m²');
    expect(describeArea({ boa: 1234.5, loa: 250 }, 'en')).toBe('1,484.5 m²');
    expect(describeArea({ boa: null, loa: 150 }, 'sv')).toBe('150 m²');
  });

  it('is null when neither is known', () => {
    expect(describeArea({ boa: null, loa: null }, 'sv')).toBeNull();
  });
});
