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

/**
 * The plain-HTTP listener: answers every request with a 301 to the same path under `httpsBaseUrl`
 * (PUBLIC_URL, or the address the HTTPS server was configured with). Nothing of the request but
 * its path is used: a reflected `Host` would let anyone who can reach this port (or poison a
 * cache in front of it) send a visitor to a host of their choosing.
 */
export function createRedirectServer(httpsBaseUrl: string): http.Server {
  const base = httpsBaseUrl.replace(/\/$/, '');
  return http.createServer((request, response) => {
    response.writeHead(301, { location: `${base}${pathOf(request.url)}` });
    response.end();
  });
}

/** An absolute-form request target (`GET http://other.example/ HTTP/1.1`) has no path of ours. */
function pathOf(requestTarget: string | undefined): string {
  return requestTarget?.startsWith('/') ? requestTarget : '/';
}
