import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createPropertyRequestSchema, propertiesResponseSchema, propertySchema, updatePropertyRequestSchema } from '../../../shared/schemas/property.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createProperty, deleteProperty, getProperty, listProperties, updateProperty } from './properties.service.ts';

type IdParams = { Params: { id: string } };

export function registerPropertyRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/organisations/:id/properties', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, propertiesResponseSchema, await listProperties(deps, actor, parseId(request.params.id, 'Organisation')));
  });

  app.post<IdParams>('/api/organisations/:id/properties', async (request, reply) => {
    const actor = await actorOf(request);
    const organisationId = parseId(request.params.id, 'Organisation');
    const input = parseInput(createPropertyRequestSchema, request.body);
    return respond(reply, propertySchema, await createProperty(deps, actor, organisationId, input), 201);
  });

  app.get<IdParams>('/api/properties/:id', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, propertySchema, await getProperty(deps, actor, parseId(request.params.id, 'Property')));
  });

  app.patch<IdParams>('/api/properties/:id', async (request, reply) => {
    const actor = await actorOf(request);
    const propertyId = parseId(request.params.id, 'Property');
    const input = parseInput(updatePropertyRequestSchema, request.body);
    return respond(reply, propertySchema, await updateProperty(deps, actor, propertyId, input));
  });

  app.delete<IdParams>('/api/properties/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteProperty(deps, actor, parseId(request.params.id, 'Property'));
    return reply.status(204).send();
  });
}
