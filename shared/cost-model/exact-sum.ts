/**
 * A sum of amounts that does not depend on the order or grouping of its terms: the exact sum of the
 * doubles added, rounded once to the nearest double (docs/product/cost-model.md § Sums). A plain
 * `+=` rounds after every term, so the analysis (summing by year, in id order) and a plan list
 * (summing by category, in list order) could end a few units in the last place apart, and an
 * amount of exactly half an öre or half a display step then shows differently on two screens.
 *
 * Shewchuk's algorithm (as in Python's `math.fsum`): the running sum is kept exactly as a few
 * non-overlapping partial sums, and `value()` rounds them once, half to even. Amounts are finite;
 * for money of similar magnitudes two or three partials suffice.
 */
export class ExactSum {
  /**
   * `partials[0 … count − 1]`: non-overlapping, increasing in magnitude; their exact sum is the sum
   * so far. The array only grows, so adding allocates nothing once it has its few slots.
   */
  private readonly partials: number[] = [];
  private count = 0;

  add(amount: number): this {
    const partials = this.partials;
    let x = amount;
    let kept = 0;
    for (let index = 0; index < this.count; index += 1) {
      let y = partials[index] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const swap = x;
        x = y;
        y = swap;
      }
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) {
        partials[kept] = low;
        kept += 1;
      }
      x = high;
    }
    partials[kept] = x;
    this.count = kept + 1;
    return this;
  }

  /** Adds another sum exactly: the total of two groups is the sum of all their terms. */
  addSum(other: ExactSum): this {
    for (let index = 0; index < other.count; index += 1) this.add(other.partials[index] as number);
    return this;
  }

  /** The exact sum rounded to the nearest double (ties to even); 0, never −0, when it is zero. */
  value(): number {
    let index = this.count - 1;
    if (index < 0) return 0;
    let high = this.partials[index] as number;
    let low = 0;
    while (index > 0) {
      index -= 1;
      const x = high;
      const y = this.partials[index] as number;
      high = x + y;
      low = y - (high - x);
      if (low !== 0) break;
    }
    // `high + low` was a tie, rounded to even: the partials below decide which way it really goes.
    const next = index > 0 ? (this.partials[index - 1] as number) : 0;
    if ((low < 0 && next < 0) || (low > 0 && next > 0)) {
      const twice = low * 2;
      const corrected = high + twice;
      if (twice === corrected - high) high = corrected;
    }
    return high + 0;
  }
}

/** The exact sum of `amounts`, rounded once (see `ExactSum`). */
export function sumExactly(amounts: Iterable<number>): number {
  const sum = new ExactSum();
  for (const amount of amounts) sum.add(amount);
  return sum.value();
}

/** The sum kept under `key`, made (empty) when there is none yet: for sums by category, year… */
export function sumIn<Key>(sums: Map<Key, ExactSum>, key: Key): ExactSum {
  let sum = sums.get(key);
  if (sum === undefined) {
    sum = new ExactSum();
    sums.set(key, sum);
  }
  return sum;
}
