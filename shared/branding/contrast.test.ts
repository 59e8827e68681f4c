import { describe, expect, it } from 'vitest';
import { contrastWithWhite, darkenUntilReadable, minimumContrastWithWhite } from './contrast.ts';

describe('contrastWithWhite', () => {
  it('measures the WCAG 2 way: black 21:1, white 1:1, the app accent green 6.1:1, either case', () => {
    expect(contrastWithWhite('#000000')).toBe(21);
    expect(contrastWithWhite('#FFFFFF')).toBe(1);
    expect(contrastWithWhite('#1f6f50').toFixed(1)).toBe('6.1');
    expect(contrastWithWhite('#1F6F50')).toBe(contrastWithWhite('#1f6f50'));
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

  it('keeps the hue: a light grey stays grey, a yellow stays a yellow-brown', () => {
    // From 86.7 % lightness down by whole points: 46.7 % (#777777) is 4.48:1, 45.7 % (#747474) passes.
    expect(darkenUntilReadable('#DDDDDD')).toBe('#747474');
    const [red, green, blue] = [1, 3, 5].map((start) => Number.parseInt(darkenUntilReadable('#FFD700').slice(start, start + 2), 16));
    expect(red).toBeGreaterThan(green ?? 0);
    expect(blue).toBe(0);
  });
});
