import '@fastify/session';

declare module 'fastify' {
  interface Session {
    /** The signed-in user; absent only in a session that is not stored (never signed in, or ended). */
    userId?: string;
    /** Epoch ms of sign-in; sessions end 12 h (configurable) after it, however active. */
    authenticatedAt?: number;
    /** Epoch ms of the last recorded activity; renewing it (once a minute) extends the idle expiry. */
    lastSeenAt?: number;
    /** The browser's User-Agent at sign-in, at most 400 characters, for the sessions list. */
    userAgent?: string;
  }
}
