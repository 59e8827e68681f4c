import type { FastifyInstance } from 'fastify';
import { maintenanceDebtBenchmarkSchema } from '../../../shared/schemas/benchmark.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { respond } from '../../http/respond.ts';
import { getMaintenanceDebtBenchmark } from './benchmarks.service.ts';

export function registerBenchmarkRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/benchmarks/maintenance-debt-per-m2', async (request, reply) => {
    await requireUser(request, deps.config.sessionAbsoluteMs);
    return respond(reply, maintenanceDebtBenchmarkSchema, await getMaintenanceDebtBenchmark(deps));
  });
}
