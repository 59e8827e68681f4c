import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  actionSchema,
  actionWithCompletionsSchema,
  bulkUpdateActionsRequestSchema,
  bulkUpdateActionsResponseSchema,
  completeActionRequestSchema,
  completeActionResponseSchema,
  createActionRequestSchema,
  occurrencesQuerySchema,
  updateActionRequestSchema,
} from '../../../shared/schemas/action.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { preferredJsonEncoding, sendJsonBytes } from '../../http/json-encoding.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import {
  bulkUpdateActions,
  completeAction,
  createAction,
  deleteAction,
  getAction,
  listActionsJson,
  listOccurrencesJson,
  updateAction,
} from './actions.service.ts';

type IdParams = { Params: { id: string } };

/** Room for 10 000 ids (39 bytes each in compact JSON), also when the JSON is indented. */
export const bulkUpdateBodyLimitBytes = 512 * 1024;

export function registerActionRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/plans/:id/actions', async (request, reply) => {
    const actor = await actorOf(request);
    const encoding = preferredJsonEncoding(request.headers['accept-encoding']);
    const json = await listActionsJson(deps, actor, parseId(request.params.id, 'Plan'), encoding);
    // Already the JSON of actionsResponseSchema (its SQL is the allowlist), so not `respond`:
    // parsing and stringifying 10 000 actions again would cost more than the query.
    return sendJsonBytes(reply, json, encoding);
  });

  app.post<IdParams>('/api/plans/:id/actions', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(createActionRequestSchema, request.body);
    return respond(reply, actionSchema, await createAction(deps, actor, planId, input), 201);
  });

  // 10 000 ids are about 390 KB of JSON, over the app's 256 KiB limit for every other body.
  app.post<IdParams>('/api/plans/:id/actions/bulk-update', { bodyLimit: bulkUpdateBodyLimitBytes }, async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(bulkUpdateActionsRequestSchema, request.body);
    return respond(reply, bulkUpdateActionsResponseSchema, await bulkUpdateActions(deps, actor, planId, input));
  });

  app.get<IdParams>('/api/plans/:id/occurrences', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const query = parseInput(occurrencesQuerySchema, request.query);
    const encoding = preferredJsonEncoding(request.headers['accept-encoding']);
    return sendJsonBytes(reply, await listOccurrencesJson(deps, actor, planId, query, encoding), encoding);
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
