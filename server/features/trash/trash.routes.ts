import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  bulkDeleteActionsRequestSchema,
  bulkDeleteActionsResponseSchema,
  restoreTrashItemResponseSchema,
  trashItemsResponseSchema,
} from '../../../shared/schemas/trash.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { scheduleTrashPurge } from './purge-trash.ts';
import { bulkDeleteActions, listTrash, restoreFromTrash } from './trash.service.ts';

type AccountParams = { Params: { accountId: string } };
type IdParams = { Params: { id: string } };

export function registerTrashRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<AccountParams>('/api/accounts/:accountId/trash', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, trashItemsResponseSchema, await listTrash(deps, actor, parseId(request.params.accountId, 'Account')));
  });

  app.post<IdParams>('/api/trash/:id/restore', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, restoreTrashItemResponseSchema, await restoreFromTrash(deps, actor, parseId(request.params.id, 'Trash item')));
  });

  // Deleting many actions is moving them to the trash, so the route lives with the trash.
  app.post<IdParams>('/api/plans/:id/actions/bulk-delete', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(bulkDeleteActionsRequestSchema, request.body);
    return respond(reply, bulkDeleteActionsResponseSchema, await bulkDeleteActions(deps, actor, planId, input));
  });

  let stopPurge: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopPurge = scheduleTrashPurge(deps.db, deps.config.trashRetentionDays, deps.log);
  });
  app.addHook('onClose', async () => {
    stopPurge?.();
  });
}
