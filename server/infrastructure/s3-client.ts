import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { S3Config } from '../config.ts';

/**
 * A client for an S3-compatible bucket, for the attachments (server) and the dumps (ops) alike:
 * always HTTPS with certificate verification (against `caFile` for a private CA, else Node's
 * public CAs), TLS 1.2 or newer, and path-style addressing, so private endpoints need no
 * wildcard DNS.
 */
export function createS3Client(config: S3Config): S3Client {
  if (/^[a-z]+:\/\//i.test(config.endpoint)) {
    throw new Error(`An S3 endpoint must be a host name (optionally with :port), not "${config.endpoint}"; HTTPS is always used.`);
  }
  return new S3Client({
    region: config.region,
    endpoint: `https://${config.endpoint}`,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Checksums only where S3 requires them: S3-compatible servers often reject the newer
    // aws-chunked trailers. A dump's integrity is checked end to end by its AES-GCM tag.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Up to three retries (with the SDK's backoff) of throttling, 5xx and dropped connections,
    // among them a pooled connection the server closed just as it was reused.
    maxAttempts: 4,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 10_000,
      httpsAgent: new https.Agent({
        // Keep-alive for both uses: the server sends one request per attachment read or write, and
        // a multipart dump upload one per part, and each reused connection saves a TCP and TLS
        // handshake. It does not hold a finished `ops` command open: Node's agent unreferences
        // idle pooled sockets (a CLI run with keep-alive exits right after its last request).
        keepAlive: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        ...(config.caFile ? { ca: readFileSync(config.caFile) } : {}),
      }),
    }),
  });
}
