import path from 'node:path';
import { recordRun, type RunOutcome } from '../backup-runs.ts';
import { storageFor, writeStreamToNewFile } from '../object-storage.ts';
import { OpsError, type OpsContext } from '../ops-context.ts';
import { createEncryptStream, DUMP_OVERHEAD_BYTES } from './dump-encryption.ts';
import { dumpKey } from './dump-names.ts';
import { checkToolResult, libpqEnvironment, postgresClientBinary, startTool, withScratchDirectory } from './postgres-client.ts';

export interface DumpOutcome extends RunOutcome {
  /** Name of the dump in its storage, e.g. `kvarter-20250101T020000Z.dump.enc`. */
  key: string;
  /** Where it is: a file path, or `s3://bucket/dumps/… (endpoint)`. */
  location: string;
  /** Size of the encrypted file. */
  sizeBytes: number;
}

/**
 * The independent daily logical backup: `pg_dump -Fc` of the app database over TLS (verify-full),
 * encrypted on the fly with AES-256-GCM into a private temporary file, then stored (S3 when
 * configured, else `$KVARTER_DATA_DIR/backups/dumps`). Recorded as a 'dump' run.
 *
 * Two dumps started in the same second get the same name; the later one replaces the earlier
 * (each upload is atomic, so the stored dump is always a complete one).
 */
export async function takeDump(context: OpsContext, trigger: 'schedule' | 'manual'): Promise<DumpOutcome> {
  return recordRun(context, 'dump', trigger, async () => {
    const startedAt = new Date();
    const key = dumpKey(startedAt);
    const storage = storageFor(context);
    const passphrase = await context.backupPassphrase();
    const pgDump = await postgresClientBinary('pg_dump');
    const environment = libpqEnvironment(context.databaseUrl, context.databaseCaFile, 'kvarter-dump');

    return withScratchDirectory(context.config.dataDir, async (directory) => {
      const file = path.join(directory, key);
      // The key is derived before pg_dump starts: Node discards a child's stdout that nobody
      // reads by the time it exits, so the reader must be attached at once.
      const encrypt = await createEncryptStream(passphrase);
      // Not waiting for locks forever: a dump must not queue behind (and then block) a long DDL.
      const run = startTool(pgDump, ['--format=custom', '--no-password', '--lock-wait-timeout=120s'], environment);
      const [written, finished] = await Promise.allSettled([writeStreamToNewFile(file, run.stdout, encrypt), run.finished]);
      if (finished.status === 'rejected') throw finished.reason;
      checkToolResult('pg_dump', finished.value.exitCode, finished.value.stderr);
      if (written.status === 'rejected') throw written.reason;
      // A custom-format dump always has a header; nothing at all means the output was lost.
      if (written.value <= DUMP_OVERHEAD_BYTES) throw new OpsError('pg_dump exited successfully but produced no output.');
      const warnings = finished.value.stderr;
      if (warnings) context.log(`pg_dump reported: ${warnings}`);

      await storage.put(key, file, written.value);
      const location = storage.where(key);
      const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(1);
      context.log(`Dump ${key} (${formatBytes(written.value)}, encrypted) stored in ${location} in ${seconds} s.`);
      return {
        key,
        location,
        sizeBytes: written.value,
        message: warnings || undefined,
        details: { key, location, storage: storage.kind },
      };
    });
  });
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
