import { inflateRawSync } from 'node:zlib';

/**
 * Limits for an .xlsx (a zip archive) before any library unpacks it. A real workbook of 20 000
 * rows unpacks to about 15 MB of XML and compresses 5–20 times; a zip bomb claims, or inflates to,
 * gigabytes from a few kilobytes.
 */
export const zipLimits = {
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Uncompressed / compressed of any entry over 1 MiB (XML of repetitive rows reaches about 30). */
  maxRatio: 200,
  maxEntries: 2000,
};

export type ZipCheck = { ok: true } | { ok: false; reason: 'not_zip' | 'bomb' };

const endOfCentralDirectorySignature = 0x06054b50;
const centralFileHeaderSignature = 0x02014b50;
const localFileHeaderSignature = 0x04034b50;

/**
 * Reads the zip's central directory and checks the declared sizes against `zipLimits`, then
 * inflates every entry with a hard output limit of its declared size, so an entry that lies about
 * its size (exceljs would happily inflate it to the end) is caught after at most its declared
 * bytes: the work is bounded by `maxTotalBytes` whatever the archive holds. Zip64 archives and
 * compression methods other than stored and deflate are refused: no spreadsheet program writes
 * them for files of our size.
 */
export function checkZipArchive(data: Buffer, limits = zipLimits): ZipCheck {
  const end = findEndOfCentralDirectory(data);
  if (end < 0) return { ok: false, reason: 'not_zip' };
  const entryCount = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'bomb' };
  if (entryCount > limits.maxEntries) return { ok: false, reason: 'bomb' };
  if (directoryOffset + directorySize > end) return { ok: false, reason: 'not_zip' };

  const entries: { method: number; compressedSize: number; uncompressedSize: number; localOffset: number }[] = [];
  let total = 0;
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== centralFileHeaderSignature) return { ok: false, reason: 'not_zip' };
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const uncompressedSize = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) return { ok: false, reason: 'bomb' };
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) return { ok: false, reason: 'bomb' };
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) return { ok: false, reason: 'bomb' };
    if (method !== 0 && method !== 8) return { ok: false, reason: 'not_zip' };
    entries.push({ method, compressedSize, uncompressedSize, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }

  for (const entry of entries) {
    const start = entry.localOffset;
    if (start + 30 > data.length || data.readUInt32LE(start) !== localFileHeaderSignature) return { ok: false, reason: 'not_zip' };
    const dataStart = start + 30 + data.readUInt16LE(start + 26) + data.readUInt16LE(start + 28);
    const compressed = data.subarray(dataStart, dataStart + entry.compressedSize);
    if (compressed.length !== entry.compressedSize) return { ok: false, reason: 'not_zip' };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return { ok: false, reason: 'not_zip' };
      continue;
    }
    try {
      // One byte more than declared: reaching it proves the entry lies about its size.
      const inflated = inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
      if (inflated.length !== entry.uncompressedSize) return { ok: false, reason: inflated.length > entry.uncompressedSize ? 'bomb' : 'not_zip' };
    } catch (error) {
      return { ok: false, reason: (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'bomb' : 'not_zip' };
    }
  }
  return { ok: true };
}

/** The position of the end-of-central-directory record: within the last 22 + 65 535 (comment) bytes. */
function findEndOfCentralDirectory(data: Buffer): number {
  const earliest = Math.max(0, data.length - 22 - 0xffff);
  for (let position = data.length - 22; position >= earliest; position -= 1) {
    if (data.readUInt32LE(position) === endOfCentralDirectorySignature) return position;
  }
  return -1;
}
