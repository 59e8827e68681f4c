import type { AttachmentContentType } from '../../../shared/schemas/attachment.ts';

/** How many leading bytes `detectAttachmentType` needs at most (the ISO-BMFF `ftyp` box of HEIC with its brands). */
export const sniffLength = 64;

const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
/** Generic HEIF brands: HEIC only when a HEIC brand is among the compatible ones (AVIF uses them too). */
const genericHeifBrands = new Set(['mif1', 'msf1']);

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/**
 * The type of a file from its first bytes (at most `sniffLength`), or undefined when it is not one
 * of the allowed types. The name and the declared type are never consulted: an HTML page named
 * `.pdf` starts with `<`, not `%PDF-`, and is refused.
 */
export function detectAttachmentType(head: Uint8Array): AttachmentContentType | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  // PDF 2.0 (ISO 32000-2 §7.5.2) puts the header at the very start; readers that search further are lenient.
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (isHeic(head)) return 'image/heic';
  return undefined;
}

/** An ISO-BMFF file whose first box is `ftyp` with a HEIC major brand, or a generic HEIF one listing a HEIC brand. */
function isHeic(head: Uint8Array): boolean {
  if (!startsWith(head, ascii('ftyp'), 4)) return false;
  const boxSize = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  const brandAt = (offset: number) => String.fromCharCode(...head.subarray(offset, offset + 4));
  const major = brandAt(8);
  if (heicBrands.has(major)) return true;
  if (!genericHeifBrands.has(major)) return false;
  // Compatible brands follow the major brand and the minor version, up to the end of the box.
  const end = Math.min(boxSize, head.length);
  for (let offset = 16; offset + 4 <= end; offset += 4) {
    if (heicBrands.has(brandAt(offset))) return true;
  }
  return false;
}
