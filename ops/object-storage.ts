import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Config } from '../server/config.ts';
import { createS3Client } from '../server/infrastructure/s3-client.ts';
import { syncDirectory } from '../server/infrastructure/sync-directory.ts';
import type { OpsContext } from './ops-context.ts';

/** One stored object; `key` is relative to the storage (no prefix). */
export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

/**
 * The few operations backups need from a place that keeps files: a local directory or an
 * S3-compatible bucket. Keys are relative names (`kvarter-20250101T000000Z.dump.enc`, or with
 * `/`-separated folders); each write is all or nothing.
 */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Human-readable place: a directory, or `s3://bucket/prefix (endpoint)`. */
  readonly location: string;
  /** Where one object lives, for messages and run records. */
  where(key: string): string;
  /** Stores a file (given by path) or a stream; `size` is required for a stream sent to S3. */
  put(key: string, source: string | Readable, size?: number): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Objects whose key starts with `prefix` (all when omitted), in no particular order. */
  list(prefix?: string): Promise<StoredObject[]>;
  /** Deleting a missing object is not an error (as in S3). */
  delete(key: string): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(
    readonly key: string,
    location: string,
  ) {
    super(`There is no object "${key}" in ${location}.`);
    this.name = 'ObjectNotFoundError';
  }
}

/** Dumps go to S3 (under `dumps/`) when BACKUP_S3_* is set, else to `$KVARTER_DATA_DIR/backups/dumps`. */
export function storageFor(context: Pick<OpsContext, 'config'>): ObjectStorage {
  const s3 = context.config.backup.s3;
  return s3 ? createS3Storage(s3, { prefix: 'dumps/' }) : createLocalStorage(path.join(context.config.dataDir, 'backups', 'dumps'));
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Keys name files on disk too, so they are kept to a safe alphabet: no `..`, no absolute paths,
 * no segment starting with a dot (which is how temporary files are recognised).
 */
function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key) || key.length > 512) {
    throw new Error(`Invalid storage key "${key}": use letters, digits, ".", "_", "-" and "/" between names.`);
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// Local directory

/**
 * Objects as files under `directory` (mode 700, files 600). A put writes `.name.<random>.tmp`
 * beside the target, flushes it to disk and renames it into place, so a reader or a crash never
 * sees half a file.
 */
export function createLocalStorage(directory: string): ObjectStorage {
  const root = path.resolve(directory);
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split('/'));

  async function ensureDirectory(target: string): Promise<void> {
    // Two steps, so that only our own directories (not the data directory or its parents) get mode 700.
    await mkdir(path.dirname(root), { recursive: true });
    for (let current = root; ;) {
      await mkdir(current, { recursive: true, mode: 0o700 });
      await chmod(current, 0o700);
      if (current === target) break;
      current = path.join(current, path.relative(current, target).split(path.sep)[0]!);
    }
  }

  return {
    kind: 'local',
    location: root,
    where: (key) => fileOf(key),

    async put(key, source, size) {
      const file = fileOf(key);
      await ensureDirectory(path.dirname(file));
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const written = await writeStreamToNewFile(temporary, typeof source === 'string' ? createReadStream(source) : source);
        if (size !== undefined && written !== size) throw new Error(`Stored ${written} bytes for ${key}, expected ${size}.`);
        await rename(temporary, file);
        await syncDirectory(path.dirname(file));
      } catch (error) {
        await unlink(temporary).catch(() => {});
        throw error;
      }
    },

    async get(key) {
      const file = fileOf(key);
      const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new ObjectNotFoundError(key, root);
        throw error;
      });
      if (!info.isFile()) throw new ObjectNotFoundError(key, root);
      return createReadStream(file);
    },

    async list(prefix = '') {
      const found: StoredObject[] = [];
      const walk = async (directoryPath: string, keyPrefix: string): Promise<void> => {
        const entries = await readdir(directoryPath, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        });
        for (const entry of entries) {
          // Temporary files of unfinished puts start with a dot.
          if (entry.name.startsWith('.')) continue;
          const key = `${keyPrefix}${entry.name}`;
          const full = path.join(directoryPath, entry.name);
          if (entry.isDirectory()) {
            if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await walk(full, `${key}/`);
          } else if (entry.isFile() && key.startsWith(prefix)) {
            const info = await stat(full).catch(() => undefined);
            if (info) found.push({ key, size: info.size, lastModified: info.mtime });
          }
        }
      };
      await walk(root, '');
      return found;
    },

    async delete(key) {
      await unlink(fileOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
  };
}

/**
 * Writes a stream (through an optional transform) into a new file (mode 600; fails if it exists)
 * and flushes it to disk; returns its size. The caller removes the file on failure.
 */
