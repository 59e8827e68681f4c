import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyAreaM2 } from './property-area.ts';

describe('propertyAreaM2', () => {
  it('adds BOA and LOA as decimals, a missing one counting as 0', () => {
    expect(propertyAreaM2(0.1, 0.2)).toBe(0.3);
    expect(propertyAreaM2(1200, null)).toBe(1200);
    expect(propertyAreaM2(null, null)).toBe(0);
    expect(propertyAreaM2(9_999_999.99, 9_999_999.99)).toBe(19_999_999.98);
  });

  it('is the double nearest the decimal sum, as PostgreSQL’s numeric sum read as a number', () => {
    const area = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(area, area, (boaHundredths, loaHundredths) => {
        const decimal = (hundredths: number) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        expect(propertyAreaM2(Number(decimal(boaHundredths)), Number(decimal(loaHundredths)))).toBe(Number(decimal(boaHundredths + loaHundredths)));
      }),
    );
  });
});
