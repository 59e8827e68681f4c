import type { FastifyInstance } from 'fastify';
import { undoChangeSetResponseSchema } from '../../../shared/schemas/history.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { undoChangeSet } from './undo-change-set.ts';

type IdParams = { Params: { id: string } };

export function registerChangeSetRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<IdParams>('/api/change-sets/:id/undo', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, undoChangeSetResponseSchema, await undoChangeSet(deps, actor, parseId(request.params.id, 'Change set')));
  });
}
