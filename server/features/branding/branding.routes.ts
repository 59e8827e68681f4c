import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { brandingLogoMaxBytes, brandingLogoQuerySchema, brandingSchema } from '../../../shared/schemas/branding.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { readBranding, readBrandingLogo, removeBranding, updateBranding } from './branding.service.ts';
import { brandingFormFieldLimit, receiveBrandingForm } from './receive-branding-form.ts';
import { sendLogo } from './send-logo.ts';

type AccountParams = { Params: { accountId: string } };

/** An account's branding (docs/product/api.md § Branding), with multipart parsing for its PUT only. */
export async function registerBrandingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<AccountParams>('/api/accounts/:accountId/branding', async (request, reply) => {
    const actor = await actorOf(request);
    return respond(reply, brandingSchema, await readBranding(deps, actor, parseId(request.params.accountId, 'Account')));
  });

  app.get<AccountParams>('/api/accounts/:accountId/branding/logo', async (request, reply) => {
    const actor = await actorOf(request);
    const query = parseInput(brandingLogoQuerySchema, request.query);
    return sendLogo(reply, await readBrandingLogo(deps, actor, parseId(request.params.accountId, 'Account')), query.v);
  });

  await app.register(async (forms) => {
    // One logo one byte over the limit, so an oversized logo is seen as such; fields are short texts.
    await forms.register(fastifyMultipart, {
      limits: { files: 1, fields: brandingFormFieldLimit, fieldSize: 1000, fileSize: brandingLogoMaxBytes + 1 },
    });
    forms.put<AccountParams>('/api/accounts/:accountId/branding', async (request, reply) => {
      const actor = await actorOf(request);
      const accountId = parseId(request.params.accountId, 'Account');
      return respond(reply, brandingSchema, await updateBranding(deps, actor, accountId, await receiveBrandingForm(request)));
    });
  });

  app.delete<AccountParams>('/api/accounts/:accountId/branding', async (request, reply) => {
    const actor = await actorOf(request);
    await removeBranding(deps, actor, parseId(request.params.accountId, 'Account'));
    return reply.status(204).send();
  });
}
