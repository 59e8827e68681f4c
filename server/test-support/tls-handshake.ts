import tls from 'node:tls';

export interface Handshake {
  protocol: string | null;
  cipher: string;
}

/**
 * One TLS handshake with 127.0.0.1:`port` (as `localhost`) and the given client options, for tests
 * of what the server offers; the certificate is not checked. Resolves with the agreed protocol
 * and suite, rejects when the server refuses.
 */
export function tlsHandshake(port: number, options: tls.ConnectionOptions): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false, ...options }, () => {
      const agreed = { protocol: socket.getProtocol(), cipher: socket.getCipher().name };
      socket.end();
      resolve(agreed);
    });
    socket.once('error', reject);
  });
}
