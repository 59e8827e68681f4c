import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum, sumExactly } from './exact-sum.ts';

/**
 * The reference: every double of magnitude ≥ 2⁻⁶⁰ times 2¹¹² is an integer, so BigInt adds them
 * exactly, and converting the BigInt to a Number rounds once to nearest, ties to even.
 */
const scale = 2n ** 112n;
function exactReference(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) {
    const [mantissa, exponent] = decompose(amount);
    total += exponent >= 0 ? mantissa * 2n ** BigInt(exponent) * scale : (mantissa * scale) / 2n ** BigInt(-exponent);
  }
  return Number(total) / 2 ** 112;
}

/** `amount` = mantissa × 2^exponent with an integer mantissa. */
function decompose(amount: number): [bigint, number] {
  let mantissa = amount;
  let exponent = 0;
  while (!Number.isInteger(mantissa)) {
    mantissa *= 2;
    exponent -= 1;
  }
  return [BigInt(mantissa), exponent];
}

const amount = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((value) => value === 0 || Math.abs(value) >= 2 ** -60);
/** Amounts like the cost model's: whole öre times factors such as 1.1 × 1.02ⁿ × 1.25. */
const costLike = fc
  .tuple(fc.integer({ min: -10_000_000, max: 100_000_000 }), fc.double({ min: 0.5, max: 3, noNaN: true }))
  .map(([ore, factor]) => (ore / 100) * factor);

describe('ExactSum', () => {
  it('is the exact sum rounded once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(amount, costLike), { maxLength: 60 }), (amounts) => {
        expect(sumExactly(amounts)).toBe(exactReference(amounts));
      }),
    );
  });

  it('does not depend on the order or grouping of the terms', () => {
    fc.assert(
      fc.property(fc.array(costLike, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (amounts, groups) => {
        const reversed = sumExactly([...amounts].reverse());
        const grouped = new ExactSum();
        for (let group = 0; group < groups; group += 1) {
          const part = new ExactSum();
          for (let index = group; index < amounts.length; index += groups) part.add(amounts[index] as number);
          grouped.addSum(part);
        }
        expect(sumExactly(amounts)).toBe(reversed);
        expect(grouped.value()).toBe(reversed);
      }),
    );
  });

  it('keeps what plain addition loses', () => {
    // `+` rounds 1e16 + 1 back to 1e16 and loses the 1.
    const terms = [1e16, 1, -1e16, 1];
    expect(terms.reduce((sum, term) => sum + term, 0)).toBe(1);
    expect(sumExactly(terms)).toBe(2);
    // Half an öre that plain addition turns one way or the other depending on the order.
    const costs = [13.585, 1000, 0.1, 0.2, -0.3];
    expect(sumExactly(costs)).toBe(sumExactly([...costs].reverse()));
    expect(sumExactly([])).toBe(0);
  });
});
