import { describe, expect, it } from 'vitest';
import { chartPalette, colourAt } from './chart-palette.ts';

/** WCAG 2.1 relative luminance of an sRGB colour written #rrggbb. */
function luminance(hex: string): number {
  const [red = 0, green = 0, blue = 0] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

describe('chartPalette', () => {
  it('has 16 distinct colours, one per category', () => {
    expect(new Set(chartPalette).size).toBe(16);
  });

  it.each(chartPalette)('%s has at least 3:1 contrast with the white surface and the grey page', (colour) => {
    expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(colour, '#f4f5f6')).toBeGreaterThanOrEqual(3);
  });

  it('checks contrast the WCAG way (black on white is 21:1, the accent green on white 6.1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBe(21);
    expect(contrast('#1f6f50', '#ffffff').toFixed(1)).toBe('6.1');
  });

  it('starts again after the last colour', () => {
    expect(colourAt(0)).toBe('#1f6f50');
    expect(colourAt(16)).toBe('#1f6f50');
    expect(colourAt(17)).toBe('#2c5d9e');
  });
});
