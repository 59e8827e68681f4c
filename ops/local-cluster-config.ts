import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface LocalClusterConfig {
  pgDataDir: string;
  port: number;
  socketDir: string;
  /** OS user allowed to connect as the superuser over the Unix socket. */
  ownerName: string;
  /** True when the owner is the `postgres` OS user (we run as root). */
  ownerIsPostgres: boolean;
}

/**
 * Writes Kvarter's settings into `kvarter.conf` (included from postgresql.conf) and replaces
 * pg_hba.conf, so that initdb's defaults stay untouched and our settings can be rewritten freely.
 */
export async function writeLocalClusterConfig(config: LocalClusterConfig): Promise<void> {
  const settings = [
    '# Managed by Kvarter (ops/local-cluster-config.ts); rewritten before every start, do not edit.',
    "listen_addresses = '127.0.0.1'",
    `port = ${config.port}`,
    `unix_socket_directories = ${quote(config.socketDir)}`,
    'max_connections = 100',
    'shared_buffers = 128MB',
    'ssl = on',
    "ssl_cert_file = 'server.crt'",
    "ssl_key_file = 'server.key'",
    "ssl_min_protocol_version = 'TLSv1.3'",
    "password_encryption = 'scram-sha-256'",
    // The defaults, said explicitly: a copy restored from an HA node's backup inherits Patroni's
    // settings, which name that node's files and wait for a synchronous standby it will never have.
    `hba_file = ${quote(path.join(config.pgDataDir, 'pg_hba.conf'))}`,
    `ident_file = ${quote(path.join(config.pgDataDir, 'pg_ident.conf'))}`,
    "synchronous_standby_names = ''",
    // pg_ctl -l captures stderr into postgres/server.log, which start errors quote from.
    "log_destination = 'stderr'",
    'logging_collector = off',
    // Needed by pgBackRest WAL archiving; set now so enabling backups needs no wal_level change.
    'wal_level = replica',
    '',
    '# WAL archiving (archive_mode, archive_command, archive_timeout) for pgBackRest lives in its',
    '# own file, written by the backup module; it is absent until backups are configured.',
    "include_if_exists 'kvarter-archiving.conf'",
    '',
  ];
  await writeFileAtomic(path.join(config.pgDataDir, 'kvarter.conf'), settings.join('\n'), { mode: 0o600, replace: true });

  const mainFile = path.join(config.pgDataDir, 'postgresql.conf');
  const main = await readFile(mainFile, 'utf8');
  if (!/^\s*include\s+'kvarter\.conf'/m.test(main)) {
    const addition = "\n# Kvarter's settings; later lines win, so this stays last.\ninclude 'kvarter.conf'\n";
    await writeFileAtomic(mainFile, main + addition, { mode: 0o600, replace: true });
  }

  // Over TCP only TLS with SCRAM is accepted; the Unix socket serves local administration
  // (and, later, pgBackRest) by peer authentication as the cluster's OS owner.
  const local = config.ownerIsPostgres ? 'local      all       postgres                peer' : 'local      all       postgres                peer map=kvarter';
  const hba = [
    '# Managed by Kvarter (ops/local-cluster-config.ts); rewritten before every start, do not edit.',
    '# TYPE     DATABASE  USER      ADDRESS       METHOD',
    local,
    'hostssl    all       all       127.0.0.1/32  scram-sha-256',
    'hostssl    all       all       ::1/128       scram-sha-256',
    'hostnossl  all       all       0.0.0.0/0     reject',
    'hostnossl  all       all       ::/0          reject',
    '',
  ];
  await writeFileAtomic(path.join(config.pgDataDir, 'pg_hba.conf'), hba.join('\n'), { mode: 0o600, replace: true });
  if (!config.ownerIsPostgres) {
    const ident = ['# Managed by Kvarter: the OS user running the cluster may act as the postgres role.', `kvarter  ${config.ownerName}  postgres`, ''];
    await writeFileAtomic(path.join(config.pgDataDir, 'pg_ident.conf'), ident.join('\n'), { mode: 0o600, replace: true });
  }
}

/** Quotes a value for postgresql.conf, where backslash and the single quote are special. */
function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
