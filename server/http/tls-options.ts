import type { SecureContextOptions, TlsOptions } from 'node:tls';

/**
 * TLS 1.3 keeps Node's default suites (all AEAD). For TLS 1.2 only ECDHE key exchange (forward
 * secrecy) with an AEAD cipher is offered, for ECDSA certificates (the local CA's, ops/local-tls.ts)
 * and RSA ones (what an operator may bring): no CBC suites with their padding-oracle history, no
 * static RSA key exchange, no DHE.
 */
export const serverCipherSuites = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/** The options of the app's HTTPS listener: TLS 1.2 or newer, AEAD suites only. */
export function tlsServerOptions(certificate: Pick<SecureContextOptions, 'key' | 'cert'>): TlsOptions {
  return { ...certificate, minVersion: 'TLSv1.2', ciphers: serverCipherSuites, honorCipherOrder: true };
}
