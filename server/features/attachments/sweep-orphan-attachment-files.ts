import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { AccountId } from '../../db/account-id.ts';
import type { Db } from '../../db/database.ts';
import { scheduleRepeatingJob } from '../../infrastructure/schedule-repeating-job.ts';
import { accountIdOfStorageKey, originalKeyOf, type AttachmentStorage } from './attachment-storage.ts';
import { listExistingStorageKeys } from './attachments.queries.ts';

/**
 * Files younger than this are never swept: an upload stores its file before it inserts its row,
 * so a new file without a row may simply be an upload in progress.
 */
export const orphanGraceMs = 60 * 60 * 1000;

/**
 * Deletes stored files (and thumbnails) that no attachment row points at any more, and received uploads left in
 * the incoming directory by a crash. Rows go away by cascade when an action, plan, property,
 * organisation or account is deleted (decision 0010: a sweep rather than collecting keys in every
 * delete), or when an insert failed after its file was stored. A file whose row is in the trash is
 * kept until the trash is purged (docs/decisions/0033-trash-as-stored-copies.md). Idempotent, so several instances
 * may run it at once. Returns how many files were deleted.
 */
export async function sweepOrphanAttachmentFiles(db: Db, storage: AttachmentStorage, now = new Date()): Promise<number> {
  const cutoff = now.getTime() - orphanGraceMs;
  // Per account, each attachment's own key with the stored files that belong to it (the file, its thumbnail).
  const byAccount = new Map<AccountId, Map<string, string[]>>();
  for (const file of await storage.list()) {
    if (file.lastModified.getTime() > cutoff) continue;
    const accountId = accountIdOfStorageKey(file.key);
    const owners = byAccount.get(accountId) ?? new Map<string, string[]>();
    byAccount.set(accountId, owners);
    const owner = originalKeyOf(file.key);
    owners.set(owner, [...(owners.get(owner) ?? []), file.key]);
  }
  let deleted = 0;
  for (const [accountId, owners] of byAccount) {
    const keys = [...owners.keys()];
    // In batches, so one query's parameter list stays small however many files an account has.
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      const existing = await listExistingStorageKeys(db, accountId, batch);
      for (const key of batch.filter((candidate) => !existing.has(candidate))) {
        for (const file of owners.get(key) ?? []) {
          await storage.delete(file);
          deleted += 1;
        }
      }
    }
  }
  return deleted + (await sweepIncoming(storage.incomingDirectory, cutoff));
}

async function sweepIncoming(directory: string, cutoff: number): Promise<number> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  let deleted = 0;
  for (const name of names.filter((item) => item.endsWith('.upload'))) {
    const file = path.join(directory, name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtime.getTime() <= cutoff) {
      await unlink(file).catch(() => {});
      deleted += 1;
    }
  }
  return deleted;
}

/** Runs the sweep every `intervalMs` (an hour by default) until the returned function is called. */
export function scheduleOrphanSweep(db: Db, storage: AttachmentStorage, log: FastifyBaseLogger, intervalMs?: number): () => void {
  return scheduleRepeatingJob({
    name: 'orphan attachment sweep',
    log,
    intervalMs,
    async run() {
      const deleted = await sweepOrphanAttachmentFiles(db, storage);
      if (deleted > 0) log.info({ deleted }, 'deleted orphan attachment files');
    },
  });
}
