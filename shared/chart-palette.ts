/**
 * Series colours for charts on white or the page grey. Each has a contrast of at least 3:1 with
 * both (WCAG 2.1 SC 1.4.11, non-text contrast; chart-palette.test.ts checks it), and neighbours in
 * the list differ in hue and lightness so adjacent stack segments and slices stay apart. Colour is
 * never the only cue: legends follow the stack order and every chart has a table of its values.
 */
export const chartPalette = [
  '#1f6f50',
  '#2c5d9e',
  '#b3541e',
  '#7b3f9e',
  '#a8324a',
  '#0f7c8c',
  '#8a6d00',
  '#4a55a2',
  '#c2185b',
  '#5c6b2e',
  '#6d4c41',
  '#00796b',
  '#d1490f',
  '#546e7a',
  '#9c27b0',
  '#3b7d23',
] as const;

/** The colour of the `index`-th series; after the last colour the palette starts again. */
export function colourAt(index: number): string {
  return chartPalette[index % chartPalette.length] ?? chartPalette[0];
}
