import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply } from 'fastify';

/**
 * Compression of the few large JSON answers (the action list, the occurrences: megabytes at 10 000
 * actions), decision 0016. Only these: they hold plan data and never a secret beside text a
 * visitor controls, so compressing them opens no BREACH-style guessing, which a global compressor
 * over every answer (sessions, CSRF tokens) could.
 */
export type JsonEncoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from the request's `Accept-Encoding` (RFC 9110 §12.5.3): of brotli
 * and gzip the one with the higher weight, brotli on a tie (every current browser offers both);
 * none when neither is acceptable. `q=0` refuses a coding, `*` stands for any coding not named,
 * and `x-gzip` is gzip.
 */
export function preferredJsonEncoding(acceptEncoding: string | string[] | undefined): JsonEncoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [named = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const coding = named === 'x-gzip' ? 'gzip' : named;
    if (coding === '') continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: JsonEncoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const [brotli, gzipWeight] = [weightOf('br'), weightOf('gzip')];
  if (brotli > 0 && brotli >= gzipWeight) return 'br';
  if (gzipWeight > 0) return 'gzip';
  return undefined;
}

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The bytes compressed on the thread pool, so the event loop stays free. The fastest settings:
 * JSON of plan data compresses about tenfold even so, and brotli 4 or gzip 6 took two to four
 * times as long for 16–20 % less (`bench/json-encoding.bench.ts`, bench/README.md).
 */
export function encodeJson(json: Buffer, encoding: JsonEncoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(json, { level: 1 });
  return brotliCompress(json, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 1,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: json.byteLength,
    },
  });
}

/** Sends JSON bytes already in `encoding` (or plain), telling caches that the answer depends on Accept-Encoding. */
export function sendJsonBytes(reply: FastifyReply, bytes: Buffer, encoding: JsonEncoding | undefined): FastifyReply {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary === undefined ? 'accept-encoding' : `${String(vary)}, accept-encoding`);
  if (encoding !== undefined) reply.header('content-encoding', encoding);
  return reply.status(200).type('application/json; charset=utf-8').send(bytes);
}
