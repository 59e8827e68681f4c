import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * An S3-compatible server for tests of attachments (server) and backups (ops): the npm package
 * s3rver (3.7.1) over TLS on 127.0.0.1 and a free port. It checks request signatures against its
 * fixed credentials (S3RVER / S3RVER); buckets are created at start. Node runs it with OpenSSL's
 * legacy provider, which its paged listings need (see below).
 */
export interface S3TestServer {
  /** `localhost:<port>` (the test certificate is for localhost). */
  endpoint: string;
  port: number;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  caFile: string;
  /** The BACKUP_S3_* variables for loadConfig. */
  backupEnvironment: Record<string, string>;
  /** The ATTACHMENT_S3_* variables for loadConfig. */
  attachmentEnvironment: Record<string, string>;
  stop(): Promise<void>;
}

export interface S3TestServerOptions {
  /** Server certificate and key (SAN localhost/127.0.0.1), e.g. the test cluster's `tls/server.crt`. */
  certFile: string;
  keyFile: string;
  /** CA of that certificate, handed to clients. */
  caFile: string;
  /** Buckets created at start; the first is `bucket`. Default: one random name. */
  buckets?: string[];
}

/** The test cluster's certificate (SAN localhost), so clients trust the cluster's CA. */
function testClusterTls(): S3TestServerOptions {
  const tls = path.join(inject('testCluster').dataDir, 'tls');
  return { certFile: path.join(tls, 'server.crt'), keyFile: path.join(tls, 'server.key'), caFile: path.join(tls, 'ca.crt') };
}

const ORIGINAL_LISTING = '// avoid directories occurring beneath a common prefix\n          return false;';
const PATCHED_LISTING = '// patched: keep walking so nested-only prefixes are reported\n          return true;';

/**
 * s3rver 3.7.1 omits CommonPrefixes for "folders" that only contain sub-folders, which breaks
 * `pgbackrest verify` on S3; this one-line fix makes delimiter listings S3-correct.
 * Idempotent, and safe when several test workers run it at once (write beside, then rename).
 */
async function ensureS3rverListingPatch(): Promise<void> {
  const packageFile = createRequire(import.meta.url).resolve('s3rver/package.json');
  const file = path.join(path.dirname(packageFile), 'lib', 'stores', 'filesystem.js');
  const source = await readFile(file, 'utf8');
  if (source.includes(PATCHED_LISTING)) return;
  if (!source.includes(ORIGINAL_LISTING)) {
    const { version } = JSON.parse(await readFile(packageFile, 'utf8')) as { version: string };
    throw new Error(`Cannot apply the listing patch to s3rver ${version} (${file}): the code it fixes is not there. The patch is for s3rver 3.7.1.`);
  }
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, source.replace(ORIGINAL_LISTING, PATCHED_LISTING));
  await rename(temporary, file);
}

export async function startS3TestServer(options: S3TestServerOptions = testClusterTls()): Promise<S3TestServer> {
  await ensureS3rverListingPatch();
  const buckets = options.buckets ?? [`kvarter-test-${randomBytes(4).toString('hex')}`];
  const bucket = buckets[0];
  if (!bucket) throw new Error('At least one bucket is needed.');
  const directory = await mkdtemp(path.join(tmpdir(), 'kvarter-s3rver-'));
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('s3rver/package.json')), 'bin', 's3rver.js');
  const child = spawn(
    process.execPath,
    // s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in its
    // legacy provider: without it every listing longer than one page fails with a 500.
    [
      '--openssl-legacy-provider',
      bin,
      '-d',
      directory,
      '-a',
      '127.0.0.1',
      '-p',
      '0',
      '--silent',
      '--key',
      options.keyFile,
      '--cert',
      options.certFile,
      ...buckets.flatMap((name) => ['--configure-bucket', name]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A test process that dies without afterAll must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
  };

  try {
    const port = await waitForListening(child);
    const endpoint = `localhost:${port}`;
    const accessKeyId = 'S3RVER';
    const secretAccessKey = 'S3RVER';
    const environment = (prefix: 'BACKUP_S3' | 'ATTACHMENT_S3') => ({
      [`${prefix}_ENDPOINT`]: endpoint,
      [`${prefix}_BUCKET`]: bucket,
      [`${prefix}_REGION`]: 'us-east-1',
      [`${prefix}_ACCESS_KEY_ID`]: accessKeyId,
      [`${prefix}_SECRET_ACCESS_KEY`]: secretAccessKey,
      [`${prefix}_CA_FILE`]: options.caFile,
    });
    return {
      endpoint,
      port,
      bucket,
      accessKeyId,
      secretAccessKey,
      caFile: options.caFile,
      backupEnvironment: environment('BACKUP_S3'),
      attachmentEnvironment: environment('ATTACHMENT_S3'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** s3rver prints `S3rver listening on 127.0.0.1:<port>` once it accepts connections. */
function waitForListening(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`s3rver did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on [^\s:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (code ${code}) before listening:\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
