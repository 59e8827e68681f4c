import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeJson, preferredJsonEncoding } from './json-encoding.ts';

describe('compressing the large JSON answers', () => {
  it('answers brotli when acceptable, else gzip, else nothing, as Accept-Encoding weighs them', () => {
    expect(preferredJsonEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredJsonEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredJsonEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(preferredJsonEncoding('br;q=0.1, gzip;q=1')).toBe('gzip');
    expect(preferredJsonEncoding('gzip;q=0.5, br;q=0.5')).toBe('br');
    expect(preferredJsonEncoding('x-gzip')).toBe('gzip');
    expect(preferredJsonEncoding('BR ; Q=0.2')).toBe('br');
    expect(preferredJsonEncoding('*')).toBe('br');
    expect(preferredJsonEncoding('*;q=0, gzip')).toBe('gzip');
    expect(preferredJsonEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(preferredJsonEncoding('identity')).toBeUndefined();
    expect(preferredJsonEncoding('deflate')).toBeUndefined();
    expect(preferredJsonEncoding('br;q=abc')).toBeUndefined();
    expect(preferredJsonEncoding('')).toBeUndefined();
    expect(preferredJsonEncoding(undefined)).toBeUndefined();
    expect(preferredJsonEncoding(['identity', 'gzip'])).toBe('gzip');
  });

  it('compresses to bytes that decompress to the same JSON, much smaller', async () => {
    const json = Buffer.from(
      JSON.stringify(Array.from({ length: 2000 }, (_, index) => ({ name: `Åtgärd ${index}`, category: 'fasad', year: 2026 + (index % 30) }))),
    );
    const brotli = await encodeJson(json, 'br');
    const gzip = await encodeJson(json, 'gzip');
    expect(brotliDecompressSync(brotli).equals(json)).toBe(true);
    expect(gunzipSync(gzip).equals(json)).toBe(true);
    expect(brotli.byteLength).toBeLessThan(json.byteLength / 5);
    expect(gzip.byteLength).toBeLessThan(json.byteLength / 5);
  });
});
