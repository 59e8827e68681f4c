import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi, addMemberThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, expectTitle } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The spreadsheet journey of an editor: download the template, import a CSV with mistakes (an
 * unmapped column and a wrong category) and see each error at its cell, correct the mapping and
 * then the file, confirm, find the actions in the plan, and export the plan.
 */
let e2e: TestServer;
let browser: Browser;

beforeAll(async () => {
  e2e = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  return workbook;
}

async function download(page: Page, linkName: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return file;
}

function csvFile(lines: string[]) {
  return { name: 'underhall.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'latin1') };
}

describe('spreadsheet import', () => {
  it('downloads the template, shows per-cell errors, takes a corrected mapping and file, imports and exports', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'sara@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Sara Sekreterare',
      accountName: 'Brf Eken',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, { buildings: ['Hus A'], plan: { startYear: 2026 } });

    await page.goto(`${fixture.planUrl}/import`);
    await page.getByRole('heading', { name: 'Importera åtgärder' }).waitFor();
    await expectTitle(page, 'Importera åtgärder');

    const template = await download(page, 'Ladda ner mall');
    expect(template.suggestedFilename()).toBe('Underhållsplan - mall.xlsx');
    const templateBook = await workbookOf(template);
    expect(templateBook.worksheets.map((sheet) => sheet.name)).toEqual(['Åtgärder', 'Listor']);
    expect(templateBook.getWorksheet('Listor')!.getCell('G2').value).toBe('Hus A');

    // "Vad" is no known header, and "Tak" no category: Windows-1252 with semicolons, as Swedish Excel saves.
    await page
      .locator('input[type=file]')
      .setInputFiles(
        csvFile([
          'Vad;Kategori;Byggnad;Mängd;Enhet;À-pris;År;Intervall',
          'Byte av takpapp;Tak;Hus A;450;m2;640,50;2031;30',
          'OVK;Myndighetskrav;Hus B;1;st;"12 000";2027;6',
        ]),
      );
    await page.getByRole('heading', { name: 'Granska underhall.csv' }).waitFor();
    expect(await page.locator('.import-review__counts').innerText()).toBe('Rader: 2. Utan fel: 0. Fel: 2.');
    const errorRows = async () => (await page.locator('.import-errors tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(await errorRows()).toEqual(['1 Åtgärd Ingen kolumn är kopplad till fältet, som måste finnas.', '2 Kategori Välj en kategori i listan.']);
    expect(await page.locator('.import-preview__cell--error').allInnerTexts()).toEqual(['Tak\nFel: Välj en kategori i listan.']);
    expect(await page.getByRole('button', { name: 'Importera 2 åtgärder' }).isDisabled()).toBe(true);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'spreadsheet-import-errors');

    await page.getByLabel('Fält för kolumnen Vad').selectOption('name');
    await page.locator('.import-review__counts', { hasText: 'Fel: 1.' }).waitFor();
    expect(await errorRows()).toEqual(['2 Kategori Välj en kategori i listan.']);
    // The valid row names a building the property lacks: it is announced before anything is written.
    expect(await page.getByText('Nya byggnader som skapas: Hus B.').count()).toBe(1);

    await page.getByRole('button', { name: 'Välj en annan fil' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles(
        csvFile([
          'Åtgärd;Kategori;Byggnad;Mängd;Enhet;À-pris;År;Intervall',
          'Byte av takpapp;Yttertak;Hus A;450;m2;640,50;2031;30',
          'OVK;Myndighetskrav;Hus B;1;st;"12 000";2027;6',
        ]),
      );
    await page.locator('.import-review__counts', { hasText: 'Rader: 2. Utan fel: 2. Fel: 0.' }).waitFor();
    await page.getByText('Nya byggnader som skapas: Hus B.').waitFor();
    await page.getByRole('button', { name: 'Importera 2 åtgärder' }).click();
    await page.getByRole('heading', { name: '2 åtgärder importerade' }).waitFor();
    // Focus moves to the outcome in an effect, after it has rendered.
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('2 åtgärder importerade');

    const actions = await api.get<{ name: string; category: string; unitPrice: number; buildingId: string | null }[]>(`/api/plans/${fixture.planId}/actions`);
    expect(actions.map(({ name, category, unitPrice }) => ({ name, category, unitPrice }))).toEqual([
      { name: 'OVK', category: 'myndighet', unitPrice: 12000 },
      { name: 'Byte av takpapp', category: 'yttertak', unitPrice: 640.5 },
    ]);
    const buildings = await api.get<{ name: string }[]>(`/api/properties/${fixture.propertyId}/buildings`);
    expect(buildings.map((building) => building.name)).toEqual(['Hus A', 'Hus B']);

    await page.getByRole('link', { name: 'Till planen' }).click();
    await page.waitForURL(fixture.planUrl);
    await page.getByText('Byte av takpapp').first().waitFor();

    await page.goto(`${fixture.planUrl}/import`);
    const exported = await download(page, 'Exportera till Excel');
    expect(exported.suggestedFilename()).toBe('Underhållsplan - exkl-moms.xlsx');
    const exportBook = await workbookOf(exported);
    expect(exportBook.worksheets.map((sheet) => sheet.name)).toEqual(['Åtgärder', 'Åtgärder per år', 'Ekonomisk analys', 'Avsättningsanalys']);
    const rows = exportBook
      .getWorksheet('Åtgärder')!
      .getRows(7, 2)!
      .map((row) => [row.getCell(1).value, row.getCell(3).value, row.getCell(7).value]);
    expect(rows).toEqual([
      ['OVK', 'Hus B', 12000],
      ['Byte av takpapp', 'Hus A', 640.5],
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells a viewer that importing needs another role, and still offers the downloads', async () => {
    const { context, problems } = await openPage(browser, { width: 768, height: 1024 });
    const admin = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'per@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Per',
      accountName: 'Brf Asken',
    });
    const fixture = await createPlanFixture(admin, e2e.baseUrl);
    const viewerContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 768, height: 1024 } });
    const viewerPage = await viewerContext.newPage();
    const viewer = await signUpThroughApi(viewerContext, e2e.baseUrl, {
      email: 'vera@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Vera',
      accountName: 'Vera',
    });
    await addMemberThroughApi(admin, viewer, 'vera@brf-eken.se', 'viewer');
    expect(viewer.userId).toBeTruthy();
    await viewerPage.goto(`${e2e.baseUrl}/accounts/${admin.accountId}/plans/${fixture.planId}/import`);
    await viewerPage.getByRole('heading', { name: 'Du kan inte importera' }).waitFor();
    expect(await viewerPage.locator('input[type=file]').count()).toBe(0);
    expect(await viewerPage.getByRole('link', { name: 'Importera från Excel' }).count()).toBe(0);
    const template = await download(viewerPage, 'Ladda ner mall');
    expect((await workbookOf(template)).worksheets.map((sheet) => sheet.name)).toEqual(['Åtgärder', 'Listor']);
    expect(problems).toEqual([]);
    await viewerContext.close();
    await context.close();
  });
});
