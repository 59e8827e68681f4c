import { describe, expect, it } from 'vitest';
import { roundForDisplay } from './display-rounding.ts';

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
