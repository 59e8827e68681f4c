import type { FastifyRequest } from 'fastify';

/**
 * What a request looks like in the log. Invitation tokens travel in URLs, so they are masked:
 * secrets never reach the log. Headers (cookies, CSRF tokens) are not logged at all.
 */
export function serialiseRequestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.replace(/(\/invitations\/)[^/?#]+/g, '$1[redacted]'),
    remoteAddress: request.ip,
  };
}
