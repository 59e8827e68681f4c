import path from 'node:path';
import { haScope, type HaLayout, type HaNode, type HaTopology } from './ha-layout.ts';

export interface PatroniSecrets {
  superuserPassword: string;
  replicationPassword: string;
  /** Basic authentication of Patroni's unsafe REST endpoints (switchover, restart). */
  apiPassword: string;
}

export const patroniApiUser = 'patroni';

/**
 * One node's Patroni configuration. Written as JSON, which YAML parsers read as it is, so no YAML
 * library is needed. The reasons for the timings and for synchronous replication are in
 * docs/decisions/0048-high-availability-topology.md.
 */
export function patroniConfig(
  layout: HaLayout,
  topology: HaTopology,
  node: HaNode,
  settings: {
    secrets: PatroniSecrets;
    postgresBinDir: string;
    socketDir: string;
    /** archive_mode, archive_command (through this node's pgbackrest.conf) and archive_timeout: ha-backups.ts. */
    archiving: Record<string, string | number>;
  },
): object {
  const { secrets } = settings;
  const directory = layout.nodeDir(node.name);
  const { caFile, certFile, keyFile, etcdClientCertFile, etcdClientKeyFile } = layout.certs;
  // Patroni's own connections (and pg_rewind, pg_basebackup) go over TCP, which pg_hba allows only with TLS.
  const verified = { sslmode: 'verify-full', sslrootcert: caFile };
  return {
    scope: haScope,
    namespace: '/service/',
    name: node.name,
    log: { level: 'INFO', dir: path.join(directory, 'log') },
    restapi: {
      listen: `127.0.0.1:${node.apiPort}`,
      connect_address: `127.0.0.1:${node.apiPort}`,
      certfile: certFile,
      keyfile: keyFile,
      authentication: { username: patroniApiUser, password: secrets.apiPassword },
    },
    ctl: { cacert: caFile, insecure: false },
    // etcd 3.4 has its v2 API off: Patroni needs the etcd3 section.
    etcd3: { hosts: [`127.0.0.1:${topology.etcd.clientPort}`], protocol: 'https', cacert: caFile, cert: etcdClientCertFile, key: etcdClientKeyFile },
    bootstrap: {
      dcs: {
        // loop_wait + 2 × retry_timeout ≤ ttl; the ttl bounds how long a lost leader holds its key.
        ttl: 20,
        loop_wait: 5,
        retry_timeout: 5,
        maximum_lag_on_failover: 1048576,
        synchronous_mode: true,
        synchronous_mode_strict: false,
        synchronous_node_count: 1,
        postgresql: {
          use_pg_rewind: true,
          use_slots: true,
          parameters: {
            wal_level: 'replica',
            hot_standby: 'on',
            wal_log_hints: 'on',
            max_wal_senders: 10,
            max_replication_slots: 10,
            wal_keep_size: '256MB',
            password_encryption: 'scram-sha-256',
            max_connections: 100,
          },
        },
      },
      initdb: [{ encoding: 'UTF8' }, { locale: 'C.UTF-8' }, 'data-checksums', { 'auth-local': 'peer' }, { 'auth-host': 'scram-sha-256' }],
    },
    postgresql: {
      listen: `127.0.0.1:${node.port}`,
      connect_address: `127.0.0.1:${node.port}`,
      data_dir: path.join(directory, 'data'),
      bin_dir: settings.postgresBinDir,
      pgpass: path.join(directory, 'pgpass'),
      authentication: {
        superuser: { username: 'postgres', password: secrets.superuserPassword, ...verified },
        replication: { username: 'replicator', password: secrets.replicationPassword, ...verified },
        rewind: { username: 'postgres', password: secrets.superuserPassword, ...verified },
      },
      parameters: {
        unix_socket_directories: settings.socketDir,
        ssl: 'on',
        ssl_cert_file: certFile,
        ssl_key_file: keyFile,
        ssl_ca_file: caFile,
        ssl_min_protocol_version: 'TLSv1.3',
        // A custom setting, so that the app can name the leader it is connected to (decision 0052).
        'kvarter.node_name': node.name,
        // Local, not in the bootstrap's DCS section: it names this node's own configuration file,
        // and a cluster created before archiving existed gets it at its next start.
        ...settings.archiving,
      },
      // In the node's own configuration, so that Patroni writes it on cloned replicas too.
      pg_hba: [
        'local all postgres peer',
        'hostssl replication replicator 127.0.0.1/32 scram-sha-256',
        'hostssl all all 127.0.0.1/32 scram-sha-256',
        'hostnossl all all 0.0.0.0/0 reject',
        'hostnossl replication all 0.0.0.0/0 reject',
      ],
    },
    tags: { nofailover: false, noloadbalance: false, clonefrom: false, nosync: false },
  };
}
