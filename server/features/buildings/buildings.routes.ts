import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildingSchema, buildingsResponseSchema, createBuildingRequestSchema, updateBuildingRequestSchema } from '../../../shared/schemas/building.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createBuilding, deleteBuilding, listBuildings, updateBuilding } from './buildings.service.ts';

type IdParams = { Params: { id: string } };

export function registerBuildingRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/properties/:id/buildings', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, buildingsResponseSchema, await listBuildings(deps, actor, parseId(request.params.id, 'Property')));
  });

  app.post<IdParams>('/api/properties/:id/buildings', async (request, reply) => {
    const actor = await actorOf(request);
    const propertyId = parseId(request.params.id, 'Property');
    const input = parseInput(createBuildingRequestSchema, request.body);
    return respond(reply, buildingSchema, await createBuilding(deps, actor, propertyId, input), 201);
  });

  app.patch<IdParams>('/api/buildings/:id', async (request, reply) => {
    const actor = await actorOf(request);
    const buildingId = parseId(request.params.id, 'Building');
    const input = parseInput(updateBuildingRequestSchema, request.body);
    return respond(reply, buildingSchema, await updateBuilding(deps, actor, buildingId, input));
  });

  app.delete<IdParams>('/api/buildings/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await deleteBuilding(deps, actor, parseId(request.params.id, 'Building'));
    return reply.status(204).send();
  });
}
