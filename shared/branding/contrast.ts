/**
 * The brand colour is drawn as a background behind white text (the header, the share view, the
 * report's title band), so it must reach WCAG 2's 4.5:1 against white. The server refuses a colour
 * below it and the web form checks the same rule while the colour is chosen.
 */
export const minimumContrastWithWhite = 4.5;

/** WCAG 2 contrast ratio of `colour` (#RRGGBB, either case) against #FFFFFF, from 1 to 21. */
export function contrastWithWhite(colour: string): number {
  return (1 + 0.05) / (relativeLuminance(parseHex(colour)) + 0.05);
}

/**
 * `colour` itself (upper case) when white text on it is readable; otherwise the same hue with its
 * HSL lightness lowered a tenth of a percentage point at a time until it is, as #RRGGBB: steps that
 * fine reach the lightest readable shade (#777777 becomes #767676, not #747474). Black always
 * passes (21:1), so the search ends.
 */
export function darkenUntilReadable(colour: string): string {
  const [hue, saturation, startLightness] = toHsl(parseHex(colour));
  for (let lightness = startLightness; lightness > 0; lightness = Math.max(0, lightness - lightnessStep)) {
    const candidate = toHex(fromHsl(hue, saturation, lightness));
    if (contrastWithWhite(candidate) >= minimumContrastWithWhite) return candidate;
  }
  return '#000000';
}

/** A tenth of a percentage point of HSL lightness: finer than one step of a channel (1/255). */
const lightnessStep = 0.001;

type Rgb = [red: number, green: number, blue: number];

function parseHex(colour: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) throw new RangeError(`Not a #RRGGBB colour: ${colour}`);
  return [match[1], match[2], match[3]].map((pair) => Number.parseInt(pair ?? '0', 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** WCAG 2's relative luminance of an sRGB colour with channels 0–255. */
function relativeLuminance(rgb: Rgb): number {
  const [red, green, blue] = rgb.map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** Hue in degrees, saturation and lightness from 0 to 1. */
function toHsl(rgb: Rgb): [number, number, number] {
  const [red, green, blue] = rgb.map((channel) => channel / 255) as Rgb;
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma === 0) return [0, 0, lightness];
  const saturation = chroma / (1 - Math.abs(2 * lightness - 1));
  const sector = max === red ? ((green - blue) / chroma) % 6 : max === green ? (blue - red) / chroma + 2 : (red - green) / chroma + 4;
  return [(sector * 60 + 360) % 360, saturation, lightness];
}

function fromHsl(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const secondary = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const offset = lightness - chroma / 2;
  const sectors: Rgb[] = [
    [chroma, secondary, 0],
    [secondary, chroma, 0],
    [0, chroma, secondary],
    [0, secondary, chroma],
    [secondary, 0, chroma],
    [chroma, 0, secondary],
  ];
  const [red, green, blue] = sectors[Math.floor(hue / 60) % 6] ?? [0, 0, 0];
  return [(red + offset) * 255, (green + offset) * 255, (blue + offset) * 255];
}
