import type { FastifyInstance } from 'fastify';

/** Liveness only: says the process answers, and nothing about the installation. */
export function registerHealthRoutes(app: FastifyInstance): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
}
