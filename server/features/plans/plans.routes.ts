import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createPlanRequestSchema, planSchema, plansResponseSchema, updatePlanRequestSchema, updatePlanResponseSchema } from '../../../shared/schemas/plan.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from './plans.service.ts';

type IdParams = { Params: { id: string } };

export function registerPlanRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/properties/:id/plans', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, plansResponseSchema, await listPlans(deps, actor, parseId(request.params.id, 'Property')));
  });

  app.post<IdParams>('/api/properties/:id/plans', async (request, reply) => {
    const actor = await actorOf(request);
    const propertyId = parseId(request.params.id, 'Property');
    const input = parseInput(createPlanRequestSchema, request.body);
    return respond(reply, planSchema, await createPlan(deps, actor, propertyId, input), 201);
  });

  app.get<IdParams>('/api/plans/:id', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, planSchema, await getPlan(deps, actor, parseId(request.params.id, 'Plan')));
  });

  app.patch<IdParams>('/api/plans/:id', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(updatePlanRequestSchema, request.body);
    return respond(reply, updatePlanResponseSchema, await updatePlan(deps, actor, planId, input));
  });

  app.delete<IdParams>('/api/plans/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deletePlan(deps, actor, parseId(request.params.id, 'Plan'));
    return reply.status(204).send();
  });
}
