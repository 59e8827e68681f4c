import { describe, expect, it } from 'vitest';
import { detectAttachmentType } from './detect-attachment-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, 'meta');
};

describe('detectAttachmentType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8L'), 'image/webp'],
    ['HEIC', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['HEIF listing HEIC', ftyp('mif1', 'mif1', 'heic'), 'image/heic'],
    ['PDF', bytes('%PDF-1.4\n'), 'application/pdf'],
  ])('recognises %s', (_label, head, type) => {
    expect(detectAttachmentType(head)).toBe(type);
  });

  it.each([
    ['HTML', bytes('<!DOCTYPE html><script>')],
    ['HTML after a PDF-like comment', bytes(' %PDF-1.4')],
    ['an EXE', bytes('MZ', [0x90, 0])],
    ['a ZIP (also Office files)', bytes('PK', [3, 4])],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['GIF', bytes('GIF89a')],
    ['AVIF', ftyp('avif', 'mif1', 'avif')],
    ['generic HEIF without a HEIC brand', ftyp('mif1', 'mif1', 'avif')],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['a truncated JPEG marker', bytes([0xff, 0xd8])],
    ['nothing', bytes()],
  ])('refuses %s', (_label, head) => {
    expect(detectAttachmentType(head)).toBeUndefined();
  });
});
