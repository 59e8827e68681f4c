import type { FastifyInstance } from 'fastify';
import { acceptInvitationRequestSchema, acceptInvitationResponseSchema, invitationPreviewSchema } from '../../../shared/schemas/member.ts';
import { startSession } from '../../auth/start-session.ts';
import type { Deps } from '../../deps.ts';
import { parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { acceptInvitation, previewInvitation } from './invitations.service.ts';

const tokenRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

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
}
