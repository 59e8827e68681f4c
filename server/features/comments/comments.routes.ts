import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commentListSchema, commentSchema, createCommentRequestSchema } from '../../../shared/schemas/comment.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createComment, deleteComment, listComments } from './comments.service.ts';

type IdParams = { Params: { id: string } };

export function registerCommentRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/actions/:id/comments', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, commentListSchema, await listComments(deps, actor, parseId(request.params.id, 'Action')));
  });

  app.post<IdParams>('/api/actions/:id/comments', async (request, reply) => {
    const actor = await actorOf(request);
    const actionId = parseId(request.params.id, 'Action');
    const input = parseInput(createCommentRequestSchema, request.body);
    return respond(reply, commentSchema, await createComment(deps, actor, actionId, input), 201);
  });

  app.delete<IdParams>('/api/comments/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteComment(deps, actor, parseId(request.params.id, 'Comment'));
    return reply.status(204).send();
  });
}
