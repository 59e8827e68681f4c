import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi, type ApiSession } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { expandAllSections } from './support/plan-sections.ts';
import { eventually, textOf } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * Bulk edit as an editor uses it: select rows in an open year and a whole closed year from its
 * heading, move them by two years, read the new figures, and undo the change from its notice.
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

/** Plan 2026–2035, no client cost or indexation: every cost below is exact. */
const planInput = {
  buildings: ['Hus A', 'Hus B'],
  locations: ['Tvättstuga'],
  plan: { name: 'Underhållsplan 2026', startYear: 2026, lengthYears: 10, vatPercent: 25 },
  actions: [
    // 2027, 2031, 2035: 100 000 each.
    { name: 'Målning fönster', category: 'fasad', buildingIndex: 0, quantity: 40, unit: 'st', unitPrice: 2500, year: 2027, intervalYears: 4 },
    // Due 2022, before the plan: overdue, placed in 2026. 540 000.
    { name: 'Byte av takpapp', category: 'yttertak', buildingIndex: 1, quantity: 1200, unit: 'm2', unitPrice: 450, year: 2022, status: 'urgent' },
    // 2029: 1 200 000, an investment.
    { name: 'Nya balkonger', category: 'fasad', buildingIndex: 1, quantity: 20, unit: 'st', unitPrice: 60000, year: 2029, isInvestment: true },
    // 2028 only (2038 is after the plan): 105 000.
    {
      name: 'Byte tvättmaskiner',
      category: 'el',
      buildingIndex: 0,
      locationIndex: 0,
      quantity: 3,
      unit: 'st',
      unitPrice: 35000,
      year: 2028,
      intervalYears: 10,
    },
    // 2026, 2029, 2032, 2035: 8 000 each.
    { name: 'OVK', category: 'myndighet', quantity: 1, unit: 'st', unitPrice: 8000, year: 2026, intervalYears: 3 },
  ],
};

const before = [
  { year: '2026', total: 548_000 },
  { year: '2027', total: 100_000 },
  { year: '2028', total: 105_000 },
  { year: '2029', total: 1_208_000 },
  { year: '2031', total: 100_000 },
  { year: '2032', total: 8_000 },
  { year: '2035', total: 108_000 },
];

/** Every year section: its year and its sum in whole kronor. */
async function readYearTotals(page: Page) {
  return page.$$eval('[data-section]', (sections) =>
    sections.map((section) => ({
      year: section.getAttribute('data-section'),
      total: Number(section.querySelector('[data-testid="year-total"]')?.textContent?.replace(/\D/g, '')),
    })),
  );
}

async function analysisTotals(api: ApiSession, planId: string) {
  const analysis = await api.get<{ years: { year: number; total: number }[] }>(`/api/plans/${planId}/analysis?vat=excl`);
  return analysis.years.filter((year) => year.total > 0).map((year) => ({ year: String(year.year), total: year.total }));
}

