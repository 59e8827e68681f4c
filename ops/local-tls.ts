import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from './run-command.ts';
import { withFileLock } from './with-file-lock.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface LocalTls {
  caFile: string;
  certFile: string;
  keyFile: string;
}

const CA_DAYS = 3650;
const SERVER_DAYS = 825; // the longest lifetime Apple platforms accept for a TLS server certificate
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;
// Node's spelling of the SAN list; used to detect a certificate issued for other names.
const SUBJECT_ALT_NAME = 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1';

/**
 * Ensures a private CA and a server certificate for localhost exist under `$dataDir/tls`, so
 * that browsers, the database and tests can all verify TLS without a public CA.
 */
export async function ensureLocalTls(dataDir: string): Promise<LocalTls> {
  const directory = path.join(path.resolve(dataDir), 'tls');
  // Two steps, so that only our own directory (not dataDir or its parents) gets mode 700.
  await mkdir(path.dirname(directory), { recursive: true });
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
  const files = {
    caFile: path.join(directory, 'ca.crt'),
    caKeyFile: path.join(directory, 'ca.key'),
    certFile: path.join(directory, 'server.crt'),
    keyFile: path.join(directory, 'server.key'),
  };

  await withFileLock(path.join(directory, '.lock'), async () => {
    const ca = await loadPair(files.caFile, files.caKeyFile);
    const caUsable = ca !== undefined && ca.ca && !expiresSoon(ca);
    const server = caUsable ? await loadPair(files.certFile, files.keyFile) : undefined;
    const serverUsable =
      server !== undefined && !expiresSoon(server) && server.subjectAltName === SUBJECT_ALT_NAME && server.checkIssued(ca!) && server.verify(ca!.publicKey);
    if (caUsable && serverUsable) return;

    const work = await mkdtemp(path.join(directory, '.work-'));
    try {
      if (!caUsable) await generateCa(work, files.caFile, files.caKeyFile);
      await generateServerCertificate(work, files);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  return { caFile: files.caFile, certFile: files.certFile, keyFile: files.keyFile };
}

/** Returns the certificate when both files exist and the key belongs to it. */
async function loadPair(certFile: string, keyFile: string): Promise<X509Certificate | undefined> {
  try {
    const certificate = new X509Certificate(await readFile(certFile));
    const key = createPrivateKey(await readFile(keyFile));
    return certificate.checkPrivateKey(key) ? certificate : undefined;
  } catch {
    // Missing or unreadable material (e.g. a crash between two renames) is simply regenerated.
    return undefined;
  }
}

function expiresSoon(certificate: X509Certificate): boolean {
  return Date.parse(certificate.validTo) - Date.now() < RENEW_BEFORE_MS;
}

async function generateCa(work: string, caFile: string, caKeyFile: string): Promise<void> {
  const config = path.join(work, 'ca.cnf');
  // A random suffix keeps the CAs of different installations apart in a trust store.
  await writeFile(
    config,
    [
      '[req]',
      'distinguished_name = dn',
      'prompt = no',
      'x509_extensions = v3_ca',
      '[dn]',
      `CN = Kvarter local CA ${randomBytes(4).toString('hex')}`,
      '[v3_ca]',
      'basicConstraints = critical, CA:TRUE, pathlen:0',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      '',
    ].join('\n'),
  );
  const key = path.join(work, 'ca.key');
  const certificate = path.join(work, 'ca.crt');
  await openssl([
    'req',
    '-x509',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    key,
    '-out',
    certificate,
    '-days',
    String(CA_DAYS),
    '-config',
    config,
  ]);
  await install(key, caKeyFile, 0o600);
  await install(certificate, caFile, 0o644);
}

async function generateServerCertificate(work: string, files: { caFile: string; caKeyFile: string; certFile: string; keyFile: string }): Promise<void> {
  await issueCertificate(work, files, {
    commonName: 'localhost',
    days: SERVER_DAYS,
    extensions: ['extendedKeyUsage = serverAuth', 'subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1'],
  });
}

/** What a certificate issued by `issueLocalCertificate` may be used for. */
export type LocalCertificateUse = 'client' | 'server and client';

/**
 * A further certificate from the data directory's local CA, for the services of the HA topology
 * that authenticate by certificate: a client certificate (Patroni as etcd's client), or one for
 * both ends (etcd itself, whose gateway connects to its own gRPC server as a client). Issued anew
 * on every call; it lives as long as the server certificate.
 */
export async function issueLocalCertificate(
  dataDir: string,
  commonName: string,
  use: LocalCertificateUse,
  target: { certFile: string; keyFile: string },
): Promise<void> {
  const tls = await ensureLocalTls(dataDir);
  const directory = path.dirname(tls.caFile);
  const extensions =
    use === 'client'
      ? ['extendedKeyUsage = clientAuth']
      : ['extendedKeyUsage = serverAuth, clientAuth', 'subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1'];
  const work = await mkdtemp(path.join(directory, '.work-'));
  try {
    await issueCertificate(work, { caFile: tls.caFile, caKeyFile: path.join(directory, 'ca.key'), ...target }, { commonName, days: SERVER_DAYS, extensions });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function issueCertificate(
  work: string,
  files: { caFile: string; caKeyFile: string; certFile: string; keyFile: string },
  options: { commonName: string; days: number; extensions: string[] },
): Promise<void> {
  const extensions = path.join(work, 'leaf.ext');
  await writeFile(
    extensions,
    [
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature',
      ...options.extensions,
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid, issuer',
      '',
    ].join('\n'),
  );
  const key = path.join(work, 'leaf.key');
  const request = path.join(work, 'leaf.csr');
  const certificate = path.join(work, 'leaf.crt');
  await openssl([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    key,
    '-out',
    request,
    '-subj',
    `/CN=${options.commonName}`,
  ]);
  // A random serial avoids keeping a serial file next to the CA key.
  await openssl([
    'x509',
    '-req',
    '-in',
    request,
    '-CA',
    files.caFile,
    '-CAkey',
    files.caKeyFile,
    '-set_serial',
    `0x${randomBytes(16).toString('hex')}`,
    '-days',
    String(options.days),
    '-extfile',
    extensions,
    '-out',
    certificate,
  ]);
  // The key goes first: a crash in between leaves a mismatched pair, which the next run replaces.
  await install(key, files.keyFile, 0o600);
  await install(certificate, files.certFile, 0o644);
}

async function install(source: string, target: string, mode: number): Promise<void> {
  await writeFileAtomic(target, await readFile(source), { mode, replace: true });
}

async function openssl(args: string[]): Promise<void> {
  await runCommand('openssl', args);
}
