import { describe, expect, it } from 'vitest';
import { benchmarkLevel } from './benchmark-level.ts';

describe('benchmarkLevel', () => {
  const quartiles = { p25: 300, p75: 775 };

  it('is low below the 25th percentile, high above the 75th and middle between, quartiles included', () => {
    expect(benchmarkLevel(0, quartiles)).toBe('low');
    expect(benchmarkLevel(299.99, quartiles)).toBe('low');
    expect(benchmarkLevel(300, quartiles)).toBe('middle');
    expect(benchmarkLevel(500, quartiles)).toBe('middle');
    expect(benchmarkLevel(775, quartiles)).toBe('middle');
    expect(benchmarkLevel(775.01, quartiles)).toBe('high');
    expect(benchmarkLevel(1240, quartiles)).toBe('high');
  });
});
