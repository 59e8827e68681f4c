import type { FastifyInstance } from 'fastify';
import { actionHistorySchema, planHistoryPageSchema, planHistoryQuerySchema } from '../../../shared/schemas/history.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { getActionHistory, getPlanHistory } from './history.service.ts';

type IdParams = { Params: { id: string } };

export function registerHistoryRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<IdParams>('/api/actions/:id/history', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, actionHistorySchema, await getActionHistory(deps, actor, parseId(request.params.id, 'Action')));
  });

  app.get<IdParams>('/api/plans/:id/history', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const planId = parseId(request.params.id, 'Plan');
    const query = parseInput(planHistoryQuerySchema, request.query);
    return respond(reply, planHistoryPageSchema, await getPlanHistory(deps, actor, planId, query));
  });
}
