const [openBracket, comma, closeBracket] = ['[', ',', ']'].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer];

/**
 * The text's UTF-8 bytes in memory of their own. `Buffer.from` puts a short text into a slice of
 * Node's shared 8 KiB pool, and a cached slice would keep the whole slab alive, so the cache's
 * byte count would understate what it holds many times over.
 */
export function ownBytesOf(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/**
 * The JSON array of the given JSON values, in memory of its own (see `ownBytesOf`). As bytes:
 * joining 10 000 buffers is a copy, joining strings and encoding the result took three times as
 * long (bench/README.md).
 */
export function jsonArrayOf(values: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [openBracket];
  for (const [index, value] of values.entries()) {
    if (index > 0) parts.push(comma);
    parts.push(value);
  }
  parts.push(closeBracket);
  const array = Buffer.allocUnsafeSlow(parts.reduce((bytes, part) => bytes + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) offset += part.copy(array, offset);
  return array;
}
