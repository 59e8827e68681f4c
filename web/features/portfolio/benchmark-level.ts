/** Where a property's maintenance debt per m² lies among the installation's (docs/product/api.md § Benchmarks). */
export type BenchmarkLevel = 'low' | 'middle' | 'high';

/**
 * Below the 25th percentile is low (green), above the 75th high (red), from one to the other
 * (both included) middle (yellow): a figure equal to a quartile is not yet beyond it.
 */
export function benchmarkLevel(debtPerM2: number, { p25, p75 }: { p25: number; p75: number }): BenchmarkLevel {
  if (debtPerM2 < p25) return 'low';
  if (debtPerM2 > p75) return 'high';
  return 'middle';
}
