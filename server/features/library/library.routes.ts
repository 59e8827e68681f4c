import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLanguage } from '../../../shared/i18n/language.ts';
import {
  createLibraryItemRequestSchema,
  generateRequestSchema,
  generateResponseSchema,
  libraryComponentsResponseSchema,
  libraryItemSchema,
  libraryItemsQuerySchema,
  libraryItemsResponseSchema,
  repriceCandidatesResponseSchema,
  repriceRequestSchema,
  repriceResponseSchema,
  updateLibraryItemRequestSchema,
} from '../../../shared/schemas/library.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { generateActions } from './generate-actions.ts';
import {
  createLibraryItem,
  deleteLibraryItem,
  listAccountLibraryItems,
  listLibraryComponents,
  listLibraryItems,
  updateLibraryItem,
} from './library-items.service.ts';
import { listRepriceCandidates, repriceActions } from './reprice-actions.ts';

type IdParams = { Params: { id: string } };
type AccountParams = { Params: { accountId: string } };

export function registerLibraryRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get('/api/library/items', async (request, reply) => {
    const actor = await actorOf(request);
    const query = parseInput(libraryItemsQuerySchema, request.query);
    return respond(reply, libraryItemsResponseSchema, await listLibraryItems(deps, actor, query));
  });

  app.get('/api/library/components', async (request, reply) => {
    await actorOf(request);
    return respond(reply, libraryComponentsResponseSchema, listLibraryComponents());
  });

  app.get<AccountParams>('/api/accounts/:accountId/library-items', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, libraryItemsResponseSchema, await listAccountLibraryItems(deps, actor, parseId(request.params.accountId, 'Account')));
  });

  app.post<AccountParams>('/api/accounts/:accountId/library-items', async (request, reply) => {
    const actor = await actorOf(request);
    const accountId = parseId(request.params.accountId, 'Account');
    const input = parseInput(createLibraryItemRequestSchema, request.body);
    return respond(reply, libraryItemSchema, await createLibraryItem(deps, actor, accountId, input), 201);
  });

  app.patch<IdParams>('/api/library-items/:id', async (request, reply) => {
    const actor = await actorOf(request);
    const itemId = parseId(request.params.id, 'Library item');
    const input = parseInput(updateLibraryItemRequestSchema, request.body);
    return respond(reply, libraryItemSchema, await updateLibraryItem(deps, actor, itemId, input));
  });

  app.delete<IdParams>('/api/library-items/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteLibraryItem(deps, actor, parseId(request.params.id, 'Library item'));
    return reply.status(204).send();
  });

  app.post<IdParams>('/api/plans/:id/generate', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(generateRequestSchema, request.body);
    const result = await generateActions(deps, actor, planId, input, pickLanguage(request.headers['accept-language']));
    return respond(reply, generateResponseSchema, result, input.dryRun ? 200 : 201);
  });

  app.get<IdParams>('/api/plans/:id/reprice', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, repriceCandidatesResponseSchema, await listRepriceCandidates(deps, actor, parseId(request.params.id, 'Plan')));
  });

  app.post<IdParams>('/api/plans/:id/reprice', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(repriceRequestSchema, request.body);
    return respond(reply, repriceResponseSchema, await repriceActions(deps, actor, planId, input));
  });
}
