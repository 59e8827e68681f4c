import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  actionSchema,
  actionResponseOf,
  actionWithCompletionsSchema,
  completeActionRequestSchema,
  completeActionResponseSchema,
  createActionRequestSchema,
  occurrencesQuerySchema,
  occurrencesResponseSchema,
  updateActionRequestSchema,
} from '../../../shared/schemas/action.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { completeAction, createAction, deleteAction, getAction, listActions, listOccurrences, updateAction } from './actions.service.ts';

type IdParams = { Params: { id: string } };

export function registerActionRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/plans/:id/actions', async (request, reply) => {
    const actor = await actorOf(request);
    const actions = await listActions(deps, actor, parseId(request.params.id, 'Plan'));
    // The allowlist field by field, not `respond`: zod-parsing 10 000 actions costs more than the query.
    return reply.status(200).send(actions.map(actionResponseOf));
  });

  app.post<IdParams>('/api/plans/:id/actions', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(createActionRequestSchema, request.body);
    return respond(reply, actionSchema, await createAction(deps, actor, planId, input), 201);
  });

  app.get<IdParams>('/api/plans/:id/occurrences', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const query = parseInput(occurrencesQuerySchema, request.query);
    return respond(reply, occurrencesResponseSchema, await listOccurrences(deps, actor, planId, query));
  });

  app.get<IdParams>('/api/actions/:id', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, actionWithCompletionsSchema, await getAction(deps, actor, parseId(request.params.id, 'Action')));
  });

  app.patch<IdParams>('/api/actions/:id', async (request, reply) => {
    const actor = await actorOf(request);
    const actionId = parseId(request.params.id, 'Action');
    const input = parseInput(updateActionRequestSchema, request.body);
    return respond(reply, actionSchema, await updateAction(deps, actor, actionId, input));
  });

  app.delete<IdParams>('/api/actions/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteAction(deps, actor, parseId(request.params.id, 'Action'));
    return reply.status(204).send();
  });

  app.post<IdParams>('/api/actions/:id/complete', async (request, reply) => {
    const actor = await actorOf(request);
    const actionId = parseId(request.params.id, 'Action');
    const input = parseInput(completeActionRequestSchema, request.body);
    return respond(reply, completeActionResponseSchema, await completeAction(deps, actor, actionId, input), 201);
  });
}
