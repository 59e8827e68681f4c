import { mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Version, VersionDiff } from '../shared/schemas/version.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
// The figures on screen must be exactly the API's figures formatted the web app's way.
import { formatAmount } from '../web/lib/i18n/format-amount.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, expectTitle } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * Plan versions as a board uses them: save the plan adopted at the AGM, change the plan, compare
 * the version with today (actions, cost per year, the fund: the API's figures on screen), restore
 * it after the dialog has said what will change, and see the plan equal the version again.
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

const password = 'underhåll är att tänka långt';
const versionName = 'Antagen vid stämman 2027';
const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) }).last();

/** The screens for the lead's review, beside the test artefacts. */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  const directory = process.env.KVARTER_SCREENSHOT_DIR;
  if (directory === undefined) return;
  await mkdir(directory, { recursive: true });
  await copyFile(path.resolve('e2e/artifacts', `${name}.png`), path.join(directory, `${name}.png`));
}

describe('plan versions journey', () => {
  it('saves a version, compares it with the changed plan, and restores it', async () => {
    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, { email: 'anna@brf-ask.se', password, name: 'Anna Ordförande', accountName: 'Brf Ask' });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      buildings: ['Hus A'],
      plan: {
        name: 'Underhållsplan 2026–2035',
        startYear: 2026,
        lengthYears: 10,
        clientCostPercent: 10,
        fund: { openingBalance: 100_000, currentProvisionPerYear: 50_000, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
      },
      actions: [
        { name: 'Målning fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 2500, year: 2027, intervalYears: 8, buildingIndex: 0 },
        { name: 'Byte av takpapp', category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 300_000, year: 2030, intervalYears: null },
      ],
    });
    const [windowsId, roofId] = fixture.actionIds as [string, string];
    const planBefore = await api.get(`/api/plans/${fixture.planId}/actions`);

    await page.goto(`${fixture.planUrl}/versions`);
    await page.getByRole('heading', { name: 'Versioner', level: 2, exact: true }).waitFor();
    await expectTitle(page, 'Versioner · Underhållsplan 2026–2035');
    await page.getByRole('heading', { name: 'Inga versioner ännu' }).waitFor();
    await keepScreenshot(page, 'plan-versions-empty');

    // Save: a name is required, the note is optional.
    await page.getByRole('button', { name: 'Spara version' }).click();
    await page.getByText('Fältet måste fyllas i.').first().waitFor();
    await page.getByLabel('Namn').fill(versionName);
    await page.getByLabel('Anteckning').fill('Styrelsens förslag');
    await page.getByRole('button', { name: 'Spara version' }).click();
    await page.getByText(`Versionen ${versionName} sparades.`).waitFor();
    const [version] = await api.get<Version[]>(`/api/plans/${fixture.planId}/versions`);
    expect(version).toMatchObject({ name: versionName, actionCount: 2, total: 550_000 });
    const row = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: versionName }) });
    await eventually(() => row.locator('td').nth(3).textContent()).toBe(formatAmount(550_000, 'sv'));

    // The plan changes: a new price and no building for the windows, the roof removed, relining added.
    await api.patch(`/api/actions/${windowsId}`, { unitPrice: 3000, buildingId: null });
    await api.delete(`/api/actions/${roofId}`);
    await api.post(`/api/plans/${fixture.planId}/actions`, { name: 'Relining', category: 'avlopp', quantity: 1, unit: 'st', unitPrice: 90_000, year: 2028 });
    const diff = await api.get<VersionDiff>(`/api/plans/${fixture.planId}/versions/${version!.id}/diff?against=current&vat=excl`);
    expect(diff.analysis.total).toEqual({ from: 550_000, to: 363_000 });

    await page.reload();
    const comparison = section(page, `${versionName} jämfört med Planen i dag`);
    await comparison.waitFor();
    await comparison.getByRole('heading', { name: 'Tillagda (1)' }).waitFor();
    expect(await comparison.locator('.version-actions li').allTextContents()).toEqual(['Relining', 'Byte av takpapp']);
    const changes = comparison.getByRole('table', { name: 'Målning fönster' });
    expect(await changes.locator('tbody tr').allTextContents()).toEqual([`ByggnadHus A–`, `À-pris (kr)${formatAmount(2500, 'sv')}${formatAmount(3000, 'sv')}`]);
    // New users see display-rounded amounts; the figures are the API's.
    await comparison.getByText(`Total kostnad: ${formatAmount(550_000, 'sv', true)} före, ${formatAmount(363_000, 'sv', true)} efter.`).waitFor();
    expect(await comparison.locator('svg.chart rect.chart__segment').count()).toBeGreaterThan(0);
    await comparison.getByText('Visa som tabell').click();
    const year2028 = comparison.locator('tbody tr', { has: page.locator('th', { hasText: '2028' }) });
    expect(await year2028.locator('td').allTextContents()).toEqual([formatAmount(0, 'sv', true), formatAmount(99_000, 'sv', true)]);
    const fund = comparison.locator('.version-fund');
    // The roof's 330 000 kr in 2030 outran the fund; without it the fund lasts.
    expect(diff.fund.firstShortfallYear).toEqual({ from: 2030, to: null });
    expect(await fund.locator('tbody tr').nth(1).locator('td').allTextContents()).toEqual(['2030', 'Inget underskott']);
    expect(await fund.locator('tbody tr').first().locator('td').allTextContents()).toEqual([
      formatAmount(diff.fund.requiredProvisionPerYear.from!, 'sv', true),
      formatAmount(diff.fund.requiredProvisionPerYear.to!, 'sv', true),
    ]);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'plan-versions-comparison');

    // Restore: the dialog says what will change before anything is written.
    await page.getByRole('button', { name: `Återställ: ${versionName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Återställ ${versionName}?` });
    await dialog.getByText('1 åtgärder som har lagts till sedan dess tas bort.').waitFor();
    await dialog.getByText('1 borttagna åtgärder kommer tillbaka.').waitFor();
    await dialog.getByText('1 ändrade åtgärder får tillbaka sina värden.').waitFor();
    await dialog.getByText(`Total kostnad går från ${formatAmount(363_000, 'sv', true)} till ${formatAmount(550_000, 'sv', true)}.`).waitFor();
    await keepScreenshot(page, 'plan-versions-restore-dialog');
    await dialog.getByRole('button', { name: 'Återställ versionen' }).click();
    await page.getByText(`Planen är återställd till ${versionName}.`).waitFor();
    await comparison.getByText('Inga åtgärder har lagts till, tagits bort eller ändrats.').waitFor();
    await comparison.getByText(`Total kostnad: ${formatAmount(550_000, 'sv', true)} före, ${formatAmount(550_000, 'sv', true)} efter.`).waitFor();

    // The plan equals the version: the same actions with the same ids and fields.
    const withoutTimes = (actions: unknown) =>
      (actions as Array<Record<string, unknown>>).map(({ createdAt: _createdAt, updatedAt: _updatedAt, ...fields }) => fields);
    expect(withoutTimes(await api.get(`/api/plans/${fixture.planId}/actions`))).toEqual(withoutTimes(planBefore));
    await keepScreenshot(page, 'plan-versions-restored');

    // English.
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Versions', level: 2, exact: true }).waitFor();
    await page.getByRole('heading', { name: `${versionName} compared with The plan today` }).waitFor();
    await keepScreenshot(page, 'plan-versions-en');
    expect(problems).toEqual([]);
  });
});
