import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryNames } from '../../../shared/categories.ts';
import { multipartBody } from '../../test-support/attachment-uploads.ts';
import { signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { builtinLibrary } from './builtin-library.ts';

let testApp: TestApp;
let team: Team;
let other: Team;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
});
afterAll(async () => {
  await testApp.close();
});

type Item = {
  id: string;
  name: { sv: string; en: string };
  unitPrice: number;
  priceYear: number;
  source: string;
  origin: string;
  replacesItemId: string | null;
};

const builtin = builtinLibrary().items[0]!;
const exportUrl = (accountId: string) => `/api/accounts/${accountId}/library-items/export`;
const importUrl = (accountId: string, query = '') => `/api/accounts/${accountId}/library-items/import${query}`;

function upload(client: TestClient, accountId: string, file: Buffer, fileName: string, query = '', language = 'en'): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipartBody([{ fileName, content: file }]);
  return client.request('POST', importUrl(accountId, query), body, { 'content-type': contentType, 'accept-language': language });
}

const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

async function ownItems(client: TestClient, accountId: string): Promise<Item[]> {
  const response = await client.get(`/api/accounts/${accountId}/library-items`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Item[];
}

async function exportedBook(client: TestClient, accountId: string): Promise<ExcelJS.Workbook> {
  const response = await client.get(exportUrl(accountId));
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(response.headers['content-disposition']).toContain('attachment');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

describe('the account library in Excel', () => {
  it('exports the account’s own items with their ids, and an unchanged export imports back as unchanged', async () => {
    const own = await team.editor.client.post(`/api/accounts/${team.accountId}/library-items`, {
      name: { sv: 'Takbyte, föreningens avtal', en: 'Roof replacement, our contract' },
      category: builtin.category,
      unit: builtin.unit,
      lifetimeYears: 45,
      unitPrice: 1234.5,
      priceYear: 2026,
      source: 'Avtal 2026',
      replacesItemId: builtin.id,
    });
    expect(own.statusCode, own.body).toBe(201);
    const ownId = (own.json() as Item).id;

    const sheet = (await exportedBook(team.editor.client, team.accountId)).getWorksheet('Bibliotek')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Namn',
      'Namn (engelska)',
      'Kategori',
      'Enhet',
      'Livslängd (år)',
      'À-pris',
      'Prisår',
      'Källa',
      'Typ',
      'Ersätter (ID)',
      'ID',
    ]);
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'Takbyte, föreningens avtal',
      'Roof replacement, our contract',
      categoryNames[builtin.category].sv,
      builtin.unit,
      45,
      1234.5,
      2026,
      'Avtal 2026',
      'Byte',
      builtin.id,
      ownId,
    ]);
    expect(sheet.rowCount).toBe(3);

    const file = Buffer.from(await (await exportedBook(team.editor.client, team.accountId)).xlsx.writeBuffer());
    const dryRun = await upload(team.editor.client, team.accountId, file, 'bibliotek.xlsx', '?dryRun=true');
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    expect(dryRun.json()).toMatchObject({ rowCount: 1, validRowCount: 1, errorCount: 0, errors: [], toCreate: 0, toUpdate: 0, unchanged: 1, updates: [] });
    expect((await upload(team.editor.client, team.accountId, file, 'bibliotek.xlsx')).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('updates a changed row by its id and creates a row without one, in one confirm', async () => {
    const [own] = await ownItems(team.editor.client, team.accountId);
    const book = await exportedBook(team.editor.client, team.accountId);
    const sheet = book.getWorksheet('Bibliotek')!;
    sheet.getRow(3).getCell(6).value = 1300;
    sheet.getRow(3).getCell(7).value = 2027;
    sheet.addRow(['Hissbesiktning', null, 'Transport', 'st', 1, '3 200,00', 2026, 'Offert 2026', 'Besiktning', null, null]);
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const dryRun = (await upload(team.editor.client, team.accountId, file, 'bibliotek.xlsx', '?dryRun=true')).json();
    expect(dryRun).toMatchObject({ rowCount: 2, errorCount: 0, toCreate: 1, toUpdate: 1, unchanged: 0 });
    expect(dryRun.updates).toEqual([
      { row: 3, itemId: own!.id, name: 'Takbyte, föreningens avtal', changes: { unitPrice: { from: 1234.5, to: 1300 }, priceYear: { from: 2026, to: 2027 } } },
    ]);
    expect(await ownItems(team.editor.client, team.accountId)).toEqual([own]);

    const confirm = await upload(team.editor.client, team.accountId, file, 'bibliotek.xlsx');
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const after = await ownItems(team.editor.client, team.accountId);
    expect(after.find((item) => item.id === own!.id)).toEqual({ ...own, unitPrice: 1300, priceYear: 2027 });
    expect(after.find((item) => item.id !== own!.id)).toMatchObject({
      name: { sv: 'Hissbesiktning', en: 'Hissbesiktning' },
      category: 'transport',
      unit: 'st',
      lifetimeYears: 1,
      unitPrice: 3200,
      priceYear: 2026,
      source: 'Offert 2026',
      kind: 'inspect',
      origin: 'account',
      replacesItemId: null,
    });
  });

  it('makes another account’s item id, a built-in item’s id and a second replacement per-cell errors, and writes nothing', async () => {
    const theirs = await other.editor.client.post(`/api/accounts/${other.accountId}/library-items`, {
      name: 'Deras post',
      category: 'fasad',
      unit: 'st',
      lifetimeYears: 30,
      unitPrice: 100,
      priceYear: 2026,
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const before = await ownItems(team.editor.client, team.accountId);
    const file = csv(
      'Namn;Kategori;Enhet;Livslängd;À-pris;Prisår;Ersätter (ID);ID',
      `Kapad;fasad;st;30;100;2026;;${(theirs.json() as Item).id}`,
      `Inbyggd;fasad;st;30;100;2026;;${builtin.id}`,
      `Andra ersättningen;yttertak;m2;40;900;2026;${builtin.id};`,
    );
    const dryRun = (await upload(team.editor.client, team.accountId, file, 'fel.csv', '?dryRun=true', 'sv')).json();
    expect(dryRun.errors.map(({ row, column, code, message }: Record<string, unknown>) => ({ row, column, code, message }))).toEqual([
      {
        row: 2,
        column: 'ID',
        code: 'spreadsheet.library_id_unknown',
        message: 'Inte id för en av kontots egna poster i biblioteket. Töm cellen för att skapa en ny post, eller låt kolumnen ID inte användas.',
      },
      {
        row: 3,
        column: 'ID',
        code: 'spreadsheet.library_id_unknown',
        message: 'Inte id för en av kontots egna poster i biblioteket. Töm cellen för att skapa en ny post, eller låt kolumnen ID inte användas.',
      },
      { row: 4, column: 'Ersätter (ID)', code: 'library.already_replaced', message: 'Kontot har redan en egen post i stället för den här.' },
    ]);
    const confirm = await upload(team.editor.client, team.accountId, file, 'fel.csv');
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().error.fieldCodes).toEqual({
      'rows.2.id': 'spreadsheet.library_id_unknown',
      'rows.3.id': 'spreadsheet.library_id_unknown',
      'rows.4.replacesItemId': 'library.already_replaced',
    });
    expect(await ownItems(team.editor.client, team.accountId)).toEqual(before);
    expect(await ownItems(other.editor.client, other.accountId)).toHaveLength(1);
  });

  it('is for the account’s editors: a viewer gets 403, another account’s member 404 for both routes', async () => {
    const file = csv('Namn;Kategori;Enhet;Livslängd;À-pris;Prisår', 'Dörr;fasad;st;30;100;2026');
    expect((await team.viewer.client.get(exportUrl(team.accountId))).statusCode).toBe(403);
    expect((await upload(team.viewer.client, team.accountId, file, 'x.csv', '?dryRun=true')).statusCode).toBe(403);
    expect((await other.admin.client.get(exportUrl(team.accountId))).statusCode).toBe(404);
    expect((await upload(other.admin.client, team.accountId, file, 'x.csv')).statusCode).toBe(404);
    expect((await upload(team.admin.client, team.accountId, file, 'x.csv', '?mapping=nonsense')).statusCode).toBe(400);
  });
});
