import { describe, expect, it } from 'vitest';
import { quantile } from './quantile.ts';

describe('quantile', () => {
  it('interpolates between the closest ranks (R-7), as PERCENTILE.INC does', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(quantile(values, 0.25)).toBe(32.5);
    expect(quantile(values, 0.5)).toBe(55);
    expect(quantile(values, 0.75)).toBe(77.5);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });
});
