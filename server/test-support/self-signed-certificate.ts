import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SelfSignedCertificate {
  /** PEM. */
  key: string;
  /** PEM; also usable as a CA that signed nothing the tests connect to. */
  cert: string;
}

/** A fresh self-signed certificate for `localhost` (openssl, one day), ECDSA P-256 or RSA 2048. */
export async function createSelfSignedCertificate(keyType: 'ecdsa' | 'rsa'): Promise<SelfSignedCertificate> {
  const directory = await mkdtemp(path.join(tmpdir(), 'kvarter-certificate-'));
  try {
    const keyFile = path.join(directory, 'server.key');
    const certFile = path.join(directory, 'server.crt');
    const keyOptions = keyType === 'ecdsa' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'] : ['-newkey', 'rsa:2048'];
    await run('openssl', ['req', '-x509', ...keyOptions, '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', keyFile, '-out', certFile]);
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
