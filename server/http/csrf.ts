import CsrfTokens from '@fastify/csrf';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

/**
 * Carries the CSRF secret of a client that is not signed in: a signed, HttpOnly cookie instead of
 * a session row, so anonymous requests store nothing. `__Host-` makes browsers insist on Secure,
 * Path=/ and no Domain, so a subdomain cannot plant one; the signature (the session secret) means
 * nobody can choose its value.
 */
export const csrfCookieName = '__Host-kvarter-csrf';
/** Where a signed-in session keeps its secret: @fastify/csrf-protection's key, so sessions from before keep their tokens. */
const sessionSecretKey = '_csrf';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface Session {
    /** The CSRF secret of a signed-in session; tokens are derived from it and end with it. */
    [sessionSecretKey]?: string;
  }
  interface FastifyReply {
    /** A CSRF token for this client: from the session's secret when signed in, else from the CSRF cookie's. */
    generateCsrf(): string;
  }
}

/**
 * CSRF protection with the token library of @fastify/csrf-protection (a salted hash of a secret),
 * the secret kept where the client's state already is (decision 0027): a signed-in session keeps
 * it in the session, so every token dies with the session and a new one comes with each sign-in;
 * a client that is not signed in (no session, or one that has ended) keeps it in the CSRF cookie.
 * An unsafe request that carries the session cookie must carry `x-csrf-token` for the secret of
 * that kind; without the session cookie there is nothing to forge. Registered after the session
 * and the cookie plugin (with the session secret, for signing).
 */
export function registerCsrfProtection(app: FastifyInstance, sessionCookieName: string): void {
  const tokens = new CsrfTokens({ userInfo: false });

  app.decorateReply('generateCsrf', function generateCsrf(this: FastifyReply): string {
    const { session } = this.request;
    if (session.userId) {
      session[sessionSecretKey] ??= tokens.secretSync();
      return tokens.create(session[sessionSecretKey]);
    }
    let secret = cookieSecret(this.request);
    if (!secret) {
      secret = tokens.secretSync();
      void this.setCookie(csrfCookieName, secret, { path: '/', secure: true, httpOnly: true, sameSite: 'strict', signed: true });
    }
    return tokens.create(secret);
  });

  app.addHook('preHandler', (request, _reply, done) => {
    if (!unsafeMethods.has(request.method) || request.cookies[sessionCookieName] === undefined) {
      done();
      return;
    }
    const secret = request.session.userId ? request.session[sessionSecretKey] : cookieSecret(request);
    const token = headerValue(request.headers['x-csrf-token']);
    if (secret && token && tokens.verify(secret, token)) {
      done();
      return;
    }
    done(new AppError('csrf', 'Missing or invalid x-csrf-token header. Fetch one from GET /api/auth/csrf.'));
  });
}

/** The CSRF cookie's secret when its signature holds; anything else counts as no cookie. */
function cookieSecret(request: FastifyRequest): string | undefined {
  const value = request.cookies[csrfCookieName];
  if (value === undefined) return undefined;
  const unsigned = request.unsignCookie(value);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