export async function writeStreamToNewFile(file: string, source: Readable, transform?: Transform): Promise<number> {
  const target = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  await (transform ? pipeline(source, transform, target) : pipeline(source, target));
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// S3

export interface S3StorageOptions {
  /** Prepended to every key (e.g. `dumps/`); `list` and keys handed out are relative to it. */
  prefix?: string;
  /** Files larger than this go up in parts (a single PUT is limited to 5 GiB). Default 256 MiB. */
  multipartThresholdBytes?: number;
  /** Part size for multipart uploads; at least 5 MiB (S3's minimum). Default 64 MiB. */
  partSizeBytes?: number;
  /** Objects per list request (S3's maximum is 1000). */
  listPageSize?: number;
}

const MIB = 1024 * 1024;
const MAX_PARTS = 10_000;
const MAX_SINGLE_PUT = 5 * 1024 * MIB;

/** An S3-compatible bucket, through the client the attachments use too (server/infrastructure/s3-client.ts). */
export function createS3Storage(config: S3Config, options: S3StorageOptions = {}): ObjectStorage {
  const prefix = options.prefix ?? '';
  if (prefix !== '' && !prefix.endsWith('/')) throw new Error(`The S3 key prefix "${prefix}" must end with "/".`);
  const threshold = options.multipartThresholdBytes ?? 256 * MIB;
  const minimumPartSize = Math.max(options.partSizeBytes ?? 64 * MIB, 5 * MIB);
  const client = createS3Client(config);
  const bucket = config.bucket;
  const location = `s3://${bucket}/${prefix} (${config.endpoint})`;
  const fullKey = (key: string) => `${prefix}${checkKey(key)}`;
  const fail = (action: string, key: string, error: unknown): never => {
    // The SDK's error carries the whole HTTP response; the message keeps what helps an operator.
    const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
    const reason = error instanceof Error ? `${error.name}${status ? ` (HTTP ${status})` : ''}: ${error.message}` : String(error);
    throw new Error(`S3 ${action} of s3://${bucket}/${prefix}${key} at ${config.endpoint} failed: ${reason}`);
  };

  async function putMultipart(key: string, file: string, size: number): Promise<void> {
    const partSize = Math.max(minimumPartSize, Math.ceil(size / MAX_PARTS));
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    if (!UploadId) throw new Error('the server returned no UploadId');
    try {
      const parts: CompletedPart[] = [];
      for (let start = 0, number = 1; start < size; start += partSize, number++) {
        const end = Math.min(start + partSize, size);
        const { ETag } = await client.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: key,
            UploadId,
            PartNumber: number,
            ContentLength: end - start,
            Body: createReadStream(file, { start, end: end - 1 }),
          }),
        );
        parts.push({ PartNumber: number, ETag });
      }
      await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })).catch(() => {});
      throw error;
    }
  }

  return {
    kind: 's3',
    location,
    where: (key) => `s3://${bucket}/${fullKey(key)} (${config.endpoint})`,

    async put(key, source, size) {
      const objectKey = fullKey(key);
      try {
        if (typeof source === 'string') {
          const fileSize = (await stat(source)).size;
          if (size !== undefined && size !== fileSize) throw new Error(`${source} has ${fileSize} bytes, expected ${size}`);
          if (fileSize > threshold) {
            await putMultipart(objectKey, source, fileSize);
            return;
          }
          await client.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: createReadStream(source), ContentLength: fileSize }));
          return;
        }
        if (size === undefined) throw new Error('the size of a stream must be given');
        if (size > MAX_SINGLE_PUT) throw new Error('a stream larger than 5 GiB cannot be sent in one request; pass a file path');
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: source, ContentLength: size }));
      } catch (error) {
        fail('upload', key, error);
      }
    },

    async get(key) {
      const objectKey = fullKey(key);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
        if (!(response.Body instanceof Readable)) throw new Error('the response has no readable body');
        return response.Body;
      } catch (error) {
        if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) throw new ObjectNotFoundError(key, location);
        return fail('download', key, error);
      }
    },

    async list(listPrefix = '') {
      const found: StoredObject[] = [];
      let token: string | undefined;
      try {
        do {
          const page = await client.send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}${listPrefix}`, ContinuationToken: token, MaxKeys: options.listPageSize }),
          );
          for (const item of page.Contents ?? []) {
            if (!item.Key?.startsWith(prefix)) continue;
            found.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
      } catch (error) {
        fail('listing', listPrefix, error);
      }
      return found;
    },

    async delete(key) {
      const objectKey = fullKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey }));
      } catch (error) {
        fail('deletion', key, error);
      }
    },
  };
}
