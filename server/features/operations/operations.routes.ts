import type { FastifyInstance } from 'fastify';
import { backupStatusSchema } from '../../../shared/schemas/operations.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { respond } from '../../http/respond.ts';
import { findBackupStatus } from './operations.service.ts';

export function registerOperationsRoutes(app: FastifyInstance, deps: Deps): void {
  /** Operators only: 401 when signed out, 403 for other users. The public /healthz says nothing of this. */
  app.get('/api/ops/status', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    // Live data: no cache may keep an old "all green".
    reply.header('cache-control', 'no-store');
    return respond(reply, backupStatusSchema, await findBackupStatus(deps, actor));
  });
}
