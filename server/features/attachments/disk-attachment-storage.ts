import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../../infrastructure/sync-directory.ts';
import { checkStorageKey, isStorageKey, StoredFileMissingError, type AttachmentStorage, type StoredFile } from './attachment-storage.ts';

/**
 * Files under `root/<accountId>/<attachmentId>` (directories 700, files 600). Received uploads are
 * in `incomingDirectory` on the same file system, so storing one is an atomic rename: a reader or
 * a crash never sees half a file.
 */
export function createDiskAttachmentStorage(root: string, incomingDirectory: string): AttachmentStorage {
  const fileOf = (key: string) => path.join(root, ...checkStorageKey(key).split('/'));

  return {
    kind: 'disk',
    incomingDirectory,

    async store(key, file) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(file, target);
      await syncDirectory(path.dirname(target));
    },

    async open(key) {
      const file = fileOf(key);
      const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new StoredFileMissingError(key);
        throw error;
      });
      if (!info.isFile()) throw new StoredFileMissingError(key);
      return createReadStream(file);
    },

    async delete(key) {
      await unlink(fileOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },

    async list() {
      const found: StoredFile[] = [];
      for (const account of await readdirOrEmpty(root)) {
        // `.incoming` and anything else that is not an account's folder is not ours to list.
        if (!account.isDirectory() || account.name.startsWith('.')) continue;
        for (const entry of await readdirOrEmpty(path.join(root, account.name))) {
          const key = `${account.name}/${entry.name}`;
          if (!entry.isFile() || !isStorageKey(key)) continue;
          const info = await stat(path.join(root, account.name, entry.name)).catch(() => undefined);
          if (info) found.push({ key, lastModified: info.mtime });
        }
      }
      return found;
    },
  };
}

async function readdirOrEmpty(directory: string) {
  return readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}
