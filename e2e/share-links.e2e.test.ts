import { mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResponse } from '../shared/schemas/analysis.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
// The figures on screen must be exactly the API's figures formatted the web app's way.
import { formatAmount } from '../web/lib/i18n/format-amount.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * Sharing a plan with a bank: an editor makes a link on the plan's Dela tab and copies it; the bank,
 * signed out, reads the plan (the API's figures on screen) and downloads its PDF; once revoked, the
 * link shows only that it does not work. Every screen passes the accessibility check.
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

/** The screens for the lead's review, beside the test artefacts. */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  const directory = process.env.KVARTER_SCREENSHOT_DIR;
  if (directory === undefined) return;
  await mkdir(directory, { recursive: true });
  await copyFile(path.resolve('e2e/artifacts', `${name}.png`), path.join(directory, `${name}.png`));
}

describe('share links journey', () => {
  it('shares a plan with a bank, which reads it and its PDF signed out, until the link is revoked', async () => {
    const editor = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(editor.context, e2e.baseUrl, {
      email: 'anna@brf-ask.se',
      password: 'underhåll är att tänka långt',
      name: 'Anna Ordförande',
      accountName: 'Brf Ask',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      buildings: ['Hus A'],
      plan: { name: 'Underhållsplan 2026–2035', startYear: 2026, lengthYears: 10 },
      actions: [
        { name: 'Målning fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 2500, year: 2027, intervalYears: 8, buildingIndex: 0 },
        { name: 'Byte av takpapp', category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 300_000, year: 2030, intervalYears: null },
      ],
    });

    await editor.page.goto(`${fixture.planUrl}/share`);
    await editor.page.getByRole('heading', { name: 'Ny delningslänk' }).waitFor();
    await editor.page.getByText('Planen är inte delad.').waitFor();
    expect(await findSeriousAccessibilityViolations(editor.page)).toEqual([]);
    await editor.page.getByRole('button', { name: 'Skapa länk' }).click();
    await editor.page.getByText('Fältet måste fyllas i.').waitFor();
    await editor.page.getByLabel('Vem länken är till').fill('Banken');
    await editor.page.getByRole('button', { name: 'Skapa länk' }).click();
    await editor.page.getByText('Länken är skapad. Kopiera den nu: den visas bara en gång.').waitFor();
    const url = await editor.page.getByLabel('Länk', { exact: true }).inputValue();
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    await editor.page.getByRole('row', { name: /Banken/ }).waitFor();
    expect(await findSeriousAccessibilityViolations(editor.page)).toEqual([]);
    await keepScreenshot(editor.page, 'share-links-tab');

    const bank = await openPage(browser, { width: 1280, height: 900 });
    // The url is made from PUBLIC_URL, which the test server leaves at its configured port: its path is the link.
    await bank.page.goto(`${e2e.baseUrl}${new URL(url).pathname}`);
    await bank.page.getByRole('heading', { name: 'Underhållsplan 2026–2035', level: 1 }).waitFor();
    await bank.page.getByText('Eken 1 · delad av Brf Ask', { exact: false }).waitFor();
    const analysis = await api.get<AnalysisResponse>(`/api/plans/${fixture.planId}/analysis`);
    const figure = (label: string) => bank.page.locator('.key-figure', { has: bank.page.getByText(label, { exact: true }) }).locator('dd');
    expect(await figure('Summa 2026–2035').textContent()).toBe(formatAmount(analysis.total, 'sv'));
    expect(await figure('Genomsnitt per år').textContent()).toBe(formatAmount(analysis.averagePerYear, 'sv'));
    await bank.page.getByRole('row', { name: /Byte av takpapp/ }).waitFor();
    expect(await bank.page.getByRole('row', { name: /Målning fönster/ }).count()).toBe(2);
    expect(await findSeriousAccessibilityViolations(bank.page)).toEqual([]);
    await keepScreenshot(bank.page, 'share-view');

    const [download] = await Promise.all([bank.page.waitForEvent('download'), bank.page.getByRole('link', { name: 'Ladda ner rapport (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await download.createReadStream();
    const head = await new Promise<Buffer>((resolve, reject) => {
      pdf.once('data', (chunk: Buffer) => resolve(chunk));
      pdf.once('error', reject);
    });
    expect(head.subarray(0, 5).toString()).toBe('%PDF-');

    await editor.page.getByRole('button', { name: 'Återkalla: Banken' }).click();
    await editor.page.getByText('Planen är inte delad.').waitFor();
    await bank.page.reload();
    await bank.page.getByRole('heading', { name: 'Länken fungerar inte', level: 1 }).waitFor();
    expect(await findSeriousAccessibilityViolations(bank.page)).toEqual([]);
    await keepScreenshot(bank.page, 'share-view-revoked');

    expect(editor.problems).toEqual([]);
    // The revoked link's 404 is the answer the page expects, not a problem of the page.
    expect(bank.problems.filter((problem) => !problem.includes('404'))).toEqual([]);
  });
});
