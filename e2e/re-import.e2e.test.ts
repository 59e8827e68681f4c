import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, normalise } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * A board member exports the plan, changes two cells in Excel and imports the file back: the
 * preview says two actions will be updated (and how) and the rest stay unchanged, the confirm
 * updates exactly those two and creates nothing, and importing an unchanged export changes nothing.
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

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function downloadExport(page: Page): Promise<ExcelJS.Workbook> {
  const [file]: [Download, unknown] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportera till Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  return workbook;
}

/** The normalised texts of every element `selector` finds. */
const textOf = async (page: Page, selector: string) => (await page.locator(selector).allInnerTexts()).map(normalise);

interface PlanAction {
  id: string;
  name: string;
  unitPrice: number;
  year: number;
  updatedAt: string;
}

describe('re-import of an export', () => {
  it('updates exactly the two edited actions, and an unchanged export changes nothing', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'ola@brf-ekbacken.se',
      password: 'ekar och lönnar i parken',
      name: 'Ola Ordförande',
      accountName: 'Brf Ekbacken',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      buildings: ['Hus A'],
      plan: { startYear: 2026 },
      actions: [
        { name: 'Byte av takpapp', category: 'yttertak', buildingIndex: 0, quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031, intervalYears: 30 },
        { name: 'OVK', category: 'myndighet', quantity: 1, unit: 'st', unitPrice: 12000, year: 2027, intervalYears: 6 },
        { name: 'Fönsterbyte', category: 'fasad', buildingIndex: 0, quantity: 40, unit: 'st', unitPrice: 1234.5, year: 2030 },
        { name: 'Relining', category: 'avlopp', quantity: 120, unit: 'm', unitPrice: 3000, year: 2040, tags: ['P-7'] },
        { name: 'Hissbesiktning', category: 'transport', quantity: 1, unit: 'st', unitPrice: 5000, year: 2028, intervalYears: 1 },
        { name: 'Målning trapphus', category: 'invandigt', quantity: 3, unit: 'st', unitPrice: 45000, year: 2033 },
      ],
    });
    const actionsNow = () => api.get<PlanAction[]>(`/api/plans/${fixture.planId}/actions`);
    const before = await actionsNow();

    await page.goto(`${fixture.planUrl}/import`);
    await page.getByRole('heading', { name: 'Importera åtgärder' }).waitFor();
    const workbook = await downloadExport(page);
    const sheet = workbook.getWorksheet('Åtgärder')!;
    const rowOf = (name: string) => sheet.getRows(7, sheet.rowCount - 6)!.find((row) => row.getCell(1).value === name)!;
    expect(sheet.getCell('O5').value).toBe('ID');
    expect(rowOf('OVK').getCell(15).value).toBe(fixture.actionIds[1]);
    // À-pris is column G, År column H.
    rowOf('Fönsterbyte').getCell('G').value = 1300;
    rowOf('Relining').getCell('H').value = 2041;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.locator('input[type=file]').setInputFiles({ name: 'plan.xlsx', mimeType: xlsxType, buffer: edited });
    await page.getByRole('heading', { name: 'Granska plan.xlsx' }).waitFor();
    expect(await textOf(page, '.import-review__plan')).toEqual(['Vid import: 0 skapas, 2 uppdateras och 4 är oförändrade.']);
    expect(await textOf(page, '.import-updates tbody tr')).toEqual([
      `${rowOf('Fönsterbyte').number} Fönsterbyte Ändrade fält: 1 À-pris: 1 234,50 kr → 1 300 kr`,
      `${rowOf('Relining').number} Relining Ändrade fält: 1 År: 2040 → 2041`,
    ]);
    expect(await page.locator('.import-duplicates').count()).toBe(0);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 're-import-preview');

    await page.getByRole('button', { name: 'Importera 6 åtgärder' }).click();
    await page.getByRole('heading', { name: '6 åtgärder importerade' }).waitFor();
    expect(await textOf(page, '.change-set-notice__message')).toEqual(['0 skapade, 2 uppdaterade, 4 oförändrade.']);
    expect(await page.getByRole('button', { name: 'Ångra' }).count()).toBe(1);
    await saveScreenshot(page, 're-import-done');

    const after = await actionsNow();
    expect(after).toHaveLength(6);
    const changed = after.filter((action) => {
      const earlier = before.find((other) => other.id === action.id)!;
      return JSON.stringify(earlier) !== JSON.stringify(action);
    });
    expect(changed.map(({ name, unitPrice, year }) => ({ name, unitPrice, year }))).toEqual(
      expect.arrayContaining([
        { name: 'Fönsterbyte', unitPrice: 1300, year: 2030 },
        { name: 'Relining', unitPrice: 3000, year: 2041 },
      ]),
    );
    expect(changed).toHaveLength(2);

    // The export as it is now, imported back unchanged.
    await page.getByRole('button', { name: 'Importera en fil till' }).click();
    const unchanged = Buffer.from(await (await downloadExport(page)).xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({ name: 'oforandrad.xlsx', mimeType: xlsxType, buffer: unchanged });
    await page.getByRole('heading', { name: 'Granska oforandrad.xlsx' }).waitFor();
    expect(await textOf(page, '.import-review__plan')).toEqual(['Vid import: 0 skapas, 0 uppdateras och 6 är oförändrade.']);
    expect(await page.locator('.import-updates').count()).toBe(0);
    await page.getByRole('button', { name: 'Importera 6 åtgärder' }).click();
    await page.getByRole('heading', { name: '6 åtgärder importerade' }).waitFor();
    await eventually(() => textOf(page, '.change-set-notice__message')).toEqual(['0 skapade, 0 uppdaterade, 6 oförändrade.']);
    expect(await actionsNow()).toEqual(after);
    expect(problems).toEqual([]);
    await context.close();
  });
});
