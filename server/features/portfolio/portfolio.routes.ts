import type { FastifyInstance } from 'fastify';
import { portfolioQuerySchema, portfolioResponseSchema } from '../../../shared/schemas/portfolio.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { getPortfolio } from './portfolio.service.ts';

export function registerPortfolioRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { accountId: string } }>('/api/accounts/:accountId/portfolio', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const accountId = parseId(request.params.accountId, 'Account');
    const query = parseInput(portfolioQuerySchema, request.query);
    return respond(reply, portfolioResponseSchema, await getPortfolio(deps, actor, accountId, query));
  });
}