describe('bulk edit journey', () => {
  it('moves rows of an open year and a whole closed year by two years, and undoes it from the notice', async () => {
    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'eva@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Eva Kassör',
      accountName: 'Brf Eken',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, planInput);
    const [windows, , balconies, washers, ventilation] = fixture.actionIds as [string, string, string, string, string];

    await page.goto(fixture.planUrl);
    await page.locator('tr[data-action-id]').first().waitFor();
    expect(await readYearTotals(page)).toEqual(before);
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('2 177 000 kr');
    // 2029 is closed: no rows rendered, but its heading's box selects its actions.
    expect(await page.locator('[data-section="2029"] tr[data-action-id]').count()).toBe(0);

    await page.getByLabel('Välj Byte tvättmaskiner').check();
    const year2029 = page.getByLabel('Välj alla åtgärder i 2029');
    await year2029.focus();
    await page.keyboard.press('Space');
    await eventually(() => year2029.isChecked()).toBe(true);
    const bulk = page.getByRole('region', { name: 'Ändra valda åtgärder' });
    // OVK is in 2029 and in the open 2026; only the balconies are out of sight.
    await eventually(() => textOf(bulk.locator('.bulk-bar__count'))).toBe('3 åtgärder valda');
    expect(await textOf(bulk.getByTestId('bulk-hidden-count'))).toBe('varav 1 i stängda år eller kategorier');
    // OVK selected in 2029 shows as selected in 2026 too, and 2026's own box is mixed.
    expect(await page.getByLabel('Välj OVK').isChecked()).toBe(true);
    expect(await page.getByLabel('Välj alla åtgärder i 2026').evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);

    await bulk.getByRole('button', { name: 'Fler ändringar' }).click();
    await bulk.getByLabel('Ändra à-pris (%)').waitFor();
    await saveScreenshot(page, 'bulk-bar-more-sv');
    await bulk.getByRole('button', { name: 'Färre ändringar' }).click();
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // A move past 2200 is stopped before it is sent, saying how many (the balconies: 2029 + 172).
    await bulk.getByLabel('Flytta antal år').fill('172');
    await bulk.getByRole('button', { name: 'Ändra valda', exact: true }).click();
    await bulk.getByText('1 av de 3 valda åtgärderna skulle hamna före år 1900 eller efter år 2200.').waitFor();

    await bulk.getByLabel('Flytta antal år').fill('+2');
    await saveScreenshot(page, 'bulk-bar-sv');
    await bulk.getByRole('button', { name: 'Ändra valda', exact: true }).click();
    const notice = page.getByTestId('change-set-notice');
    await notice.getByText('3 åtgärder är ändrade.').waitFor();
    await eventually(() => bulk.count()).toBe(0);
    // The notice takes focus, so undo is one Tab away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('change-set-notice');

    const years = async () => {
      const actions = await api.get<{ id: string; year: number }[]>(`/api/plans/${fixture.planId}/actions`);
      return Object.fromEntries(actions.map((action) => [action.id, action.year]));
    };
    expect(await years()).toMatchObject({ [windows]: 2027, [balconies]: 2031, [washers]: 2030, [ventilation]: 2028 });
    const after = [
      { year: '2026', total: 540_000 },
      { year: '2027', total: 100_000 },
      { year: '2028', total: 8_000 },
      { year: '2030', total: 105_000 },
      { year: '2031', total: 1_308_000 },
      { year: '2034', total: 8_000 },
      { year: '2035', total: 100_000 },
    ];
    await eventually(() => readYearTotals(page)).toEqual(after);
    expect(await analysisTotals(api, fixture.planId)).toEqual(after);
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('2 169 000 kr');
    await saveScreenshot(page, 'bulk-notice-sv');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ångra');
    await page.keyboard.press('Enter');
    await notice.getByText('Ändringen är ångrad.').waitFor();
    await eventually(() => readYearTotals(page)).toEqual(before);
    expect(await analysisTotals(api, fixture.planId)).toEqual(before);
    expect(await years()).toMatchObject({ [windows]: 2027, [balconies]: 2029, [washers]: 2028, [ventilation]: 2026 });
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('2 177 000 kr');
    await expandAllSections(page);
    await saveScreenshot(page, 'bulk-undone-sv');

    // In English, the delete dialog says the actions can be restored from the trash; cancelled here.
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    const year2031 = page.getByLabel('Select all actions in 2031');
    await year2031.check();
    const bar = page.getByRole('region', { name: 'Change the selected actions' });
    await eventually(() => textOf(bar.locator('.bulk-bar__count'))).toBe('1 action selected');
    await bar.getByRole('button', { name: 'Delete selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 1 action?' });
    await dialog.getByText('The selected actions go to the trash and can be restored from the trash for 30 days.').waitFor();
    await saveScreenshot(page, 'bulk-delete-dialog-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    expect(await years()).toMatchObject({ [windows]: 2027 });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
