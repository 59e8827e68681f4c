import type { FastifyInstance } from 'fastify';
import {
  changePasswordRequestSchema,
  csrfResponseSchema,
  displayPreferencesSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  signupRequestSchema,
  signupResponseSchema,
  updateDisplayPreferencesRequestSchema,
} from '../../../shared/schemas/auth.ts';
import { requireUser } from '../../auth/require-user.ts';
import { startSession } from '../../auth/start-session.ts';
import type { Deps } from '../../deps.ts';
import { parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { sessionCookieName } from '../../http/sessions.ts';
import { startSecondFactor } from '../two-factor/second-factor-sign-in.ts';
import { changeDisplayPreferences, changePassword, findCurrentUser, logIn, recordLogout, signUp } from './auth.service.ts';

/** Per client IP; beyond it @fastify/rate-limit answers 429 before any password is checked. */
const credentialRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/api/auth/signup', { config: credentialRateLimit }, async (request, reply) => {
    const input = parseInput(signupRequestSchema, request.body);
    const { user, account } = await signUp(deps, input, request.ip);
    const csrfToken = await startSession(request, reply, user.id);
    return respond(reply, signupResponseSchema, { user, account, csrfToken }, 201);
  });

  app.post('/api/auth/login', { config: credentialRateLimit }, async (request, reply) => {
    const input = parseInput(loginRequestSchema, request.body);
    const user = await logIn(deps, input, request.ip);
    const challenge = await startSecondFactor(deps, request, reply, user.id);
    if (challenge) return respond(reply, loginResponseSchema, challenge);
    const csrfToken = await startSession(request, reply, user.id);
    return respond(reply, loginResponseSchema, { user, csrfToken });
  });

  app.post('/api/auth/logout', async (request, reply) => {
    await recordLogout(deps, request.session.userId, request.ip);
    await request.session.destroy();
    reply.clearCookie(sessionCookieName, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, meResponseSchema, await findCurrentUser(deps, actor));
  });

  app.get('/api/auth/csrf', async (_request, reply) => {
    return respond(reply, csrfResponseSchema, { csrfToken: reply.generateCsrf() });
  });

  app.patch('/api/auth/display-preferences', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const input = parseInput(updateDisplayPreferencesRequestSchema, request.body);
    return respond(reply, displayPreferencesSchema, await changeDisplayPreferences(deps, actor, input));
  });

  app.post('/api/auth/password', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const input = parseInput(changePasswordRequestSchema, request.body);
    await changePassword(deps, actor, input);
    return reply.status(204).send();
  });
}
