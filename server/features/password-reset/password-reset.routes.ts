import type { FastifyInstance } from 'fastify';
import { passwordResetAcceptedSchema, passwordResetConfirmSchema, passwordResetRequestSchema } from '../../../shared/schemas/password-reset.ts';
import type { Deps } from '../../deps.ts';
import { parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { sessionCookieName } from '../../http/sessions.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.ts';

/** Guessing a 256-bit token is hopeless anyway; the limit keeps the attempts from costing the database. */
const confirmRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export function registerPasswordResetRoutes(app: FastifyInstance, deps: Deps): void {
  // No 429 here: past its limits a request is answered the same and sends nothing (password-reset.service.ts).
  app.post('/api/auth/password-reset', async (request, reply) => {
    const input = parseInput(passwordResetRequestSchema, request.body);
    await requestPasswordReset(deps, input, request.ip);
    return respond(reply, passwordResetAcceptedSchema, {}, 202);
  });

  app.post('/api/auth/password-reset/confirm', { config: confirmRateLimit }, async (request, reply) => {
    const input = parseInput(passwordResetConfirmSchema, request.body);
    const userId = await confirmPasswordReset(deps, input, request.ip);
    // Its row is gone with the user's others; without this the session would be saved again at the end of the request.
    if (request.session.userId === userId) {
      await request.session.destroy();
      reply.clearCookie(sessionCookieName, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
    }
    return reply.status(204).send();
  });
}
