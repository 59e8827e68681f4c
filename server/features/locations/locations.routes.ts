import type { FastifyInstance, FastifyRequest } from 'fastify';
import { locationSchema, locationsResponseSchema, createLocationRequestSchema, updateLocationRequestSchema } from '../../../shared/schemas/location.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createLocation, deleteLocation, listLocations, updateLocation } from './locations.service.ts';

type IdParams = { Params: { id: string } };

export function registerLocationRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/properties/:id/locations', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, locationsResponseSchema, await listLocations(deps, actor, parseId(request.params.id, 'Property')));
  });

  app.post<IdParams>('/api/properties/:id/locations', async (request, reply) => {
    const actor = await actorOf(request);
    const propertyId = parseId(request.params.id, 'Property');
    const input = parseInput(createLocationRequestSchema, request.body);
    return respond(reply, locationSchema, await createLocation(deps, actor, propertyId, input), 201);
  });

  app.patch<IdParams>('/api/locations/:id', async (request, reply) => {
    const actor = await actorOf(request);
    const locationId = parseId(request.params.id, 'Location');
    const input = parseInput(updateLocationRequestSchema, request.body);
    return respond(reply, locationSchema, await updateLocation(deps, actor, locationId, input));
  });

  app.delete<IdParams>('/api/locations/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteLocation(deps, actor, parseId(request.params.id, 'Location'));
    return reply.status(204).send();
  });
}
