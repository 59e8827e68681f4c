import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLanguage } from '../../../shared/i18n/language.ts';
import {
  exportQuerySchema,
  importDryRunResponseSchema,
  importQuerySchema,
  importResponseSchema,
  templateQuerySchema,
} from '../../../shared/schemas/spreadsheet.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { sendDownload } from '../../http/send-download.ts';
import { sanitiseFileName } from '../attachments/attachment-file-name.ts';
import { maxImportBytes, receiveSpreadsheet } from './receive-spreadsheet.ts';
import { exportPlan, getTemplate, importActions, type WorkbookFile } from './spreadsheets.service.ts';

type IdParams = { Params: { id: string } };

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The plan's Excel template and export (every member), and the import (editors and admins), with
 * multipart parsing registered for the import route only (every other route keeps answering 415 to
 * anything but JSON).
 */
export async function registerSpreadsheetRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<IdParams>('/api/plans/:id/template.xlsx', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    parseInput(templateQuerySchema, request.query);
    return sendWorkbook(reply, await getTemplate(deps, actor, planId), 'mall');
  });

  app.get<IdParams>('/api/plans/:id/export.xlsx', async (request, reply) => {
    const actor = await actorOf(request);
    const planId = parseId(request.params.id, 'Plan');
    const query = parseInput(exportQuerySchema, request.query);
    return sendWorkbook(reply, await exportPlan(deps, actor, planId, query), query.vat === 'incl' ? 'inkl-moms' : 'exkl-moms');
  });

  await app.register(async (imports) => {
    await imports.register(fastifyMultipart, { limits: { files: 1, fields: 0, fileSize: maxImportBytes + 1 } });
    imports.post<IdParams>('/api/plans/:id/import', async (request, reply) => {
      const actor = await actorOf(request);
      const planId = parseId(request.params.id, 'Plan');
      const query = parseInput(importQuerySchema, request.query);
      const file = await receiveSpreadsheet(request);
      const language = pickLanguage(request.headers['accept-language']);
      const result = await importActions(deps, actor, planId, { file, dryRun: query.dryRun, mapping: query.mapping, language });
      return 'created' in result ? respond(reply, importResponseSchema, result) : respond(reply, importDryRunResponseSchema, result);
    });
  });
}

/** Always a download, named after the plan (characters no file system allows become `-`). */
function sendWorkbook(reply: FastifyReply, file: WorkbookFile, suffix: string) {
  const fileName = sanitiseFileName(`${file.planName.replace(/[/\\:*?"<>|]/g, '-')} - ${suffix}.xlsx`, `kvarter-${suffix}.xlsx`);
  return sendDownload(reply, { fileName, contentType: xlsxType, content: file.content });
}
