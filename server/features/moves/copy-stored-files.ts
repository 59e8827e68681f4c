import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AccountId } from '../../db/account-id.ts';
import { StoredFileMissingError, thumbnailKeyOf, type AttachmentStorage } from '../attachments/attachment-storage.ts';

/** An attachment file's key in another account: keys are `<accountId>/<attachmentId>`. */
export function storageKeyInAccount(storageKey: string, accountId: AccountId): string {
  return `${accountId}${storageKey.slice(storageKey.indexOf('/'))}`;
}

/**
 * Copies each file to its key in the new account, before the move commits, so the moved rows never
 * name a missing file. A file already missing stays missing (its attachment answers as before).
 * Returns the keys written, for the caller to delete if the move fails (else the orphan sweep would,
 * as no row names them).
 */
export async function copyStoredFiles(storage: AttachmentStorage, storageKeys: string[], to: AccountId): Promise<string[]> {
  const written: string[] = [];
  await mkdir(storage.incomingDirectory, { recursive: true, mode: 0o700 });
  for (const key of storageKeys) {
    const temporary = path.join(storage.incomingDirectory, `${randomUUID()}.upload`);
    try {
      await pipeline(await storage.open(key), createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      const target = storageKeyInAccount(key, to);
      await storage.store(target, temporary, (await stat(temporary)).size);
      written.push(target);
    } catch (error) {
      if (!(error instanceof StoredFileMissingError)) throw error;
    } finally {
      await unlink(temporary).catch(() => {});
    }
  }
  return written;
}

/** Deletes files and their thumbnails (made again on demand under the new key); a missing one is no error. */
export async function deleteStoredFiles(storage: AttachmentStorage, storageKeys: string[]): Promise<void> {
  for (const key of storageKeys) {
    await storage.delete(key);
    await storage.delete(thumbnailKeyOf(key));
  }
}
