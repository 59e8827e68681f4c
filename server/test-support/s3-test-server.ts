import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * The S3-compatible test server of ops/test-support/s3-test-server.ts (s3rver over TLS, fixed
 * credentials S3RVER/S3RVER), started for server tests, which may not import ops/ (eslint.config.js).
 * It serves the test cluster's certificate (SAN localhost), so clients trust the cluster's CA.
 */
export interface S3TestServer {
  /** `localhost:<port>`. */
  endpoint: string;
  bucket: string;
  caFile: string;
  /** The ATTACHMENT_S3_* variables for loadConfig. */
  attachmentEnvironment: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3TestServer(): Promise<S3TestServer> {
  const tls = path.join(inject('testCluster').dataDir, 'tls');
  const caFile = path.join(tls, 'ca.crt');
  const bucket = `kvarter-attachments-${randomBytes(4).toString('hex')}`;
  const directory = await mkdtemp(path.join(tmpdir(), 'kvarter-s3rver-'));
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('s3rver/package.json')), 'bin', 's3rver.js');
  const child = spawn(
    process.execPath,
    // s3rver's paged listings need DES, which OpenSSL 3 only has in its legacy provider.
    ['--openssl-legacy-provider', bin, '-d', directory, '-a', '127.0.0.1', '-p', '0', '--silent', '--key', path.join(tls, 'server.key'), '--cert', path.join(tls, 'server.crt'), '--configure-bucket', bucket],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const endpoint = `localhost:${await waitForListening(child)}`;
    return {
      endpoint,
      bucket,
      caFile,
      attachmentEnvironment: {
        ATTACHMENT_S3_ENDPOINT: endpoint,
        ATTACHMENT_S3_BUCKET: bucket,
        ATTACHMENT_S3_ACCESS_KEY_ID: 'S3RVER',
        ATTACHMENT_S3_SECRET_ACCESS_KEY: 'S3RVER',
        ATTACHMENT_S3_CA_FILE: caFile,
      },
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
