import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { createReadinessCheck } from './readiness-check.ts';

/**
 * Liveness and readiness, for an orchestrator or a load balancer. Neither reads or starts a
 * session, and neither says anything about the installation beyond up or down.
 */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  const checkReadiness = createReadinessCheck(db);
  // Liveness: the process answers (200 during a database outage too: restarting it would not help).
  app.get('/healthz', async () => ({ status: 'ok' }));
  // Readiness: the database answers too; else 503 with Retry-After from the error handler.
  app.get('/readyz', async () => {
    await checkReadiness();
    return { status: 'ok' };
  });
}
