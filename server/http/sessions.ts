import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { createSessionStore } from '../auth/session-store.ts';
import { registerCsrfProtection } from './csrf.ts';

/** `__Host-` makes browsers insist on Secure, Path=/ and no Domain: the cookie cannot be planted by a subdomain. */
export const sessionCookieName = '__Host-kvarter-session';
/** How often activity renews a session: the idle timeout is exact to within this. */
export const activityRecordIntervalMs = 60_000;

export interface SessionOptions {
  db: Db;
  secret: string;
  idleMs: number;
}

/**
 * Server-side sessions (@fastify/session, store in PostgreSQL) and CSRF protection (csrf.ts). A
 * session row exists only for a signed-in user: sign-in, sign-up and accepting an invitation
 * start one (start-session.ts); nothing an anonymous client does saves one.
 */
export async function registerSessions(app: FastifyInstance, options: SessionOptions): Promise<void> {
  // The secret signs the CSRF cookie; the session plugin signs its own cookie with the same one.
  await app.register(fastifyCookie, { secret: options.secret });
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
  registerCsrfProtection(app, sessionCookieName);
}
