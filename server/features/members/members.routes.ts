import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  updateMemberRequestSchema,
  invitationLinkResponseSchema,
  inviteMemberRequestSchema,
  inviteMemberResponseSchema,
  memberSchema,
  membersResponseSchema,
} from '../../../shared/schemas/member.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { cancelInvitation, updateMember, createInvitationLink, inviteMember, listMembers, removeMember } from './members.service.ts';

type AccountParams = { Params: { accountId: string } };
type MemberParams = { Params: { accountId: string; userId: string } };
type InvitationParams = { Params: { accountId: string; invitationId: string } };

export function registerMemberRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<AccountParams>('/api/accounts/:accountId/members', async (request, reply) => {
    const actor = await actorOf(request);
    const members = await listMembers(deps, actor, parseId(request.params.accountId, 'Account'));
    return respond(reply, membersResponseSchema, members);
  });

  app.post<AccountParams>('/api/accounts/:accountId/members', async (request, reply) => {
    const actor = await actorOf(request);
    const accountId = parseId(request.params.accountId, 'Account');
    const input = parseInput(inviteMemberRequestSchema, request.body);
    return respond(reply, inviteMemberResponseSchema, await inviteMember(deps, actor, accountId, input), 201);
  });

  app.patch<MemberParams>('/api/accounts/:accountId/members/:userId', async (request, reply) => {
    const actor = await actorOf(request);
    const accountId = parseId(request.params.accountId, 'Account');
    const userId = parseId(request.params.userId, 'Member');
    const input = parseInput(updateMemberRequestSchema, request.body);
    return respond(reply, memberSchema, await updateMember(deps, actor, accountId, userId, input));
  });

  app.delete<MemberParams>('/api/accounts/:accountId/members/:userId', async (request, reply) => {
    const actor = await actorOf(request);
    await removeMember(deps, actor, parseId(request.params.accountId, 'Account'), parseId(request.params.userId, 'Member'));
    return reply.status(204).send();
  });

  app.delete<InvitationParams>('/api/accounts/:accountId/invitations/:invitationId', async (request, reply) => {
    const actor = await actorOf(request);
    await cancelInvitation(deps, actor, parseId(request.params.accountId, 'Account'), parseId(request.params.invitationId, 'Invitation'));
    return reply.status(204).send();
  });

  app.post<InvitationParams>('/api/accounts/:accountId/invitations/:invitationId/link', async (request, reply) => {
    const actor = await actorOf(request);
    const accountId = parseId(request.params.accountId, 'Account');
    const link = await createInvitationLink(deps, actor, accountId, parseId(request.params.invitationId, 'Invitation'));
    return respond(reply, invitationLinkResponseSchema, link);
  });
}
