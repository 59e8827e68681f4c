import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/** What a sample photo shows: its left half red, its right half blue (so a rotation shows). */
export const samplePhotoSize = { width: 640, height: 400 };
export const red = { r: 220, g: 30, b: 30 };
export const blue = { r: 30, g: 60, b: 220 };

function twoColourPixels(): Buffer {
  const { width, height } = samplePhotoSize;
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < width * height; index += 1) {
    const { r, g, b } = index % width < width / 2 ? red : blue;
    pixels.set([r, g, b], index * 3);
  }
  return pixels;
}

const twoColours = () => sharp(twoColourPixels(), { raw: { ...samplePhotoSize, channels: 3 } });

/**
 * Real, decodable photos of every accepted type, 640 × 400 pixels each. `jpegTurned` stores the
 * same pixels with EXIF orientation 6 (shown turned 90° clockwise: 400 × 640, red on top). The
 * HEIC file was made once with libheif's heif-enc (`heif-enc -q 30`), as nothing on npm encodes HEVC.
 */
export async function samplePhotos() {
  return {
    jpeg: await twoColours().jpeg().toBuffer(),
    jpegTurned: await twoColours().jpeg().withMetadata({ orientation: 6 }).toBuffer(),
    png: await twoColours().png().toBuffer(),
    webp: await twoColours().webp().toBuffer(),
    heic: await readFile(new URL('./photos/two-colours-640x400.heic', import.meta.url)),
  };
}

/** The width, height, format and the colour at two points of an image, as decoded. */
export async function describeImage(image: Buffer, points: { x: number; y: number }[] = []) {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const metadata = await sharp(image).metadata();
  const colourAt = ({ x, y }: { x: number; y: number }) => {
    const offset = (y * info.width + x) * info.channels;
    return { r: data[offset]!, g: data[offset + 1]!, b: data[offset + 2]! };
  };
  return { width: info.width, height: info.height, format: metadata.format, colours: points.map(colourAt) };
}

/** Whether two colours are alike within what lossy compression changes. */
export function isNear(colour: { r: number; g: number; b: number }, expected: { r: number; g: number; b: number }, tolerance = 40): boolean {
  return Math.abs(colour.r - expected.r) <= tolerance && Math.abs(colour.g - expected.g) <= tolerance && Math.abs(colour.b - expected.b) <= tolerance;
}
