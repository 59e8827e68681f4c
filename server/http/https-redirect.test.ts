import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../test-support/https-request.ts';
import { createRedirectServer } from './https-redirect.ts';

let server: http.Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function listen(httpsBaseUrl: string): Promise<number> {
  server = createRedirectServer(httpsBaseUrl);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('the plain-HTTP redirect', () => {
  it('sends every request to PUBLIC_URL with its path, whatever Host it names', async () => {
    const port = await listen('https://kvarter.example.org/');
    for (const host of ['evil.example', 'evil.example:8443', 'kvarter.example.org.evil.example', '']) {
      const response = await rawRequest(`http://127.0.0.1:${port}/plans/1?tab=analysis`, { headers: { host } });
      expect(response.status, host).toBe(301);
      expect(response.headers.location, host).toBe('https://kvarter.example.org/plans/1?tab=analysis');
    }
  });

  it('keeps the path of PUBLIC_URL and ignores an absolute-form request target', async () => {
    const port = await listen('https://example.org/kvarter');
    const response = await rawRequest(`http://127.0.0.1:${port}/`, { headers: { host: 'evil.example' } });
    expect(response.headers.location).toBe('https://example.org/kvarter/');
    // node:http sends the path as given: an absolute URL, as a client talking to a proxy would.
    const absolute = await new Promise<string | undefined>((resolve, reject) => {
      const outgoing = http.request({ host: '127.0.0.1', port, path: 'http://evil.example/steal', headers: { host: 'evil.example' } }, (answer) => {
        answer.resume();
        resolve(answer.headers.location);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(absolute).toBe('https://example.org/kvarter/');
  });
});
