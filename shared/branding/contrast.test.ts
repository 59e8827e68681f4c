import { describe, expect, it } from 'vitest';
import { contrastWithWhite, darkenUntilReadable, minimumContrastWithWhite } from './contrast.ts';

describe('contrastWithWhite', () => {
  it('measures the WCAG 2 way: black 21:1, white 1:1, the app accent green 6.1:1, either case', () => {
    expect(contrastWithWhite('#000000')).toBe(21);
    expect(contrastWithWhite('#FFFFFF')).toBe(1);
    expect(contrastWithWhite('#1f6f50').toFixed(1)).toBe('6.1');
    expect(contrastWithWhite('#1F6F50')).toBe(contrastWithWhite('#1f6f50'));
  });

  it('puts the WCAG line between #767676 (4.54:1, passes) and #777777 (4.48:1, fails)', () => {
    expect(contrastWithWhite('#767676').toFixed(2)).toBe('4.54');
    expect(contrastWithWhite('#767676')).toBeGreaterThanOrEqual(minimumContrastWithWhite);
    expect(contrastWithWhite('#777777').toFixed(2)).toBe('4.48');
    expect(contrastWithWhite('#777777')).toBeLessThan(minimumContrastWithWhite);
  });

  it('refuses what is not #RRGGBB', () => {
    expect(() => contrastWithWhite('#fff')).toThrow(RangeError);
    expect(() => contrastWithWhite('red')).toThrow(RangeError);
  });
});

describe('darkenUntilReadable', () => {
  it('keeps a readable colour, in upper case', () => {
    expect(darkenUntilReadable('#1f6f50')).toBe('#1F6F50');
  });

  it.each(['#FFFFFF', '#FFD700', '#7FDBFF', '#FF8800', '#2ECC40', '#00FF00', '#777777'])('darkens %s just enough', (colour) => {
    const suggestion = darkenUntilReadable(colour);
    expect(suggestion).toMatch(/^#[0-9A-F]{6}$/);
    expect(contrastWithWhite(suggestion)).toBeGreaterThanOrEqual(minimumContrastWithWhite);
    // One lightness step lighter would not have passed: the suggestion is as close to the choice as the rule allows.
    expect(contrastWithWhite(suggestion)).toBeLessThan(5.2);
  });

  it('suggests #767676 for #777777 and a darker sky blue of the same hue for #7FDBFF', () => {
    expect(darkenUntilReadable('#777777')).toBe('#767676');
    const suggestion = darkenUntilReadable('#7FDBFF');
    expect(hueOf(suggestion)).toBeCloseTo(hueOf('#7FDBFF'), 0);
  });

  it('keeps the hue: a light grey stays grey, a yellow stays a yellow-brown', () => {
    expect(darkenUntilReadable('#DDDDDD')).toBe('#767676');
    const [red, green, blue] = [1, 3, 5].map((start) => Number.parseInt(darkenUntilReadable('#FFD700').slice(start, start + 2), 16));
    expect(red).toBeGreaterThan(green ?? 0);
    expect(blue).toBe(0);
  });
});

/** The HSL hue in degrees, to check that a suggestion is the same colour, only darker. */
function hueOf(colour: string): number {
  const [red, green, blue] = [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16) / 255) as [number, number, number];
  const max = Math.max(red, green, blue);
  const chroma = max - Math.min(red, green, blue);
  const sector = max === red ? ((green - blue) / chroma) % 6 : max === green ? (blue - red) / chroma + 2 : (red - green) / chroma + 4;
  return (sector * 60 + 360) % 360;
}
