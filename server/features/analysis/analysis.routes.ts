import type { FastifyInstance, FastifyRequest } from 'fastify';
import { analysisQuerySchema, analysisResponseSchema, fundQuerySchema, fundResponseSchema } from '../../../shared/schemas/analysis.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { getFundAnalysis, getPlanAnalysis } from './analysis.service.ts';

type IdParams = { Params: { id: string } };

export function registerAnalysisRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/plans/:id/analysis', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const query = parseInput(analysisQuerySchema, request.query);
    return respond(reply, analysisResponseSchema, await getPlanAnalysis(deps, actor, planId, query));
  });

  app.get<IdParams>('/api/plans/:id/fund', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const query = parseInput(fundQuerySchema, request.query);
    return respond(reply, fundResponseSchema, await getFundAnalysis(deps, actor, planId, query));
  });
}
