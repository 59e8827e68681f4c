import type { FastifyInstance } from 'fastify';
import { reportQuerySchema } from '../../../shared/schemas/report.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { sendDownload } from '../../http/send-download.ts';
import { createPlanReport } from './reports.service.ts';

type IdParams = { Params: { id: string } };

export function registerReportRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<IdParams>('/api/plans/:id/report.pdf', async (request, reply) => {
    const actor = await requireUser(request, deps.config.sessionAbsoluteMs);
    const planId = parseId(request.params.id, 'Plan');
    const query = parseInput(reportQuerySchema, request.query);
    const report = await createPlanReport(deps, actor, planId, query);
    return sendDownload(reply, { fileName: report.fileName, contentType: 'application/pdf', content: report.document });
  });
}
