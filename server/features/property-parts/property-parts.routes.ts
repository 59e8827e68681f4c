import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createPropertyPartRequestSchema,
  propertyPartKinds,
  propertyPartSchema,
  propertyPartsResponseSchema,
  updatePropertyPartRequestSchema,
} from '../../../shared/schemas/property-part.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createPropertyPart, deletePropertyPart, listPropertyParts, nounOf, updatePropertyPart } from './property-parts.service.ts';

type IdParams = { Params: { id: string } };

/** The same four routes for each kind: `/api/properties/:id/buildings`, `/api/buildings/:id`, and so for locations. */
export function registerPropertyPartRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  for (const kind of propertyPartKinds) {
    app.get<IdParams>(`/api/properties/:id/${kind}`, async (request, reply) => {
      const actor = await actorOf(request);
      return respond(reply, propertyPartsResponseSchema, await listPropertyParts(deps, actor, kind, parseId(request.params.id, 'Property')));
    });

    app.post<IdParams>(`/api/properties/:id/${kind}`, async (request, reply) => {
      const actor = await actorOf(request);
      const propertyId = parseId(request.params.id, 'Property');
      const input = parseInput(createPropertyPartRequestSchema, request.body);
      return respond(reply, propertyPartSchema, await createPropertyPart(deps, actor, kind, propertyId, input), 201);
    });

    app.patch<IdParams>(`/api/${kind}/:id`, async (request, reply) => {
      const actor = await actorOf(request);
      const partId = parseId(request.params.id, nounOf[kind]);
      const input = parseInput(updatePropertyPartRequestSchema, request.body);
      return respond(reply, propertyPartSchema, await updatePropertyPart(deps, actor, kind, partId, input));
    });

    app.delete<IdParams>(`/api/${kind}/:id`, async (request, reply) => {
      const actor = await actorOf(request);
      await deletePropertyPart(deps, actor, kind, parseId(request.params.id, nounOf[kind]));
      return reply.status(204).send();
    });
  }
}
