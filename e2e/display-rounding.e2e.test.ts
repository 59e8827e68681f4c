import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { expandAllSections } from './support/plan-sections.ts';
import { eventually, normalise, textOf } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * docs/product/cost-model.md § Display rounding and § Sums as a board member meets them: amounts
 * rounded for a new user, exact amounts one switch away and remembered for the user in any
 * browser; and every screen, and the PDF report, showing the same rounded exact sum, in both
 * modes, on a plan where the shown parts do not add up to it.
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

const password = 'avrundat till närmaste tusental';
const year = new Date().getFullYear();

const keyFigure = (page: Page, label: string) => page.locator('.key-figure', { has: page.locator('dt', { hasText: label }) }).locator('.key-figure__value');
const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
const rounding = (page: Page) => page.getByLabel('Avrunda belopp');

/** Waits until the display choices the page just made are stored for the user. */
async function saved(page: Page, change: () => Promise<void>): Promise<void> {
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/display-preferences') && response.request().method() === 'PATCH');
  await change();
  expect((await answer).status()).toBe(200);
}

describe('display rounding', () => {
  it('rounds a new user’s amounts, and keeps the switch to exact amounts for the user in another browser', async () => {
    const first = await openPage(browser);
    const api = await signUpThroughApi(first.context, e2e.baseUrl, { email: 'rut@brf-eken.se', password, name: 'Rut Ordförande', accountName: 'Brf Eken' });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      plan: { name: 'Underhållsplan Eken', lengthYears: 10, vatPercent: 25 },
      actions: [{ name: 'Byte av hiss', category: 'transport', quantity: 1, unit: 'st', unitPrice: 131_460.16, year }],
    });
    expect((await api.get<{ displayPreferences: unknown }>('/api/auth/me')).displayPreferences).toEqual({ vat: 'excl', isRounded: true });

    const { page } = first;
    await page.goto(fixture.planUrl);
    await page.locator('tr[data-action-id]').first().waitFor();
    expect(await rounding(page).isChecked()).toBe(true);
    expect(await textOf(page.getByTestId('grand-total'))).toBe('131 000 kr');
    expect(await textOf(page.locator('.action-toolbar__total'))).toContain(
      'Belopp exklusive moms. Avrundade för visning; summor avrundas från de exakta beloppen.',
    );
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'rounding-plan-by-year-rounded');
    await page.locator('.display-switches').screenshot({ path: path.resolve('e2e/artifacts/rounding-display-switches.png') });
    await page.getByRole('link', { name: 'Ekonomisk analys' }).click();
    await keyFigure(page, `Summa ${year}–${year + 9}`)
      .filter({ hasText: '131 000 kr' })
      .waitFor();
    await page.getByText('Varje summa avrundas från de exakta beloppen', { exact: false }).waitFor();
    await saveScreenshot(page, 'rounding-analysis-rounded');

    // Exact amounts and VAT included: shown at once, stored for the user.
    await saved(page, () => rounding(page).uncheck());
    await keyFigure(page, `Summa ${year}–${year + 9}`)
      .filter({ hasText: '131 460,16 kr' })
      .waitFor();
    await saved(page, () => page.getByLabel('Inkl. moms').check());
    await keyFigure(page, `Summa ${year}–${year + 9}`)
      .filter({ hasText: '164 325,20 kr' })
      .waitFor();
    await page.getByRole('button', { name: 'Användarmeny: Rut Ordförande' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();

    // Another browser (no cookies, no local storage of the first): the same choices after signing in.
    const second = await openPage(browser);
    await second.page.goto(fixture.planUrl);
    await second.page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await second.page.getByLabel('E-postadress').fill('rut@brf-eken.se');
    await second.page.getByLabel('Lösenord').fill(password);
    await second.page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await second.page.locator('tr[data-action-id]').first().waitFor();
    expect(await rounding(second.page).isChecked()).toBe(false);
    expect(await second.page.getByLabel('Inkl. moms').isChecked()).toBe(true);
    expect(await textOf(second.page.getByTestId('grand-total'))).toBe('164 325,20 kr');
    await saveScreenshot(second.page, 'rounding-exact-remembered');
    // And back: rounding again, also for the next sign-in.
    await saved(second.page, () => rounding(second.page).check());
    expect(await textOf(second.page.getByTestId('grand-total'))).toBe('164 000 kr');

    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 120_000);

  it('shows every sum the same on every screen and in the report, rounded and exact, where the shown parts do not add up to it', async () => {
    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, { email: 'sune@brf-eken.se', password, name: 'Sune Kassör', accountName: 'Brf Eken' });
    // Every occurrence costs 0.5 × 2 800.67 = 1 400.335 kr: 1 400,34 kr to the öre, 1 000 kr rounded.
    // A sum of n occurrences is n × 1 400.335 rounded once, never n × 1 400,34 or n × 1 000.
    const occurrence = { category: 'fasad', quantity: 0.5, unit: 'm', unitPrice: 2800.67, year, buildingIndex: 0 };
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      buildings: ['Hus A'],
      plan: { name: 'Fogplan', lengthYears: 10, vatPercent: 25 },
      actions: [
        // This year and every third: 4 occurrences.
        { ...occurrence, name: 'Fogning fasad', intervalYears: 3 },
        { ...occurrence, name: 'Puts', intervalYears: null },
        { ...occurrence, name: 'Takfönster', category: 'yttertak', buildingIndex: undefined, intervalYears: null, status: 'urgent' },
      ],
    });
    /** Each sum as it must read everywhere: exact (to the öre) and rounded. */
    const sums = {
      one: { exact: '1 400,34 kr', rounded: '1 000 kr' },
      // 3 × 1 400.335 = 4 201.005: not 4 201,02 (3 × 1 400,34) nor 3 000 (3 × 1 000).
      thisYear: { exact: '4 201,01 kr', rounded: '4 000 kr' },
      // 2 × 1 400.335 (the year's facade work) = 2 800.67.
      facadeThisYear: { exact: '2 800,67 kr', rounded: '3 000 kr' },
      // 4 × 1 400.335 = 5 601.34 (not 5 601,36 nor 4 000): the recurring joint work.
      jointWork: { exact: '5 601,34 kr', rounded: '6 000 kr' },
      // 5 × 1 400.335 = 7 001.675 (not 7 001,70 nor 5 000): the facade, Hus A, and everything planned.
      facade: { exact: '7 001,68 kr', rounded: '7 000 kr' },
      // 6 × 1 400.335 = 8 402.01 (not 8 402,04 nor 6 000).
      total: { exact: '8 402,01 kr', rounded: '8 000 kr' },
      // 8 402.01 / 10 years.
      average: { exact: '840,20 kr', rounded: '800 kr' },
    };
    /** The sums of the parts as shown to the öre, which must appear nowhere as a sum. */
    const partSums = { exact: ['4 201,02 kr', '5 601,36 kr', '7 001,70 kr', '8 402,04 kr'] };

    for (const mode of ['rounded', 'exact'] as const) {
      const shown = (sum: keyof typeof sums) => sums[sum][mode];
      await api.patch('/api/auth/display-preferences', { isRounded: mode === 'rounded' });

      // The start page: the API's analysis.
      await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
      const planRow = page.getByRole('row', { name: /Fogplan/ });
      await eventually(async () => normalise((await planRow.getByRole('cell').allTextContents())[0] ?? '')).toBe(shown('average'));

      // Per year: the year's sum and the total, over rows that do not add up to them.
      await page.goto(fixture.planUrl);
      await page.locator('tr[data-action-id]').first().waitFor();
      expect(await rounding(page).isChecked()).toBe(mode === 'rounded');
      await expandAllSections(page);
      const thisYear = page.locator(`[data-section="${year}"]`);
      // The last number of a row is its cost (the others: quantity, year).
      const costs = async (rows: Locator) =>
        (await rows.evaluateAll((all) => all.map((row) => Array.from(row.querySelectorAll('td.action-table__number')).at(-1)?.textContent ?? ''))).map(
          normalise,
        );
      expect(await costs(thisYear.locator('tr[data-action-id]'))).toEqual([shown('one'), shown('one'), shown('one')]);
      expect(await textOf(thisYear.getByTestId('year-total'))).toBe(shown('thisYear'));
      for (const later of [year + 3, year + 6, year + 9])
        expect(await textOf(page.locator(`[data-section="${later}"]`).getByTestId('year-total'))).toBe(shown('one'));
      expect(await textOf(page.getByTestId('grand-total'))).toBe(shown('total'));
      await saveScreenshot(page, `rounding-sums-per-year-${mode}`);

      // Per category: each action's sum, the place's, the category's and the total.
      await page.getByRole('link', { name: 'Åtgärder per kategori' }).click();
      await page.locator('[data-section="fasad"]').waitFor();
      await expandAllSections(page);
      // A row's last two numbers are the cost of its next occurrence and its sum.
      const cellsOf = async (name: string) =>
        (await page.locator('tr[data-action-id]', { hasText: name }).locator('td.action-table__number').allInnerTexts()).map(normalise).slice(-2);
      expect(await cellsOf('Fogning fasad')).toEqual([shown('one'), shown('jointWork')]);
      expect(await cellsOf('Puts')).toEqual([shown('one'), shown('one')]);
      expect(await textOf(page.locator('[data-section="fasad"]').getByTestId('place-total'))).toBe(shown('facade'));
      expect(await textOf(page.locator('[data-section="fasad"]').getByTestId('category-total'))).toBe(shown('facade'));
      expect(await textOf(page.locator('[data-section="yttertak"]').getByTestId('category-total'))).toBe(shown('one'));
      expect(await textOf(page.getByTestId('grand-total'))).toBe(shown('total'));
      await saveScreenshot(page, `rounding-sums-per-category-${mode}`);

      // The analysis: key figures, the yearly table, the donuts and their tables.
      await page.getByRole('link', { name: 'Ekonomisk analys' }).click();
      await keyFigure(page, `Summa ${year}–${year + 9}`)
        .filter({ hasText: shown('total') })
        .waitFor();
      expect(await textOf(keyFigure(page, 'Genomsnitt per år'))).toBe(shown('average'));
      const perYear = section(page, 'Kostnad per år och kategori');
      await perYear.getByText('Visa som tabell').click();
      const yearRow = perYear.locator('tbody tr', { has: page.locator('th', { hasText: String(year) }) });
      expect((await yearRow.locator('td').allInnerTexts()).map(normalise)).toEqual([shown('facadeThisYear'), shown('one'), shown('thisYear')]);
      expect((await perYear.locator('tfoot td').allInnerTexts()).map(normalise)).toEqual([shown('facade'), shown('one'), shown('total')]);
      for (const [heading, rows] of [
        ['Per kategori', [`Fasad ${shown('facade')}`, `Yttertak ${shown('one')}`]],
        ['Per byggnad', [`Hus A ${shown('facade')}`, `Utan byggnad ${shown('one')}`]],
        ['Per status', [`Planerad ${shown('facade')}`, `Akut ${shown('one')}`]],
      ] as const) {
        const share = section(page, heading);
        expect(normalise(await share.locator('.chart__centre').textContent())).toBe(shown('total'));
        await share.getByText('Visa som tabell').click();
        expect((await share.locator('tbody tr').allInnerTexts()).map((row) => normalise(row).replace(/ [\d,]+ %$/, ''))).toEqual(rows);
        expect(normalise((await share.locator('tfoot td').first().innerText()) ?? '')).toBe(shown('total'));
      }
      // A donut's centre is the exact sum of the parts switched on.
      const perCategory = section(page, 'Per kategori');
      await perCategory.getByRole('button', { name: 'Yttertak' }).click();
      await eventually(async () => normalise(await perCategory.locator('.chart__centre').textContent())).toBe(shown('facade'));
      await perCategory.getByRole('button', { name: 'Yttertak' }).click();
      await saveScreenshot(page, `rounding-sums-analysis-${mode}`);

      // The report, as the plan page asks for it: the same sums by the same labels.
      const report = await pdfText(context, `${e2e.baseUrl}/api/plans/${fixture.planId}/report.pdf?vat=excl&lang=sv&rounded=${mode === 'rounded'}`);
      expect(report).toContain(`Totalt under planperioden ${shown('total')}`);
      expect(report).toContain(`Genomsnitt per år ${shown('average')}`);
      expect(report).toContain(`Summa ${shown('thisYear')}`);
      for (const [label, sum] of [
        ['Fasad', 'facade'],
        ['Yttertak', 'one'],
        ['Hus A', 'facade'],
        ['Planerad', 'facade'],
      ] as const) {
        expect(report).toContain(`${label} ${shown(sum)}`);
      }
      // To the öre, no sum of shown parts appears anywhere (rounded, the chart axes have round thousands of their own).
      if (mode === 'exact') for (const wrong of partSums.exact) expect(amountsIn(report)).not.toContain(wrong);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});

/** The PDF's text, laid out (`pdftotext -layout`), with every run of white space as one space. */
async function pdfText(context: BrowserContext, url: string): Promise<string> {
  const response = await context.request.get(url);
  expect(response.status()).toBe(200);
  const directory = await mkdtemp(path.join(tmpdir(), 'kvarter-report-'));
  try {
    const file = path.join(directory, 'report.pdf');
    await writeFile(file, await response.body());
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return normalise(stdout);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Every amount in kronor a text shows ("8 402,01 kr", "−8 000 kr" read as "8 000 kr"). */
function amountsIn(text: string): string[] {
  return [...normalise(text).matchAll(/(?<![\d,])\d{1,3}(?: \d{3})*(?:,\d{2})? kr/g)].map((match) => match[0]);
}
