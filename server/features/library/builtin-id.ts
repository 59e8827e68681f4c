import { createHash } from 'node:crypto';

/** The namespace of built-in library ids (RFC 9562 name-based, SHA-1): fixed forever. */
const namespace = Buffer.from('6f1d4b0e9a6c4e5f8b2a3c7d9e0f1a2b', 'hex');

/**
 * The id of a built-in item or component: a UUID (version 5) derived from its key in the data
 * files, so the ids are the same on every installation and after every reload, while the files
 * stay readable with keys such as `yttertak.betongpannor.byte`.
 */
export function builtinId(key: string): string {
  const hash = createHash('sha1').update(namespace).update(key, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
