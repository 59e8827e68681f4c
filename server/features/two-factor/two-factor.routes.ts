import type { FastifyInstance } from 'fastify';
import { signedInResponseSchema } from '../../../shared/schemas/auth.ts';
import {
  disableTotpRequestSchema,
  enableTotpRequestSchema,
  enableTotpResponseSchema,
  secondFactorRequestSchema,
  totpSetupResponseSchema,
} from '../../../shared/schemas/two-factor.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { finishSecondFactor } from './second-factor-sign-in.ts';
import { disableTotp, enableTotp, setupTotp } from './two-factor.service.ts';

/** Per client IP, as the password step: beyond it @fastify/rate-limit answers 429 before any code is checked. */
const codeRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export function registerTwoFactorRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/api/auth/totp/setup', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, totpSetupResponseSchema, await setupTotp(deps, actor));
  });

  app.post('/api/auth/totp/enable', { config: codeRateLimit }, async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const input = parseInput(enableTotpRequestSchema, request.body);
    return respond(reply, enableTotpResponseSchema, await enableTotp(deps, actor, input));
  });

  app.post('/api/auth/totp/disable', { config: codeRateLimit }, async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const input = parseInput(disableTotpRequestSchema, request.body);
    await disableTotp(deps, actor, input);
    return reply.status(204).send();
  });

  app.post('/api/auth/login/second-factor', { config: codeRateLimit }, async (request, reply) => {
    const input = parseInput(secondFactorRequestSchema, request.body);
    return respond(reply, signedInResponseSchema, await finishSecondFactor(deps, request, reply, input));
  });
}
