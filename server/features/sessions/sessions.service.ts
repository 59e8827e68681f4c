import { idSchema } from '../../../shared/schemas/common.ts';
import type { Actor } from '../../auth/actor.ts';
import { deleteSession, findUserSessionId, listUserSessions } from '../../auth/sessions.queries.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/app-error.ts';
import { recordAuditEvent } from '../../infrastructure/audit-events.queries.ts';

export async function listSessions(deps: Deps, actor: Actor) {
  const sessions = await listUserSessions(deps.db, actor.userId, actor.sessionId, deps.config.sessionAbsoluteMs);
  return sessions.map((session) => ({ ...session, createdAt: session.createdAt.toISOString(), lastSeenAt: session.lastSeenAt.toISOString() }));
}

/**
 * Ends one of the actor's own sessions by its public id; another user's, or an id that is not one,
 * is the same 404. Returns whether it was the actor's current session, which the caller then ends
 * itself (its row would otherwise be saved again at the end of the request).
 */
export async function endSession(deps: Deps, actor: Actor, publicId: string): Promise<{ isCurrent: boolean }> {
  const sessionId = idSchema.safeParse(publicId).success ? await findUserSessionId(deps.db, actor.userId, publicId) : undefined;
  if (!sessionId) throw notFound('Session');
  const isCurrent = sessionId === actor.sessionId;
  if (!isCurrent) await deleteSession(deps.db, sessionId);
  await recordAuditEvent(deps.db, { event: 'session.ended', userId: actor.userId, ip: actor.ip, details: { isCurrent } });
  return { isCurrent };
}
