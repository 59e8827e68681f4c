import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { S3Config } from '../../config.ts';
import { createS3Client } from '../../infrastructure/s3-client.ts';
import { checkStorageKey, isStorageKey, StoredFileMissingError, type AttachmentStorage, type StoredFile } from './attachment-storage.ts';

/**
 * Files as objects `<prefix><accountId>/<attachmentId>` in an S3-compatible bucket, through the
 * client the backups' dumps use too (server/infrastructure/s3-client.ts). An object appears whole
 * or not at all (a PUT is atomic), so there is no temporary object.
 */
export function createS3AttachmentStorage(config: S3Config, prefix: string, incomingDirectory: string): AttachmentStorage {
  const client = createS3Client(config);
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
