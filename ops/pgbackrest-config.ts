import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BackupConfig } from '../server/config.ts';
import type { ClusterOwner } from './cluster-owner.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export const stanza = 'kvarter';

export interface PgBackRestPaths {
  configFile: string;
  /** The posix repository (repo1) when no S3 is configured. */
  repositoryDir: string;
  logDir: string;
}

export function pgBackRestPaths(dataDir: string): PgBackRestPaths {
  return {
    configFile: path.join(dataDir, 'pgbackrest', 'pgbackrest.conf'),
    repositoryDir: path.join(dataDir, 'backups', 'pgbackrest'),
    logDir: path.join(dataDir, 'pgbackrest', 'log'),
  };
}

export interface PgBackRestSettings {
  dataDir: string;
  pgDataDir: string;
  port: number;
  socketDir: string;
  backup: BackupConfig;
  passphrase: string;
  owner: ClusterOwner;
  /** Where the files go; the managed cluster's (pgBackRestPaths) unless given (an HA node's own). */
  paths?: PgBackRestPaths;
}

/**
 * Writes pgbackrest.conf (mode 600, owned by the cluster owner: it holds the repository
 * passphrase and S3 keys). repo1 is local unless BACKUP_S3_* is set; either way encrypted
 * (aes-256-cbc) and zstd-compressed, with time-based retention covering the PITR window.
 */
export async function writePgBackRestConfig(settings: PgBackRestSettings): Promise<PgBackRestPaths> {
  const paths = settings.paths ?? pgBackRestPaths(settings.dataDir);
  const base = path.dirname(paths.configFile);
  for (const directory of [base, paths.logDir, path.join(base, 'lock'), path.join(base, 'spool'), path.dirname(paths.repositoryDir), paths.repositoryDir]) {
    await mkdir(directory, { recursive: true, mode: 0o700 });
  }
  const { s3 } = settings.backup;
  const repository = s3
    ? [
        'repo1-type=s3',
        'repo1-path=/pgbackrest',
        `repo1-s3-bucket=${s3.bucket}`,
        `repo1-s3-endpoint=${s3.endpoint.split(':')[0]}`,
        ...(s3.endpoint.includes(':') ? [`repo1-storage-port=${s3.endpoint.split(':')[1]}`] : []),
        `repo1-s3-region=${s3.region}`,
        `repo1-s3-key=${s3.accessKeyId}`,
        `repo1-s3-key-secret=${s3.secretAccessKey}`,
        'repo1-s3-uri-style=path',
        // pgBackRest always speaks TLS to S3 and verifies the certificate.
        ...(s3.caFile ? [`repo1-storage-ca-file=${s3.caFile}`] : []),
      ]
    : ['repo1-type=posix', `repo1-path=${paths.repositoryDir}`];
  const lines = [
    '# Managed by Kvarter (ops/pgbackrest-config.ts); rewritten at every start, do not edit.',
    '[global]',
    ...repository,
    // Keeps every full backup needed to restore any moment of the last N days, and their WAL.
    'repo1-retention-full-type=time',
    `repo1-retention-full=${settings.backup.pitrWindowDays}`,
    'repo1-cipher-type=aes-256-cbc',
    `repo1-cipher-pass=${settings.passphrase}`,
    'compress-type=zst',
    // Asynchronous archiving: a background process ships several segments at once (faster to S3);
    // PostgreSQL still counts a segment as archived only once it is in the repository, so the
    // spool adds nothing to the RPO. While the repository is unreachable, WAL waits in pg_wal.
    'archive-async=y',
    `spool-path=${path.join(base, 'spool')}`,
    `lock-path=${path.join(base, 'lock')}`,
    `log-path=${paths.logDir}`,
    'log-level-console=warn',
    'log-level-stderr=error',
    'log-level-file=info',
    'start-fast=y',
    'process-max=2',
    '',
    `[${stanza}]`,
    `pg1-path=${settings.pgDataDir}`,
    `pg1-port=${settings.port}`,
    `pg1-socket-path=${settings.socketDir}`,
    'pg1-user=postgres',
    '',
  ];
  await writeFileAtomic(paths.configFile, lines.join('\n'), { mode: 0o600, replace: true });
  await settings.owner.adopt(base);
  await settings.owner.adopt(path.dirname(paths.repositoryDir));
  return paths;
}

/**
 * PostgreSQL's side of archiving. archive_timeout bounds the RPO: a partly filled WAL segment is
 * closed after at most 30 s and reaches the repository about half a second later (measured: loss =
 * time since the last switch + 0.4–0.6 s). 30 rather than the required 60 keeps the measured worst
 * case well inside the target. The HA nodes get the same settings through Patroni.
 */
export function archivingSettings(configFile: string): { archive_mode: 'on'; archive_command: string; archive_timeout: number } {
  if (configFile.includes("'")) throw new Error(`The data directory path must not contain a quote: ${configFile}`);
  return { archive_mode: 'on', archive_command: `pgbackrest --config=${configFile} --stanza=${stanza} archive-push %p`, archive_timeout: 30 };
}

/** The managed cluster's archiving settings, in the file kvarter.conf includes. */
export async function writeArchivingConfig(pgDataDir: string, configFile: string): Promise<void> {
  const settings = archivingSettings(configFile);
  const lines = [
    '# Managed by Kvarter (ops/pgbackrest-config.ts); rewritten at every start, do not edit.',
    `archive_mode = ${settings.archive_mode}`,
    `archive_command = '${settings.archive_command}'`,
    `archive_timeout = ${settings.archive_timeout}`,
    '',
  ];
  await writeFileAtomic(path.join(pgDataDir, 'kvarter-archiving.conf'), lines.join('\n'), { mode: 0o600, replace: true });
}
