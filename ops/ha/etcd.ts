import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from '../run-command.ts';
import type { HaLayout, HaTopology } from './ha-layout.ts';
import { startProcess, waitFor } from './ha-processes.ts';

/**
 * One etcd member as Patroni's consensus store, clients and peers on TLS with the local CA. One
 * member is enough on one machine: it is not a fault domain of its own here (docs/decisions/0048-high-availability-topology.md).
 */
export async function startEtcd(layout: HaLayout, topology: HaTopology, signal: AbortSignal): Promise<number> {
  await mkdir(layout.etcdDir, { recursive: true, mode: 0o700 });
  const { clientPort, peerPort } = topology.etcd;
  const client = `https://127.0.0.1:${clientPort}`;
  const peer = `https://127.0.0.1:${peerPort}`;
  const { caFile, etcdCertFile, etcdKeyFile, etcdClientCertFile, etcdClientKeyFile } = layout.certs;
  const logFile = path.join(layout.etcdDir, 'etcd.log');
  const pid = await startProcess({
    name: 'etcd',
    runDir: layout.runDir,
    file: 'etcd',
    args: [
      '--name=e1',
      `--data-dir=${path.join(layout.etcdDir, 'data')}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=e1=${peer}`,
      '--initial-cluster-state=new',
      `--initial-cluster-token=kvarter-ha-${clientPort}`,
      `--cert-file=${etcdCertFile}`,
      `--key-file=${etcdKeyFile}`,
      // Mutual TLS: a client without a certificate from the local CA is refused, peers likewise.
      '--client-cert-auth',
      `--trusted-ca-file=${caFile}`,
      `--peer-cert-file=${etcdCertFile}`,
      `--peer-key-file=${etcdKeyFile}`,
      '--peer-client-cert-auth',
      `--peer-trusted-ca-file=${caFile}`,
      // The default 2 GB quota and hourly compaction are sized for large stores; Patroni's keys are a few kB.
      '--auto-compaction-retention=1',
    ],
    logFile,
    signal,
  });
  await waitFor(
    'etcd did not become healthy',
    async () => {
      await runCommand(
        'etcdctl',
        [
          `--endpoints=${client}`,
          `--cacert=${caFile}`,
          `--cert=${etcdClientCertFile}`,
          `--key=${etcdClientKeyFile}`,
          '--command-timeout=2s',
          'endpoint',
          'health',
        ],
        {},
      );
      return true;
    },
    30_000,
    logFile,
    signal,
  );
  return pid;
}
