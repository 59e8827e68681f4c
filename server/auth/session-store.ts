import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Db } from '../db/database.ts';
import { deleteSession, findSessionData, saveSession } from './sessions.queries.ts';

type Callback = (error?: unknown) => void;

/**
 * The @fastify/session store, kept in PostgreSQL so sessions survive restarts, are shared by
 * every app instance, and can be revoked by deleting rows (sign out everywhere, removal).
 */
export function createSessionStore(db: Db, idleMs: number): SessionStore {
  return {
    set(sessionId, session, callback: Callback) {
      const expiresAt = session.cookie.expires ?? new Date(Date.now() + idleMs);
      const listing = { userAgent: session.userAgent ?? null, lastSeenAt: session.lastSeenAt === undefined ? null : new Date(session.lastSeenAt) };
      saveSession(db, sessionId, session.userId ?? null, JSON.stringify(session), expiresAt, listing).then(() => callback(), callback);
    },
    get(sessionId, callback: (error: unknown, session?: Session | null) => void) {
      findSessionData(db, sessionId).then(
        (data) => callback(null, (data as Session | undefined) ?? null),
        (error: unknown) => callback(error),
      );
    },
    destroy(sessionId, callback: Callback) {
      deleteSession(db, sessionId).then(() => callback(), callback);
    },
  };
}
