import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClusterOwner } from '../cluster-owner.ts';
import { ensureLocalTls, issueLocalCertificate } from '../local-tls.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import type { HaLayout } from './ha-layout.ts';

/**
 * The HA topology uses the installation's own local CA and `localhost` certificate
 * (ops/local-tls.ts), so browsers and clients that already trust `tls/ca.crt` trust it too. Copies
 * go to `ha/certs`, owned by the PostgreSQL owner (PostgreSQL refuses a key it does not own with
 * mode 600), and HAProxy gets the certificate and key in one file, the form it reads. etcd
 * authenticates its clients by certificate, so Patroni gets a client certificate of its own from
 * the same CA (the `localhost` one is issued for server authentication only), and etcd one for
 * both ends.
 */
export async function ensureHaCertificates(layout: HaLayout, owner: ClusterOwner): Promise<void> {
  const tls = await ensureLocalTls(layout.dataDir);
  const directory = path.dirname(layout.certs.caFile);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const [ca, cert, key] = await Promise.all([readFile(tls.caFile), readFile(tls.certFile), readFile(tls.keyFile)]);
  await writeFileAtomic(layout.certs.caFile, ca, { mode: 0o644, replace: true });
  await writeFileAtomic(layout.certs.certFile, cert, { mode: 0o644, replace: true });
  await writeFileAtomic(layout.certs.keyFile, key, { mode: 0o600, replace: true });
  await issueLocalCertificate(layout.dataDir, 'patroni', 'client', { certFile: layout.certs.etcdClientCertFile, keyFile: layout.certs.etcdClientKeyFile });
  await owner.adopt(directory);
  // HAProxy and etcd run as the user of `ha up`; the copy for HAProxy stays that user's.
  // etcd runs as the user of `ha up`, like HAProxy.
  await issueLocalCertificate(layout.dataDir, 'etcd', 'server and client', { certFile: layout.certs.etcdCertFile, keyFile: layout.certs.etcdKeyFile });
  await writeFileAtomic(layout.certs.entryPemFile, Buffer.concat([cert, key]), { mode: 0o600, replace: true });
}
