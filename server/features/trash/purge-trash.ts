import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.ts';
import { scheduleRepeatingJob } from '../../infrastructure/schedule-repeating-job.ts';
import { purgeTrashItems } from './trash.queries.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** When an item deleted at `deletedAt` is purged, kept for `retentionDays` (TRASH_RETENTION_DAYS). */
export function purgeDateOf(deletedAt: Date, retentionDays: number): Date {
  return new Date(deletedAt.getTime() + retentionDays * dayMs);
}

/**
 * Deletes for good what has been in the trash longer than `retentionDays` at `now`, with the history
 * of the plans purged with it; their attachment files go with the next orphan sweep, which keeps
 * files the trash names. Idempotent, so several instances may run it at once. Returns how many
 * items were purged.
 */
export async function purgeExpiredTrash(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  return purgeTrashItems(db, new Date(now.getTime() - retentionDays * dayMs));
}

/** Runs the purge every `intervalMs` (an hour by default) until the returned function is called. */
export function scheduleTrashPurge(db: Db, retentionDays: number, log: FastifyBaseLogger, intervalMs?: number): () => void {
  return scheduleRepeatingJob({
    name: 'trash purge',
    log,
    intervalMs,
    async run() {
      const purged = await purgeExpiredTrash(db, retentionDays);
      if (purged > 0) log.info({ purged }, 'purged expired trash items');
    },
  });
}
