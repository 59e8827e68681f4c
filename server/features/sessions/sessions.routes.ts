import type { FastifyInstance } from 'fastify';
import { sessionListSchema } from '../../../shared/schemas/sessions.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { respond } from '../../http/respond.ts';
import { sessionCookieName } from '../../http/sessions.ts';
import { endSession, listSessions } from './sessions.service.ts';

/** Where the signed-in user is signed in, and ending any of those sessions (the current one too: signing out). */
export function registerSessionRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/auth/sessions', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, sessionListSchema, await listSessions(deps, actor));
  });

  app.delete<{ Params: { id: string } }>('/api/auth/sessions/:id', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const { isCurrent } = await endSession(deps, actor, request.params.id);
    if (isCurrent) {
      await request.session.destroy();
      reply.clearCookie(sessionCookieName, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
    }
    return reply.status(204).send();
  });
}
