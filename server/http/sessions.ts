import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { createSessionStore } from '../auth/session-store.ts';

/** `__Host-` makes browsers insist on Secure, Path=/ and no Domain: the cookie cannot be planted by a subdomain. */
export const sessionCookieName = '__Host-kvarter-session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** How often activity renews a session: the idle timeout is exact to within this. */
export const activityRecordIntervalMs = 60_000;

export interface SessionOptions {
  db: Db;
  secret: string;
  idleMs: number;
}

/**
 * Server-side sessions (@fastify/session, store in PostgreSQL) and CSRF protection
 * (@fastify/csrf-protection, secret kept in the session). An unsafe request that carries the
 * session cookie must also carry `x-csrf-token`; without the cookie there is nothing to forge.
 */
export async function registerSessions(app: FastifyInstance, options: SessionOptions): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.secret,
    cookieName: sessionCookieName,
    store: createSessionStore(options.db, options.idleMs),
    saveUninitialized: false,
    // Not rolling on every answer (a database write per request): activity is recorded at most
    // once a minute below, and each save pushes the idle expiry forward. The absolute limit is
    // checked in require-user.ts.
    rolling: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'lax', path: '/', maxAge: options.idleMs },
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const session = request.session;
    if (session.userId && Date.now() - (session.lastSeenAt ?? 0) >= activityRecordIntervalMs) session.lastSeenAt = Date.now();
    done();
  });
  await app.register(fastifyCsrfProtection, {
    sessionPlugin: '@fastify/session',
    getToken: (request: FastifyRequest) => headerValue(request.headers['x-csrf-token']),
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!unsafeMethods.has(request.method) || request.cookies[sessionCookieName] === undefined) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
