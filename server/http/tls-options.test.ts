import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../test-support/self-signed-certificate.ts';
import { tlsHandshake } from '../test-support/tls-handshake.ts';
import { tlsServerOptions } from './tls-options.ts';

/**
 * A real TLS client against a real HTTPS server with the app's options, for both kinds of
 * certificate: the local CA issues ECDSA (ops/local-tls.ts), an operator may bring RSA. main.test.ts
 * checks the running app itself the same way.
 */
describe.each([
  {
    keyType: 'ecdsa' as const,
    cbc: ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA384'],
    aead: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305'],
  },
  {
    keyType: 'rsa' as const,
    cbc: ['ECDHE-RSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA256', 'AES128-SHA'],
    aead: ['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-CHACHA20-POLY1305'],
  },
])('the HTTPS listener with an $keyType certificate', ({ keyType, cbc, aead }) => {
  let server: https.Server;
  let port: number;

  beforeAll(async () => {
    server = https.createServer(tlsServerOptions(await createSelfSignedCertificate(keyType)), (_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  }, 30_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(cbc)('refuses TLS 1.2 with %s (CBC)', async (cipher) => {
    await expect(tlsHandshake(port, { maxVersion: 'TLSv1.2', ciphers: cipher })).rejects.toThrow(/handshake failure|no ciphers|no shared cipher/i);
  });

  it.each(aead)('accepts TLS 1.2 with %s (AEAD)', async (cipher) => {
    expect(await tlsHandshake(port, { maxVersion: 'TLSv1.2', ciphers: cipher })).toEqual({ protocol: 'TLSv1.2', cipher });
  });

  it('offers an AEAD suite to a TLS 1.2 client that asks for anything', async () => {
    const agreed = await tlsHandshake(port, { maxVersion: 'TLSv1.2', ciphers: 'ALL' });
    expect(agreed.protocol).toBe('TLSv1.2');
    expect(agreed.cipher).toMatch(/^ECDHE-(ECDSA|RSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)$/);
  });

  it('accepts TLS 1.3 with its default suites', async () => {
    const agreed = await tlsHandshake(port, {});
    expect(agreed.protocol).toBe('TLSv1.3');
    expect(agreed.cipher).toMatch(/^TLS_(AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256|AES_128_GCM_SHA256)$/);
  });

  it('refuses TLS 1.1', async () => {
    await expect(tlsHandshake(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'ALL@SECLEVEL=0' })).rejects.toThrow();
  });
});
