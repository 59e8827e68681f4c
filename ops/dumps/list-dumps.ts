import { storageFor, type ObjectStorage } from '../object-storage.ts';
import type { OpsContext } from '../ops-context.ts';
import { DUMP_SUFFIX, dumpTimeFromKey } from './dump-names.ts';

export interface DumpEntry {
  key: string;
  sizeBytes: number;
  lastModified: Date;
  /** The moment in the dump's name, or its storage time for a name without one. */
  takenAt: Date;
}

/** Every stored dump (`*.dump.enc`), newest first. */
export async function listDumps(context: Pick<OpsContext, 'config'>, storage: ObjectStorage = storageFor(context)): Promise<DumpEntry[]> {
  const objects = await storage.list();
  return objects
    .filter((object) => object.key.endsWith(DUMP_SUFFIX))
    .map((object) => ({
      key: object.key,
      sizeBytes: object.size,
      lastModified: object.lastModified,
      takenAt: dumpTimeFromKey(object.key) ?? object.lastModified,
    }))
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.key.localeCompare(a.key));
}
