import type { FastifyInstance } from 'fastify';
import { signedInResponseSchema } from '../../../shared/schemas/auth.ts';
import {
  passkeyAssertionRequestSchema,
  passkeyListSchema,
  passkeyOptionsResponseSchema,
  passkeySchema,
  passkeySignInOptionsResponseSchema,
  registerPasskeyRequestSchema,
} from '../../../shared/schemas/passkey.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { finishPasskeySecondFactor, finishPasskeySignIn, startPasskeySecondFactor, startPasskeySignIn } from './passkey-sign-in.ts';
import { findPasskeys, finishPasskeyRegistration, removePasskey, startPasskeyRegistration } from './passkeys.service.ts';

/** Per client IP, as the password step (auth.routes.ts): beyond it @fastify/rate-limit answers 429 before anything is checked. */
const signInRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export function registerPasskeyRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/auth/passkeys', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, passkeyListSchema, await findPasskeys(deps, actor));
  });

  app.post('/api/auth/passkeys/registration/options', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, passkeyOptionsResponseSchema, await startPasskeyRegistration(deps, request, actor));
  });

  app.post('/api/auth/passkeys/registration/verify', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const input = parseInput(registerPasskeyRequestSchema, request.body);
    return respond(reply, passkeySchema, await finishPasskeyRegistration(deps, request, actor, input), 201);
  });

  app.delete<{ Params: { id: string } }>('/api/auth/passkeys/:id', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    await removePasskey(deps, actor, parseId(request.params.id, 'Passkey'));
    return reply.status(204).send();
  });

  app.post('/api/auth/passkeys/second-factor/options', { config: signInRateLimit }, async (request, reply) => {
    return respond(reply, passkeyOptionsResponseSchema, await startPasskeySecondFactor(deps, request));
  });

  app.post('/api/auth/passkeys/second-factor/verify', { config: signInRateLimit }, async (request, reply) => {
    const input = parseInput(passkeyAssertionRequestSchema, request.body);
    return respond(reply, signedInResponseSchema, await finishPasskeySecondFactor(deps, request, reply, input));
  });

  app.post('/api/auth/passkeys/sign-in/options', { config: signInRateLimit }, async (request, reply) => {
    return respond(reply, passkeySignInOptionsResponseSchema, await startPasskeySignIn(deps, request, reply));
  });

  app.post('/api/auth/passkeys/sign-in/verify', { config: signInRateLimit }, async (request, reply) => {
    const input = parseInput(passkeyAssertionRequestSchema, request.body);
    return respond(reply, signedInResponseSchema, await finishPasskeySignIn(deps, request, reply, input));
  });
}
