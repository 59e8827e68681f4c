import http from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Behind a TLS-terminating proxy (TRUST_PROXY) a request may reach the app over plain HTTP;
 * anything that did not arrive over HTTPS is sent to the HTTPS URL instead of being served.
 */
export function registerHttpsOnly(app: FastifyInstance, publicUrl: string): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.protocol === 'https') {
      done();
      return;
    }
    // The proxy's public address is configuration (PUBLIC_URL), never taken from request headers.
    void reply.redirect(`${publicUrl}${request.url}`, 301);
  });
}

/** The plain-HTTP listener: answers every request with a 301 to the same path over HTTPS. */
export function createRedirectServer(httpsPort: number): http.Server {
  return http.createServer((request, response) => {
    response.writeHead(301, { location: httpsUrl(request.headers.host, request.url ?? '/', httpsPort) });
    response.end();
  });
}

function httpsUrl(hostHeader: string | undefined, path: string, httpsPort: number): string {
  // Only the host name is taken from the request; the port is ours, so the redirect cannot be steered.
  const hostName = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?$/i.exec(hostHeader ?? '')?.[1] ?? 'localhost';
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  return `https://${hostName}${port}${path.startsWith('/') ? path : '/'}`;
}
