import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureLocalTls } from '../local-tls.ts';
import { runCommand } from '../run-command.ts';
import { haLayout, type HaLayout, type HaTopology } from './ha-layout.ts';
import { freePorts } from './ha-processes.ts';
import { entryUnavailableBody, haproxyConfig } from './haproxy-config.ts';

/**
 * The real HAProxy with the configuration `ha up` writes, in front of app "instances" that are
 * either not running at all or die in the middle of a request: API clients get the app's own 503
 * with Retry-After and JSON body, never HAProxy's bare 502/503/504 page.
 */
let directory: string;
let layout: HaLayout;
let topology: HaTopology;
let ca: string;
let certificate: { cert: string; key: string };
const started: { kill(): void }[] = [];

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'kvarter-haproxy-config-'));
  layout = haLayout(directory);
  const tls = await ensureLocalTls(directory);
  await mkdir(path.dirname(layout.certs.caFile), { recursive: true });
  const [caText, cert, key] = await Promise.all([readFile(tls.caFile, 'utf8'), readFile(tls.certFile, 'utf8'), readFile(tls.keyFile, 'utf8')]);
  ca = caText;
  certificate = { cert, key };
  await writeFile(layout.certs.caFile, ca);
  await writeFile(layout.certs.entryPemFile, cert + key, { mode: 0o600 });
  const [etcdClient, etcdPeer, nodePort, apiPort, appPort, appHttpPort, databasePort, entryPort] = await freePorts(8);
  topology = {
    etcd: { clientPort: etcdClient!, peerPort: etcdPeer! },
    nodes: [{ name: 'n1', port: nodePort!, apiPort: apiPort! }],
    apps: [{ port: appPort!, httpPort: appHttpPort! }],
    databasePort: databasePort!,
    entryPort: entryPort!,
  };
  await mkdir(layout.haproxyDir, { recursive: true });
  const configFile = path.join(layout.haproxyDir, 'haproxy.cfg');
  await writeFile(configFile, haproxyConfig(layout, topology));
  const haproxy = spawn('haproxy', ['-db', '-f', configFile], { stdio: 'ignore' });
  started.push(haproxy);
  await waitUntil(async () => (await entryRequest('/healthz').catch(() => undefined)) !== undefined);
}, 30_000);

afterAll(async () => {
  for (const child of started) child.kill();
  await rm(directory, { recursive: true, force: true });
});

/** A POST to the entry point on a new connection, or on `agent`'s kept-alive one. */
function entryRequest(
  requestPath: string,
  agent: https.Agent | false = false,
): Promise<{ status: number; retryAfter: string | undefined; contentType: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      { host: '127.0.0.1', servername: 'localhost', port: topology.entryPort, path: requestPath, method: 'POST', ca, agent },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], contentType: response.headers['content-type'], body }),
        );
      },
    );
    request.on('error', reject);
    request.end('{}');
  });
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error('HAProxy did not get ready within 10 s');
}

const appShapedUnavailable = {
  status: 503,
  retryAfter: '5',
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(entryUnavailableBody),
};

it('is a configuration HAProxy accepts', async () => {
  const { stdout, stderr } = await runCommand('haproxy', ['-c', '-f', path.join(layout.haproxyDir, 'haproxy.cfg')]);
  expect({ stdout: stdout.trim(), warnings: stderr.split('\n').filter((line) => /WARNING|ALERT/.test(line)) }).toEqual({
    stdout: 'Configuration file is valid',
    warnings: [],
  });
});

it('answers with the app’s own 503 when no instance is up', async () => {
  expect(await entryRequest('/api/accounts')).toEqual(appShapedUnavailable);
});

/**
 * An instance that passes its health checks and cuts every API request off unanswered; resolves
 * once HAProxy has checked it twice, by when the first passed check (rise 1) has marked it up.
 */
async function startDyingInstance(): Promise<void> {
  let checks = 0;
  let markedUp: () => void;
  const twiceChecked = new Promise<void>((resolve) => (markedUp = resolve));
  const server = https.createServer(certificate, (request, response) => {
    if (request.url !== '/healthz') return request.socket.destroy();
    response.end('ok');
    if (++checks === 2) markedUp();
  });
  await new Promise<void>((resolve) => server.listen(topology.apps[0]!.port, '127.0.0.1', resolve));
  started.push({ kill: () => server.close() });
  await twiceChecked;
}

it('answers with the app’s own 503 when an instance dies in the middle of a request (HAProxy’s 502)', async () => {
  await startDyingInstance();
  expect(await entryRequest('/api/accounts')).toEqual(appShapedUnavailable);
});

it('closes a kept-alive connection without an answer when the instance dies in the middle of its second request', async () => {
  // HAProxy's keep-alive rule (http_ana.c, TX_NOT_FIRST), which no option turns off: on a reused
  // connection the client cannot tell this apart from an idle close, and decides itself whether
  // to send again (decision 0050). A client sees no 502 here either.
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca });
  try {
    expect((await entryRequest('/healthz', agent)).status).toBe(200);
    await expect(entryRequest('/api/accounts', agent)).rejects.toThrow('socket hang up');
  } finally {
    agent.destroy();
  }
});
