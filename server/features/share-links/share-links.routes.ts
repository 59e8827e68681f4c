import type { FastifyInstance, FastifyRequest } from 'fastify';
import { brandingLogoQuerySchema } from '../../../shared/schemas/branding.ts';
import { reportQuerySchema } from '../../../shared/schemas/report.ts';
import {
  createShareLinkRequestSchema,
  createShareLinkResponseSchema,
  sharedPlanQuerySchema,
  sharedPlanSchema,
  shareLinksResponseSchema,
} from '../../../shared/schemas/share-link.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { sendDownload } from '../../http/send-download.ts';
import { tokenRateLimit } from '../../http/token-rate-limit.ts';
import { createShareLink, listPlanShareLinks, revokeShareLink } from './share-links.service.ts';
import { sendLogo } from '../branding/send-logo.ts';
import { createSharedPlanReport, readSharedPlan, readSharedPlanLogo } from './shared-plan.service.ts';

type IdParams = { Params: { id: string } };
type TokenParams = { Params: { token: string } };

export function registerShareLinkRoutes(app: FastifyInstance, deps: Deps): void {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.post<IdParams>('/api/plans/:id/share-links', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const input = parseInput(createShareLinkRequestSchema, request.body);
    return respond(reply, createShareLinkResponseSchema, await createShareLink(deps, actor, planId, input), 201);
  });

  app.get<IdParams>('/api/plans/:id/share-links', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, shareLinksResponseSchema, await listPlanShareLinks(deps, actor, parseId(request.params.id, 'Plan')));
  });

  app.delete<IdParams>('/api/share-links/:id', async (request, reply) => {
    const actor = await actorOf(request);
    await revokeShareLink(deps, actor, parseId(request.params.id, 'Share link'));
    return reply.status(204).send();
  });

  // For someone without an account: the token is the only check, so these are limited per client IP.
  app.get<TokenParams>('/api/share/:token', { config: tokenRateLimit }, async (request, reply) => {
    const query = parseInput(sharedPlanQuerySchema, request.query);
    return respond(reply, sharedPlanSchema, await readSharedPlan(deps, request.params.token, query));
  });

  app.get<TokenParams>('/api/share/:token/logo', { config: tokenRateLimit }, async (request, reply) => {
    const query = parseInput(brandingLogoQuerySchema, request.query);
    return sendLogo(reply, await readSharedPlanLogo(deps, request.params.token), query.v);
  });

  app.get<TokenParams>('/api/share/:token/report.pdf', { config: tokenRateLimit }, async (request, reply) => {
    const query = parseInput(reportQuerySchema, request.query);
    const report = await createSharedPlanReport(deps, request.params.token, query);
    return sendDownload(reply, { fileName: report.fileName, contentType: 'application/pdf', content: report.document });
  });
}
