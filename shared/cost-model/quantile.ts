/**
 * The `q` quantile (0–1) of ascending `sorted` values by linear interpolation between the closest
 * ranks (R-7, Excel's PERCENTILE.INC): rank h = (n − 1)·q, the value at ⌊h⌋ plus the fraction of
 * the step to the next. `sorted` must not be empty.
 */
export function quantile(sorted: readonly number[], q: number): number {
  const rank = (sorted.length - 1) * q;
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (rank - below) * (sorted[above]! - sorted[below]!);
}
