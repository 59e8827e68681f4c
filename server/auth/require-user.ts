import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Actor } from './actor.ts';

/**
 * The signed-in user of a request, or 401. A session past its absolute lifetime is destroyed
 * here, however recently it was used (the idle limit is the cookie/store expiry).
 */
export async function requireUser(request: FastifyRequest, absoluteMs: number): Promise<Actor> {
  const { userId, authenticatedAt } = request.session;
  if (!userId || authenticatedAt === undefined) {
    throw new AppError('unauthenticated', 'Sign in first');
  }
  if (Date.now() - authenticatedAt > absoluteMs) {
    await request.session.destroy();
    throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
  }
  return { userId, sessionId: request.session.sessionId, ip: request.ip };
}
