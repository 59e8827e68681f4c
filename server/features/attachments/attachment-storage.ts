import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AttachmentConfig } from '../../config.ts';
import { createDiskAttachmentStorage } from './disk-attachment-storage.ts';
import { createS3AttachmentStorage } from './s3-attachment-storage.ts';
import { asAccountId, type AccountId } from '../../db/account-id.ts';

/** One stored file; `key` is `<accountId>/<attachmentId>` (the row's storage_key) or that key's thumbnail key. */
export interface StoredFile {
  key: string;
  lastModified: Date;
}

/**
 * Where attachment files live: a directory under the data directory, or an S3-compatible bucket
 * (decision 0010). Uploads are first received into `incomingDirectory` on local disk (so their
 * size and type are known before anything is stored) and then handed over with `store`.
 */
export interface AttachmentStorage {
  readonly kind: 'disk' | 's3';
  /** Local directory for uploads being received; files in it are temporary. */
  readonly incomingDirectory: string;
  /** Moves a received file (in `incomingDirectory`) into storage under `key`; the local file is gone afterwards. */
  store(key: string, file: string, sizeBytes: number): Promise<void>;
  /** The file's bytes; throws StoredFileMissingError when there is no such file. */
  open(key: string): Promise<Readable>;
  /** Deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored file, in no particular order (for the orphan sweep). */
  list(): Promise<StoredFile[]>;
}

export class StoredFileMissingError extends Error {
  constructor(readonly key: string) {
    super(`The stored file ${key} is missing`);
    this.name = 'StoredFileMissingError';
  }
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A photo's thumbnail is kept beside it, under its key with this suffix (decision 0023). */
const thumbnailSuffix = '.thumbnail';
const originalKeyPattern = new RegExp(`^${uuid}/${uuid}$`);
const storageKeyPattern = new RegExp(`^${uuid}/${uuid}(?:\\${thumbnailSuffix})?$`);

/** Keys name files on disk, so only the shapes we create are accepted (no `..`, no absolute paths). */
export function storageKeyOf(accountId: AccountId, attachmentId: string): string {
  return checkOriginalKey(`${accountId}/${attachmentId}`);
}

/** Where the thumbnail of the file stored under `storageKey` is kept. */
export function thumbnailKeyOf(storageKey: string): string {
  return `${checkOriginalKey(storageKey)}${thumbnailSuffix}`;
}

/** The key of the attachment's own file: the key itself, or the one a thumbnail key was derived from. */
export function originalKeyOf(key: string): string {
  return checkStorageKey(key).endsWith(thumbnailSuffix) ? key.slice(0, -thumbnailSuffix.length) : key;
}

export function checkStorageKey(key: string): string {
  if (!storageKeyPattern.test(key)) throw new Error(`Invalid attachment storage key "${key}"`);
  return key;
}

function checkOriginalKey(key: string): string {
  if (!originalKeyPattern.test(key)) throw new Error(`Invalid attachment storage key "${key}"`);
  return key;
}

export function isStorageKey(key: string): boolean {
  return storageKeyPattern.test(key);
}

/** The account a key belongs to (its first segment). */
export function accountIdOfStorageKey(key: string): AccountId {
  return asAccountId(checkStorageKey(key).slice(0, 36));
}

/** S3 when ATTACHMENT_S3_* is set, else `$KVARTER_DATA_DIR/attachments`. Uploads are received under the data directory either way. */
export function createAttachmentStorage(dataDir: string, config: AttachmentConfig): AttachmentStorage {
  const root = path.join(dataDir, 'attachments');
  const incomingDirectory = path.join(root, '.incoming');
  return config.s3 ? createS3AttachmentStorage(config.s3, config.s3Prefix, incomingDirectory) : createDiskAttachmentStorage(root, incomingDirectory);
}
