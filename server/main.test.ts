import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUrlError, parseConnectionOptions } from './db/connection-options.ts';
import type { RunningServer } from './main.ts';
import { rawRequest } from './test-support/https-request.ts';
import { tlsHandshake } from './test-support/tls-handshake.ts';
import type { TestDatabase } from './test-support/test-database.ts';
import { startTestServer, type TestServer } from './test-support/test-server.ts';

let testServer: TestServer;
let server: RunningServer;
let database: TestDatabase;
let ca: string;

beforeAll(async () => {
  testServer = await startTestServer();
  ({ server, database, caCertificate: ca } = testServer);
});
afterAll(async () => {
  await testServer?.close();
});

describe('the real HTTPS server', () => {
  it('serves JSON over verified TLS with the security headers', async () => {
    const response = await rawRequest(`https://localhost:${server.httpsPort}/healthz`, { ca });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
    expect(response.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('redirects plain HTTP to HTTPS with 301', async () => {
    const response = await rawRequest(`http://127.0.0.1:${server.httpPort}/accounts/x?tab=members`, { headers: { host: `localhost:${server.httpPort}` } });
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(`https://localhost:${server.httpsPort}/accounts/x?tab=members`);
  });

  it('redirects to the configured host, never to the one the request names', async () => {
    // PUBLIC_URL is unset here: the configured HOST (127.0.0.1, shown as localhost) and the bound port.
    for (const host of ['evil.example', 'evil.example:443', `evil.example:${server.httpPort}`, '[::1]:8080']) {
      const response = await rawRequest(`http://127.0.0.1:${server.httpPort}/signin`, { headers: { host } });
      expect(response.status, host).toBe(301);
      expect(response.headers.location, host).toBe(`https://localhost:${server.httpsPort}/signin`);
    }
  });

  it('speaks TLS 1.3, and TLS 1.2 only with AEAD suites', async () => {
    expect((await tlsHandshake(server.httpsPort, {})).protocol).toBe('TLSv1.3');
    expect(await tlsHandshake(server.httpsPort, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' })).toEqual({
      protocol: 'TLSv1.2',
      cipher: 'ECDHE-ECDSA-AES128-GCM-SHA256',
    });
    for (const cipher of ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA']) {
      await expect(tlsHandshake(server.httpsPort, { maxVersion: 'TLSv1.2', ciphers: cipher }), cipher).rejects.toThrow();
    }
  });

  it('runs signup → me → logout with a real Secure cookie', async () => {
    const base = `https://localhost:${server.httpsPort}`;
    const json = { 'content-type': 'application/json' };
    const signup = await rawRequest(`${base}/api/auth/signup`, {
      ca,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'https@example.se', password: 'över nätet med tls', name: 'H', accountName: 'Brf Nätet' }),
    });
    expect(signup.status).toBe(201);
    const setCookie = signup.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/^__Host-kvarter-session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    // The idle timeout: the cookie (and the stored session) expire 60 minutes after the last answer.
    const expiresInMinutes = (Date.parse(/Expires=([^;]+)/.exec(setCookie)![1]!) - Date.now()) / 60_000;
    expect(expiresInMinutes).toBeGreaterThan(58);
    expect(expiresInMinutes).toBeLessThanOrEqual(60);
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken } = JSON.parse(signup.body) as { csrfToken: string };

    const me = await rawRequest(`${base}/api/auth/me`, { ca, headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).memberships[0].accountName).toBe('Brf Nätet');

    const logout = await rawRequest(`${base}/api/auth/logout`, { ca, method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(204);
    expect((await rawRequest(`${base}/api/auth/me`, { ca, headers: { cookie } })).status).toBe(401);
  });
});

describe('the database connection', () => {
  it('is refused by PostgreSQL without TLS', async () => {
    const options = parseConnectionOptions(database.url, database.caFile).pool;
    const client = new pg.Client({ ...options, ssl: false });
    await expect(client.connect()).rejects.toThrow(/pg_hba\.conf rejects connection|no encryption/);
  });

  it('is refused by PostgreSQL when the certificate does not match the host name', async () => {
    const options = parseConnectionOptions(database.url, database.caFile).pool;
    // node-pg sends a host name as SNI itself; over an IP address the pinned name is the one checked.
    const client = new pg.Client({ ...options, host: '127.0.0.1', ssl: { ca, rejectUnauthorized: true, servername: 'db.example.com' } });
    await expect(client.connect()).rejects.toThrow(/Hostname\/IP does not match|altnames/);
  });

  it('is refused by the app unless it is TLS and verified, or explicitly sslmode=require', () => {
    expect(() => parseConnectionOptions('postgres://u:p@localhost/db?sslmode=disable', undefined)).toThrow(DatabaseUrlError);
    expect(() => parseConnectionOptions('postgres://u:p@localhost/db?sslmode=prefer', undefined)).toThrow(/only connects over TLS/);
    expect(parseConnectionOptions('postgres://u:p@localhost/db', undefined)).toMatchObject({
      isUnverified: false,
      pool: { ssl: { rejectUnauthorized: true } },
    });
    expect(parseConnectionOptions('postgres://u:p@localhost/db?sslmode=require', undefined)).toMatchObject({ isUnverified: true });
  });
});
