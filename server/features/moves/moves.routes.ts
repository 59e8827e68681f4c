import type { FastifyInstance, FastifyRequest } from 'fastify';
import { moveOrganisationRequestSchema, movePropertyRequestSchema } from '../../../shared/schemas/move.ts';
import { organisationSchema } from '../../../shared/schemas/organisation.ts';
import { propertySchema } from '../../../shared/schemas/property.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createAttachmentStorage } from '../attachments/attachment-storage.ts';
import { moveOrganisation, moveProperty, type MoveDeps } from './moves.service.ts';

type IdParams = { Params: { id: string } };

export function registerMoveRoutes(app: FastifyInstance, baseDeps: Deps): void {
  // The moved attachments' files are copied to keys of the new account, in the same storage the attachments use.
  const deps: MoveDeps = { ...baseDeps, storage: createAttachmentStorage(baseDeps.config.dataDir, baseDeps.config.attachments) };
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.post<IdParams>('/api/properties/:id/move', async (request, reply) => {
    const actor = await actorOf(request);
    const propertyId = parseId(request.params.id, 'Property');
    const input = parseInput(movePropertyRequestSchema, request.body);
    return respond(reply, propertySchema, await moveProperty(deps, actor, propertyId, input));
  });

  app.post<IdParams>('/api/organisations/:id/move', async (request, reply) => {
    const actor = await actorOf(request);
    const organisationId = parseId(request.params.id, 'Organisation');
    const input = parseInput(moveOrganisationRequestSchema, request.body);
    return respond(reply, organisationSchema, await moveOrganisation(deps, actor, organisationId, input));
  });
}
