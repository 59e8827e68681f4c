import type { FastifyInstance } from 'fastify';
import { categories } from '../../../shared/categories.ts';
import { categoriesResponseSchema } from '../../../shared/schemas/category.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { respond } from '../../http/respond.ts';

/** Reference data, the same for every account: any signed-in user may read it. */
export function registerCategoryRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/categories', async (request, reply) => {
    await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, categoriesResponseSchema, [...categories]);
  });
}
