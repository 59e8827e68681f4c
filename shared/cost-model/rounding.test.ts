import { describe, expect, it } from 'vitest';
import { displayedAmount, roundForDisplay, roundToOre } from './rounding.ts';

describe('roundToOre', () => {
  it('rounds the exact value of the double to two decimals', () => {
    expect(roundToOre(112_200.00000000001)).toBe(112_200);
    expect(roundToOre(131_460.18254845424)).toBe(131_460.18);
    expect(roundToOre(164_325.2281855678)).toBe(164_325.23);
    // 1.005 is stored as 1.00499999999999989…, so it rounds down; 0.125 is exact and rounds up.
    expect(roundToOre(1.005)).toBe(1);
    expect(roundToOre(0.125)).toBe(0.13);
    expect(roundToOre(0)).toBe(0);
    expect(roundToOre(999_999_999_999.994)).toBe(999_999_999_999.99);
  });
});

describe('roundForDisplay', () => {
  it.each([
    [0, 0],
    [0.4, 0],
    [0.5, 1],
    [9.49, 9],
    [9.5, 10],
    [10, 10],
    [14.9, 10],
    [15, 20],
    [99.4, 100],
    [100, 100],
    [149.99, 100],
    [150, 200],
    [999, 1000],
    [1000, 1000],
    [1499.99, 1000],
    [1500, 2000],
    [1_234_567, 1_235_000],
    [112_200, 112_000],
    [180_466.66, 180_000],
  ])('shows %s kr as %s kr', (amount, shown) => {
    expect(roundForDisplay(amount)).toBe(shown);
  });

  it('rounds negative amounts like their absolute value', () => {
    expect(roundForDisplay(-1500)).toBe(-2000);
    expect(roundForDisplay(-1_234_567)).toBe(-1_235_000);
    expect(roundForDisplay(-150)).toBe(-200);
    expect(roundForDisplay(-15)).toBe(-20);
    expect(roundForDisplay(-2.5)).toBe(-3);
  });

  it('never shows minus zero', () => {
    expect(Object.is(roundForDisplay(-0.2), 0)).toBe(true);
    expect(Object.is(roundForDisplay(-0), 0)).toBe(true);
  });
});

describe('displayedAmount', () => {
  it('rounds to öre first, then for display when asked', () => {
    expect(displayedAmount(131_460.18254845424, false)).toBe(131_460.18);
    expect(displayedAmount(131_460.18254845424, true)).toBe(131_000);
    // 1 499.996 is 1 500.00 to the öre, as the API answers it: the display step follows the öre.
    expect(displayedAmount(1499.996, true)).toBe(2000);
    expect(displayedAmount(1499.994, true)).toBe(1000);
  });

  it('never shows minus zero', () => {
    expect(Object.is(displayedAmount(-0.001, false), 0)).toBe(true);
    expect(Object.is(displayedAmount(-0.2, true), 0)).toBe(true);
  });
});
