import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createReadStream, readFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { S3Config } from '../../config.ts';
import { checkStorageKey, isStorageKey, StoredFileMissingError, type AttachmentStorage, type StoredFile } from './attachment-storage.ts';

/**
 * Files as objects `<prefix><accountId>/<attachmentId>` in an S3-compatible bucket, always over
 * HTTPS with certificate verification (against `caFile` for a private CA, else Node's public CAs),
 * configured like the backups' storage in ops/object-storage.ts, which the server may not import.
 * An object appears whole or not at all (a PUT is atomic), so there is no temporary object.
 */
export function createS3AttachmentStorage(config: S3Config, prefix: string, incomingDirectory: string): AttachmentStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: `https://${config.endpoint}`,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // S3-compatible servers often reject the newer aws-chunked checksum trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 10_000,
      httpsAgent: new https.Agent({
        keepAlive: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        ...(config.caFile ? { ca: readFileSync(config.caFile) } : {}),
      }),
    }),
  });
  const bucket = config.bucket;
  const objectKey = (key: string) => `${prefix}${checkStorageKey(key)}`;

  return {
    kind: 's3',
    incomingDirectory,

    async store(key, file, sizeBytes) {
      try {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey(key), Body: createReadStream(file), ContentLength: sizeBytes }));
      } finally {
        await unlink(file).catch(() => {});
      }
    },

    async open(key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        if (!(response.Body instanceof Readable)) throw new Error('the S3 response has no readable body');
        return response.Body;
      } catch (error) {
        if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) throw new StoredFileMissingError(key);
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },

    async list() {
      const found: StoredFile[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const item of page.Contents ?? []) {
          const key = item.Key?.slice(prefix.length);
          if (key && item.Key?.startsWith(prefix) && isStorageKey(key)) found.push({ key, lastModified: item.LastModified ?? new Date(0) });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return found;
    },
  };
}
