import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLanguage } from '../../../shared/i18n/language.ts';
import {
  libraryExportQuerySchema,
  libraryImportDryRunResponseSchema,
  libraryImportQuerySchema,
  libraryImportResponseSchema,
} from '../../../shared/schemas/library-spreadsheet.ts';
import { requireUser } from '../../auth/require-user.ts';
import type { Deps } from '../../deps.ts';
import { parseId, parseInput } from '../../http/parse-input.ts';
import { respond } from '../../http/respond.ts';
import { sendDownload } from '../../http/send-download.ts';
import { maxImportBytes, receiveSpreadsheet } from '../spreadsheets/receive-spreadsheet.ts';
import { exportLibraryItems, importLibraryItems } from './library-spreadsheets.service.ts';

type AccountParams = { Params: { accountId: string } };

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The account library's Excel export and import (editors and admins), with multipart parsing
 * registered for the import route only, as the plan import has it.
 */
export async function registerLibrarySpreadsheetRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const actorOf = (request: FastifyRequest) => requireUser(request, deps.config.sessionAbsoluteMs);

  app.get<AccountParams>('/api/accounts/:accountId/library-items/export', async (request, reply) => {
    const actor = await actorOf(request);
    const accountId = parseId(request.params.accountId, 'Account');
    parseInput(libraryExportQuerySchema, request.query);
    const content = await exportLibraryItems(deps, actor, accountId);
    return sendDownload(reply, { fileName: 'kvarter-bibliotek.xlsx', contentType: xlsxType, content });
  });

  await app.register(async (imports) => {
    await imports.register(fastifyMultipart, { limits: { files: 1, fields: 0, fileSize: maxImportBytes + 1 } });
    imports.post<AccountParams>('/api/accounts/:accountId/library-items/import', async (request, reply) => {
      const actor = await actorOf(request);
      const accountId = parseId(request.params.accountId, 'Account');
      const query = parseInput(libraryImportQuerySchema, request.query);
      const file = await receiveSpreadsheet(request);
      const language = pickLanguage(request.headers['accept-language']);
      const result = await importLibraryItems(deps, actor, accountId, { file, dryRun: query.dryRun, mapping: query.mapping, language });
      return 'created' in result ? respond(reply, libraryImportResponseSchema, result) : respond(reply, libraryImportDryRunResponseSchema, result);
    });
  });
}
