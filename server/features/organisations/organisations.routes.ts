import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createOrganisationRequestSchema,
  organisationSchema,
  organisationsResponseSchema,
  updateOrganisationRequestSchema,
} from '../../../shared/schemas/organisation.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './organisations.service.ts';

type AccountParams = { Params: { accountId: string } };
type OrganisationParams = { Params: { id: string } };

export function registerOrganisationRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<AccountParams>('/api/accounts/:accountId/organisations', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, organisationsResponseSchema, await listOrganisations(deps, actor, parseId(request.params.accountId, 'Account')));
  });

  app.post<AccountParams>('/api/accounts/:accountId/organisations', async (request, reply) => {
    const actor = await actorOf(request);
    const accountId = parseId(request.params.accountId, 'Account');
    const input = parseInput(createOrganisationRequestSchema, request.body);
    return respond(reply, organisationSchema, await createOrganisation(deps, actor, accountId, input), 201);
  });

  app.get<OrganisationParams>('/api/organisations/:id', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, organisationSchema, await getOrganisation(deps, actor, parseId(request.params.id, 'Organisation')));
  });

  app.patch<OrganisationParams>('/api/organisations/:id', async (request, reply) => {
    const actor = await actorOf(request);
    const organisationId = parseId(request.params.id, 'Organisation');
    const input = parseInput(updateOrganisationRequestSchema, request.body);
    return respond(reply, organisationSchema, await updateOrganisation(deps, actor, organisationId, input));
  });

  app.delete<OrganisationParams>('/api/organisations/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteOrganisation(deps, actor, parseId(request.params.id, 'Organisation'));
    return reply.status(204).send();
  });
}
