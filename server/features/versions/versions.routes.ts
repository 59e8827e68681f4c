import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createVersionRequestSchema,
  restoreVersionResponseSchema,
  versionDiffQuerySchema,
  versionDiffResponseSchema,
  versionSchema,
  versionsResponseSchema,
} from '../../../shared/schemas/version.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { createVersion, diffVersion, listVersions, restoreVersion } from './versions.service.ts';

type IdParams = { Params: { id: string } };
type VersionParams = { Params: { id: string; versionId: string } };

export function registerVersionRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.post<IdParams>('/api/plans/:id/versions', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(createVersionRequestSchema, request.body);
    return respond(reply, versionSchema, await createVersion(deps, actor, planId, input), 201);
  });

  app.get<IdParams>('/api/plans/:id/versions', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, versionsResponseSchema, await listVersions(deps, actor, parseId(request.params.id, 'Plan')));
  });

  app.get<VersionParams>('/api/plans/:id/versions/:versionId/diff', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const versionId = parseId(request.params.versionId, 'Version');
    const query = parseInput(versionDiffQuerySchema, request.query);
    return respond(reply, versionDiffResponseSchema, await diffVersion(deps, actor, planId, versionId, query));
  });

  app.post<VersionParams>('/api/plans/:id/versions/:versionId/restore', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const versionId = parseId(request.params.versionId, 'Version');
    return respond(reply, restoreVersionResponseSchema, await restoreVersion(deps, actor, planId, versionId));
  });
}
