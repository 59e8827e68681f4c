import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { blue, describeImage, isNear, red, samplePhotos } from '../../test-support/sample-photos.ts';
import { decodeHeic } from './decode-heic.ts';
import { makeThumbnail, maxPhotoPixels } from './make-thumbnail.ts';

describe('makeThumbnail', () => {
  it('makes a WebP of at most 320 px on the longer side from every photo type, keeping the picture', async () => {
    const photos = await samplePhotos();
    for (const [kind, contentType] of [
      ['jpeg', 'image/jpeg'],
      ['png', 'image/png'],
      ['webp', 'image/webp'],
      ['heic', 'image/heic'],
    ] as const) {
      const thumbnail = await describeImage(await makeThumbnail(photos[kind], contentType), [
        { x: 10, y: 100 },
        { x: 310, y: 100 },
      ]);
      expect({ ...thumbnail, colours: undefined }, kind).toEqual({ width: 320, height: 200, format: 'webp', colours: undefined });
      expect(isNear(thumbnail.colours[0]!, red), `${kind}: left is red`).toBe(true);
      expect(isNear(thumbnail.colours[1]!, blue), `${kind}: right is blue`).toBe(true);
    }
  });

  it('turns the photo upright by its EXIF orientation', async () => {
    const thumbnail = await describeImage(await makeThumbnail((await samplePhotos()).jpegTurned, 'image/jpeg'), [
      { x: 100, y: 10 },
      { x: 100, y: 310 },
    ]);
    expect([thumbnail.width, thumbnail.height]).toEqual([200, 320]);
    expect(isNear(thumbnail.colours[0]!, red)).toBe(true);
    expect(isNear(thumbnail.colours[1]!, blue)).toBe(true);
  });

  it('never enlarges a small photo', async () => {
    const tiny = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    expect(await describeImage(await makeThumbnail(tiny, 'image/png'))).toMatchObject({ width: 1, height: 1, format: 'webp' });
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = pngHeaderOnly(20_000, 20_000);
    expect(20_000 * 20_000).toBeGreaterThan(maxPhotoPixels);
    await expect(makeThumbnail(bomb, 'image/png')).rejects.toThrow(/pixel limit/);
    await expect(decodeHeic((await samplePhotos()).heic, 640 * 400 - 1)).rejects.toThrow(/more than allowed/);
  });

  it('rejects what is not a decodable photo', async () => {
    const photos = await samplePhotos();
    await expect(makeThumbnail(photos.jpeg.subarray(0, 200), 'image/jpeg')).rejects.toThrow();
    await expect(makeThumbnail(Buffer.concat([photos.heic.subarray(0, 40), Buffer.alloc(100)]), 'image/heic')).rejects.toThrow(/HEIC/);
  });
});

/** A PNG of a few hundred bytes that claims `width` × `height` pixels (its pixel data is one row's worth). */
function pngHeaderOnly(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([length, Buffer.from(type), data, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
