import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../write-file-atomic.ts';

/** One PostgreSQL node managed by Patroni. */
export interface HaNode {
  name: string;
  /** PostgreSQL's TCP port. */
  port: number;
  /** Patroni's REST API (HTTPS). */
  apiPort: number;
}

export interface HaApp {
  /** The instance's own HTTPS port, behind the entry point. */
  port: number;
  /** Its plain-HTTP redirect port, which nothing in front of it uses but which it always binds. */
  httpPort: number;
}

/** The ports of one `ha up`, chosen free at its start and kept in `ha/topology.json` for status and switchover. */
export interface HaTopology {
  etcd: { clientPort: number; peerPort: number };
  nodes: HaNode[];
  apps: HaApp[];
  /** HAProxy: PostgreSQL clients reach the leader here. */
  databasePort: number;
  /** HAProxy: the HTTPS entry point over the app instances. */
  entryPort: number;
}

/** Where everything of the HA topology lives, under `$KVARTER_DATA_DIR/ha`. */
export interface HaLayout {
  root: string;
  dataDir: string;
  certs: {
    caFile: string;
    certFile: string;
    keyFile: string;
    entryPemFile: string;
    /** etcd's own, for serverAuth and clientAuth (its gateway is a client of its gRPC server). */
    etcdCertFile: string;
    etcdKeyFile: string;
    /** Patroni's (and etcdctl's) certificate as etcd's client: etcd asks every client for one. */
    etcdClientCertFile: string;
    etcdClientKeyFile: string;
  };
  etcdDir: string;
  haproxyDir: string;
  /** PID files, one per process `ha up` started. */
  runDir: string;
  topologyFile: string;
  nodeDir(name: string): string;
  appDir(index: number): string;
}

/** Patroni's cluster name, also the key prefix in etcd (each topology has an etcd of its own). */
export const haScope = 'kvarter';

export function haLayout(dataDirectory: string): HaLayout {
  const dataDir = path.resolve(dataDirectory);
  const root = path.join(dataDir, 'ha');
  const certsDir = path.join(root, 'certs');
  return {
    root,
    dataDir,
    certs: {
      caFile: path.join(certsDir, 'ca.crt'),
      certFile: path.join(certsDir, 'server.crt'),
      keyFile: path.join(certsDir, 'server.key'),
      entryPemFile: path.join(certsDir, 'entry.pem'),
      etcdCertFile: path.join(certsDir, 'etcd.crt'),
      etcdKeyFile: path.join(certsDir, 'etcd.key'),
      etcdClientCertFile: path.join(certsDir, 'etcd-client.crt'),
      etcdClientKeyFile: path.join(certsDir, 'etcd-client.key'),
    },
    etcdDir: path.join(root, 'etcd'),
    haproxyDir: path.join(root, 'haproxy'),
    runDir: path.join(root, 'run'),
    topologyFile: path.join(root, 'topology.json'),
    nodeDir: (name) => path.join(root, 'nodes', name),
    appDir: (index) => path.join(root, 'apps', `app${index + 1}`),
  };
}

export async function writeTopology(layout: HaLayout, topology: HaTopology): Promise<void> {
  await writeFileAtomic(layout.topologyFile, `${JSON.stringify(topology, null, 2)}\n`, { mode: 0o644, replace: true });
}

export async function readTopology(layout: HaLayout): Promise<HaTopology | undefined> {
  const text = await readFile(layout.topologyFile, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as HaTopology);
}
