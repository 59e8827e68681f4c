import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, signUpTeam, type Team } from '../test-support/plan-data.ts';
import { createTestApp, TestClient, type TestApp } from '../test-support/test-app.ts';
import { fileUpload, tinyPng } from './tenant-data.ts';

/**
 * docs/product/operations-promise.md § Security suite: the security headers on every kind of answer
 * — the web app's HTML (a file and a client route), a hashed asset, JSON success and every JSON
 * error, an unknown route, an attachment download, a photo's thumbnail, and the redirect away from plain HTTP.
 */
let testApp: TestApp;
let team: Team;
let webRoot: string;
let attachmentId: string;
const attachmentName = '<img src=x onerror=alert(1)>".png';

beforeAll(async () => {
  // A web root with the shape of a Vite build: the headers are the server's, whatever the bundle holds.
  webRoot = mkdtempSync(path.join(tmpdir(), 'kvarter-headers-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(
    path.join(webRoot, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/main-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(webRoot, 'assets', 'main-abc123.js'), 'console.log("kvarter");');
  testApp = await createTestApp({ webRoot });
  team = await signUpTeam(testApp.app);
  const client = team.admin.client;
  const organisation = created<{ id: string }>(await client.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Brf Rubrik' }));
  const property = created<{ id: string }>(await client.post(`/api/organisations/${organisation.id}/properties`, { name: 'Rubrik 1' }));
  const plan = created<{ id: string }>(await client.post(`/api/properties/${property.id}/plans`, { name: 'Rubrik', startYear: 2026 }));
  const action = created<{ id: string }>(
    await client.post(`/api/plans/${plan.id}/actions`, { name: 'Tak', category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 1, year: 2027 }),
  );
  const upload = fileUpload(attachmentName);
  attachmentId = created<{ id: string }>(await client.request('POST', `/api/actions/${action.id}/attachments`, upload.payload, upload.headers)).id;
});
afterAll(async () => {
  await testApp.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** What every answer carries, whatever its type. */
function expectBaseHeaders(response: LightMyRequestResponse, what: string): void {
  const headers = response.headers;
  expect(headers['strict-transport-security'], what).toBe('max-age=63072000; includeSubDomains');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['x-powered-by'], what).toBeUndefined();
  expect(headers.server, what).toBeUndefined();
  const csp = String(headers['content-security-policy']);
  expect(csp, what).not.toContain('unsafe-inline');
  expect(csp, what).not.toContain('unsafe-eval');
}

/** The app's own policy (everything but attachment downloads, which have a stricter one). */
function expectAppPolicy(response: LightMyRequestResponse, what: string): void {
  expectBaseHeaders(response, what);
  const directives = new Map(
    String(response.headers['content-security-policy'])
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
  expect(directives.get('default-src'), what).toBe("'self'");
  expect(directives.get('script-src'), what).toBe("'self'");
  expect(directives.get('style-src'), what).toBe("'self'");
  expect(directives.get('object-src'), what).toBe("'none'");
  expect(directives.get('base-uri'), what).toBe("'none'");
  expect(directives.get('form-action'), what).toBe("'self'");
  expect(directives.get('frame-ancestors'), what).toBe("'none'");
}

function expectNoStore(response: LightMyRequestResponse, what: string): void {
  expect(String(response.headers['cache-control']), what).toMatch(/\bno-store\b/);
}

describe('security headers', () => {
  it('on the web app: index.html, a client route, and a hashed asset', async () => {
    const anonymous = new TestClient(testApp.app);
    for (const url of ['/', '/accounts/x/plans/y', '/index.html']) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expectAppPolicy(response, url);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await anonymous.get('/assets/main-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^application\/javascript|^text\/javascript/);
    expectAppPolicy(asset, 'asset');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('on JSON answers with personal data: no-store as well', async () => {
    const client = team.admin.client;
    for (const url of ['/api/auth/me', `/api/accounts/${team.accountId}/members`, `/api/accounts/${team.accountId}/organisations`, '/api/auth/csrf']) {
      const response = await client.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toBe('application/json; charset=utf-8');
      expectAppPolicy(response, url);
      expectNoStore(response, url);
    }
    const login = await new TestClient(testApp.app, '10.40.0.1').post('/api/auth/login', {
      email: team.viewer.email,
      password: 'correct horse battery staple',
    });
    expect(login.statusCode).toBe(200);
    expectAppPolicy(login, 'login');
    expectNoStore(login, 'login');
  });

  it('on JSON errors: 400, 401, 403 (role and CSRF), 404, 413, 415 and an unknown API route', async () => {
    const anonymous = new TestClient(testApp.app);
    const viewer = team.viewer.client;
    const forged = new TestClient(testApp.app);
    forged.cookie = team.admin.client.cookie;
    const cases: [number, Promise<LightMyRequestResponse>][] = [
      [400, team.admin.client.post(`/api/accounts/${team.accountId}/organisations`, { name: '' })],
      [401, anonymous.get('/api/auth/me')],
      [403, viewer.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Nej' })],
      [403, forged.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Nej' })],
      [404, viewer.get('/api/organisations/00000000-0000-4000-8000-000000000000')],
      [404, anonymous.get('/api/no-such-route')],
      [404, anonymous.request('POST', '/no-such-page', {})],
      [413, team.admin.client.post(`/api/accounts/${team.accountId}/organisations`, { name: 'x'.repeat(300 * 1024) })],
      [415, team.admin.client.request('POST', `/api/accounts/${team.accountId}/organisations`, 'name=x', { 'content-type': 'text/plain' })],
    ];
    for (const [status, pending] of cases) {
      const response = await pending;
      const what = `${status}: ${response.body.slice(0, 120)}`;
      expect(response.statusCode, what).toBe(status);
      expect(response.headers['content-type'], what).toBe('application/json; charset=utf-8');
      expectAppPolicy(response, what);
      expectNoStore(response, what);
    }
  });

  it('on attachment downloads: always a download, sniffing off, a sandbox without scripts, not stored', async () => {
    const response = await team.viewer.client.get(`/api/attachments/${attachmentId}/content`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload).toEqual(tinyPng);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="<img src=x onerror=alert(1)>_.png"; filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%22.png`,
    );
    expectBaseHeaders(response, 'attachment');
    // The route's own policy replaces the app's: no frame-ancestors there, so framing is forbidden by
    // X-Frame-Options: DENY alone (checked above), which browsers apply when the CSP does not say.
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('on photo thumbnails: shown inline as the image we made, sniffing off, a sandbox without scripts, kept privately', async () => {
    const response = await team.viewer.client.get(`/api/attachments/${attachmentId}/thumbnail`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/webp');
    expect(response.headers['content-disposition']).toBeUndefined();
    expectBaseHeaders(response, 'thumbnail');
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('private, max-age=604800, immutable');
  });

  it('on the redirect from plain HTTP (behind a proxy): 301 to the public HTTPS address, never a host the request names', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/accounts/x?tab=1',
      headers: { 'x-forwarded-proto': 'http', host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(`${testApp.config.publicUrl}/accounts/x?tab=1`);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.body).toBe('');
  });
});
