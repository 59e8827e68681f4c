import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterOwner } from './cluster-owner.ts';
import { OpsError } from './ops-context.ts';
import { stanza } from './pgbackrest-config.ts';
import type { RunResult } from './run-command.ts';

/** Runs pgBackRest as the cluster owner (it must read the data directory and own the repository). */
export async function runPgBackRest(
  owner: ClusterOwner,
  configFile: string,
  command: string,
  options: string[] = [],
  /** Arguments after the command, such as the WAL file of archive-push. */
  commandArguments: string[] = [],
): Promise<RunResult> {
  try {
    return await owner.run('pgbackrest', [`--config=${configFile}`, `--stanza=${stanza}`, ...options, command, ...commandArguments]);
  } catch (error) {
    throw explainPgBackRestError(command, error instanceof Error ? error.message : String(error));
  }
}

/**
 * `stanza-create` (idempotent: creates the repository's stanza the first time, confirms it
 * afterwards). PostgreSQL's archiver runs archive-push from the moment the cluster starts, failing
 * until the stanza exists and holding the stanza's archive lock for a moment each time, and
 * stanza-create needs that lock: a collision (exit 50, "unable to acquire lock") is tried again.
 */
export async function createStanza(owner: ClusterOwner, configFile: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await runPgBackRest(owner, configFile, 'stanza-create');
      return;
    } catch (error) {
      if (attempt >= 20 || !/unable to acquire lock/i.test(error instanceof Error ? error.message : String(error))) throw error;
      await sleep(500);
    }
  }
}

/**
 * pgBackRest's errors are precise but cryptic for the common operator mistakes; those get a
 * plain explanation first, followed by pgBackRest's own (printable) first lines.
 */
export function explainPgBackRestError(command: string, message: string): OpsError {
  const detail = message
    .replace(/[^\t\n\x20-\x7e]+/g, '…')
    .split('\n')
    .slice(0, 4)
    .join('\n');
  if (/failed to execute pgbackrest|ENOENT|No such file or directory.*pgbackrest/i.test(message)) {
    return new OpsError('pgBackRest is not installed. Run: sudo apt-get install -y pgbackrest (npm start installs it).');
  }
  if (/unable to load info file/.test(message) && /FormatError|CryptoError/.test(message)) {
    return new OpsError(
      'The backup repository cannot be decrypted: the passphrase (BACKUP_ENCRYPTION_PASSPHRASE, or secrets/backup-passphrase) is not the one the repository was created with.',
    );
  }
  if (/HostConnectError|unable to connect|unable to get address|TLS/i.test(message) && /s3|http|host/i.test(message)) {
    return new OpsError(`The S3 backup repository cannot be reached (check BACKUP_S3_ENDPOINT, the network and BACKUP_S3_CA_FILE):\n${detail}`);
  }
  return new OpsError(`pgbackrest ${command} failed:\n${detail}`);
}

export interface BackupSummary {
  label: string;
  type: 'full' | 'diff' | 'incr';
  startedAt: string;
  stoppedAt: string;
  /** Size of the database at backup time, and what the backup occupies in the repository. */
  sizeBytes: number;
  repositorySizeBytes: number;
  walStart: string;
  walStop: string;
}

export interface RepositoryInfo {
  status: { code: number; message: string };
  backups: BackupSummary[];
  archive: { min: string | null; max: string | null };
}

interface InfoJson {
  status: { code: number; message: string };
  backup?: {
    label: string;
    type: 'full' | 'diff' | 'incr';
    timestamp: { start: number; stop: number };
    info: { size: number; repository: { delta: number } };
    archive: { start: string; stop: string };
  }[];
  archive?: { min: string | null; max: string | null }[];
}

/** `pgbackrest info --output=json`, reduced to what status and restore need. */
export async function readRepositoryInfo(owner: ClusterOwner, configFile: string): Promise<RepositoryInfo> {
  const result = await runPgBackRest(owner, configFile, 'info', ['--output=json']);
  const [info] = JSON.parse(result.stdout) as InfoJson[];
  if (!info) throw new Error('pgbackrest info returned no stanza');
  return {
    status: info.status,
    backups: (info.backup ?? []).map((backup) => ({
      label: backup.label,
      type: backup.type,
      startedAt: new Date(backup.timestamp.start * 1000).toISOString(),
      stoppedAt: new Date(backup.timestamp.stop * 1000).toISOString(),
      sizeBytes: backup.info.size,
      repositorySizeBytes: backup.info.repository.delta,
      walStart: backup.archive.start,
      walStop: backup.archive.stop,
    })),
    archive: { min: info.archive?.[0]?.min ?? null, max: info.archive?.[0]?.max ?? null },
  };
}
