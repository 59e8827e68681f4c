import { recordRun, type RunOutcome } from '../backup-runs.ts';
import { storageFor } from '../object-storage.ts';
import type { OpsContext } from '../ops-context.ts';
import { listDumps } from './list-dumps.ts';

export interface ExpireOutcome extends RunOutcome {
  deleted: string[];
  kept: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes dumps taken more than DUMP_RETENTION_DAYS before `now` (by the time in their name, or
 * their storage time when the name has none), but never the newest dump, so an installation whose
 * dumps stopped working still has its last one. Recorded as an 'expire-dumps' run.
 */
export async function expireDumps(context: OpsContext, trigger: 'schedule' | 'manual', now: Date = new Date()): Promise<ExpireOutcome> {
  return recordRun(context, 'expire-dumps', trigger, async () => {
    const storage = storageFor(context);
    const dumps = await listDumps(context, storage);
    const cutoff = now.getTime() - context.config.backup.dumpRetentionDays * DAY_MS;
    const expired = dumps.slice(1).filter((dump) => dump.takenAt.getTime() < cutoff);
    const deleted: string[] = [];
    for (const dump of expired) {
      await storage.delete(dump.key);
      deleted.push(dump.key);
    }
    const kept = dumps.length - deleted.length;
    const message = `Deleted ${deleted.length} dump(s) older than ${context.config.backup.dumpRetentionDays} days; ${kept} kept in ${storage.location}.`;
    context.log(message);
    return { deleted, kept, message, details: { deleted } };
  });
}
