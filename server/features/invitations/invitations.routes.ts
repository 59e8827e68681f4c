import type { FastifyInstance, FastifyRequest } from 'fastify';
import { acceptInvitationRequestSchema, acceptInvitationResponseSchema, invitationPreviewSchema } from '../../../shared/schemas/member.ts';
import { acceptedInvitationResponseSchema, receivedInvitationsResponseSchema } from '../../../shared/schemas/invitation.ts';
import { requireUser } from '../../auth/require-user.ts';
import { startSession } from '../../auth/start-session.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { tokenRateLimit } from '../../http/token-rate-limit.ts';
import { acceptInvitation, acceptReceivedInvitation, declineReceivedInvitation, listReceivedInvitations, previewInvitation } from './invitations.service.ts';

type ReceivedInvitationParams = { Params: { id: string } };

export function registerInvitationRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { token: string } }>('/api/invitations/:token', { config: tokenRateLimit }, async (request, reply) => {
    return respond(reply, invitationPreviewSchema, await previewInvitation(deps, request.params.token));
  });

  app.post<{ Params: { token: string } }>('/api/invitations/:token/accept', { config: tokenRateLimit }, async (request, reply) => {
    const input = parseInput(acceptInvitationRequestSchema, request.body);
    const { user, accountId } = await acceptInvitation(deps, request.params.token, input, request.ip);
    const csrfToken = await startSession(request, reply, user.id);
    return respond(reply, acceptInvitationResponseSchema, { user, accountId, csrfToken }, 201);
  });

  // The signed-in user's own invitations: found by their e-mail address, accepted by id.
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get('/api/auth/invitations', async (request, reply) => {
    return respond(reply, receivedInvitationsResponseSchema, await listReceivedInvitations(deps, await actorOf(request)));
  });

  app.post<ReceivedInvitationParams>('/api/auth/invitations/:id/accept', async (request, reply) => {
    const actor = await actorOf(request);
    const accepted = await acceptReceivedInvitation(deps, actor, parseId(request.params.id, 'Invitation'));
    return respond(reply, acceptedInvitationResponseSchema, accepted);
  });

  app.post<ReceivedInvitationParams>('/api/auth/invitations/:id/decline', async (request, reply) => {
    const actor = await actorOf(request);
    await declineReceivedInvitation(deps, actor, parseId(request.params.id, 'Invitation'));
    return reply.status(204).send();
  });
}
