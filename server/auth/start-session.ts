import type { FastifyReply, FastifyRequest } from 'fastify';

/** The sessions table's limit: a browser's own string is far shorter; anything longer is cut, not refused. */
const maxUserAgentLength = 400;

/**
 * Signs a user in on this request: a new session id (no fixation: whatever id the browser had
 * is discarded), the user and the sign-in time, and a fresh CSRF token for the new session.
 */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<string> {
  await request.session.regenerate();
  request.session.userId = userId;
  request.session.authenticatedAt = Date.now();
  request.session.lastSeenAt = Date.now();
  const userAgent = request.headers['user-agent']?.trim();
  if (userAgent) request.session.userAgent = userAgent.slice(0, maxUserAgentLength);
  return reply.generateCsrf();
}
