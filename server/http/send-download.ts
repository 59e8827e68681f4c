import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/** Replaces the app's policy on files we serve: nothing in them may run, and they may not be framed. */
export const sandboxPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

/**
 * Sends a file as a download, never rendered on our origin (attachments, exports, reports): a PDF
 * or an image with a script inside runs nowhere, even when opened from the address bar. Personal
 * data, so no cache keeps it. The sandbox CSP replaces the app's, so it repeats `frame-ancestors`.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; content: Buffer | Readable | NodeJS.ReadableStream; sizeBytes?: number },
): FastifyReply {
  reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', sandboxPolicy)
    .header('cache-control', 'private, no-store');
  if (file.sizeBytes !== undefined) reply.header('content-length', String(file.sizeBytes));
  return reply.send(file.content);
}

/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266 §4.3): `filename*` in UTF-8 for
 * browsers, and an ASCII `filename` for old clients, with anything else replaced by `_`.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** RFC 5987 `value-chars`: percent-encode everything except attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
