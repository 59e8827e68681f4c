import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFields } from '../../../shared/schemas/spreadsheet.ts';
import { multipartBody } from '../../test-support/attachment-uploads.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { builtinLibrary } from '../library/builtin-library.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
let planId: string;
let ownItemId: string;
let foreignItemId: string;
const builtinItemId = builtinLibrary().items[0]!.id;

const item = (name: string) => ({ name, category: 'fasad', unit: 'st', lifetimeYears: 30, unitPrice: 5000, priceYear: 2026 });

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  ({ planId } = await createPropertyWithPlan(team.editor.client, team.accountId));
  ownItemId = created<{ id: string }>(await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, item('Entrédörr, eget avtal'))).id;
  foreignItemId = created<{ id: string }>(await other.editor.client.post(`/api/accounts/${other.accountId}/library-items`, item('Deras dörr'))).id;
  const action = { name: 'Byte av takpannor', category: 'yttertak', quantity: 400, unit: 'm2', unitPrice: 900, year: 2040, libraryItemId: builtinItemId };
  created(await team.editor.client.post(`/api/plans/${planId}/actions`, action));
});
afterAll(async () => {
  await testApp.close();
});

type PlanAction = { id: string; name: string; libraryItemId: string | null };

function upload(client: TestClient, file: Buffer, query = ''): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipartBody([{ fileName: 'plan.xlsx', content: file }]);
  return client.request('POST', `/api/plans/${planId}/import${query}`, body, { 'content-type': contentType, 'accept-language': 'en' });
}

async function exported(): Promise<ExcelJS.Workbook> {
  const response = await team.editor.client.get(`/api/plans/${planId}/export.xlsx`);
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

const libraryColumn = importFields.indexOf('libraryItemId') + 1;
const planActions = async () => (await team.editor.client.get(`/api/plans/${planId}/actions`)).json() as PlanAction[];

describe('the plan spreadsheet’s library column', () => {
  it('exports each action’s library item, and imports an unchanged export back unchanged', async () => {
    const book = await exported();
    const sheet = book.getWorksheet('Åtgärder')!;
    expect(sheet.getRow(5).getCell(libraryColumn).value).toBe('Biblioteks-ID');
    expect(sheet.getRow(6).getCell(libraryColumn).value).toBe('Library ID');
    expect(sheet.getRow(7).getCell(libraryColumn).value).toBe(builtinItemId);
    const dryRun = await upload(team.editor.client, Buffer.from(await book.xlsx.writeBuffer()), '?dryRun=true');
    expect(dryRun.json()).toMatchObject({ rowCount: 1, errorCount: 0, toCreate: 0, toUpdate: 0, unchanged: 1 });
  });

  it('makes another account’s item a cell error, and links, relinks and unlinks by the column', async () => {
    const book = await exported();
    const sheet = book.getWorksheet('Åtgärder')!;
    sheet.getRow(7).getCell(libraryColumn).value = foreignItemId;
    const foreign = (await upload(team.editor.client, Buffer.from(await book.xlsx.writeBuffer()), '?dryRun=true')).json();
    expect(foreign.errors.map(({ row, column, code, message }: Record<string, unknown>) => ({ row, column, code, message }))).toEqual([
      {
        row: 7,
        column: 'Biblioteks-ID',
        code: 'spreadsheet.library_item_unknown',
        message: 'Not the id of an item in the account’s library. Empty the cell to leave the action unlinked.',
      },
    ]);
    const refused = await upload(team.editor.client, Buffer.from(await book.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fieldCodes).toEqual({ 'rows.7.libraryItemId': 'spreadsheet.library_item_unknown' });

    sheet.getRow(7).getCell(libraryColumn).value = ownItemId.toUpperCase();
    const newRow = sheet.addRow([]);
    const values: Partial<Record<(typeof importFields)[number], string | number>> = {
      name: 'Byte av entrédörr',
      category: 'Fasad',
      quantity: 2,
      unit: 'st',
      unitPrice: 5000,
      year: 2035,
      libraryItemId: ownItemId,
    };
    for (const [field, value] of Object.entries(values)) newRow.getCell(importFields.indexOf(field as (typeof importFields)[number]) + 1).value = value;
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const dryRun = (await upload(team.editor.client, file, '?dryRun=true')).json();
    expect(dryRun).toMatchObject({ errorCount: 0, toCreate: 1, toUpdate: 1, unchanged: 0 });
    expect(dryRun.updates[0].changes).toEqual({ libraryItemId: { from: builtinItemId, to: ownItemId } });
    expect((await upload(team.editor.client, file)).json()).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect((await planActions()).map(({ name, libraryItemId }) => ({ name, libraryItemId }))).toEqual([
      { name: 'Byte av entrédörr', libraryItemId: ownItemId },
      { name: 'Byte av takpannor', libraryItemId: ownItemId },
    ]);

    const unlinking = await exported();
    for (const row of [7, 8]) unlinking.getWorksheet('Åtgärder')!.getRow(row).getCell(libraryColumn).value = null;
    expect((await upload(team.editor.client, Buffer.from(await unlinking.xlsx.writeBuffer()))).json()).toMatchObject({ updated: 2 });
    expect((await planActions()).map((action) => action.libraryItemId)).toEqual([null, null]);
  });
});
