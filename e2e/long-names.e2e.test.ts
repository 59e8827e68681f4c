import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { findClippedCells, pageOverflow } from './support/clipped-cells.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { expandAllSections } from './support/plan-sections.ts';

/**
 * Names written without a space — a pasted identifier, a run of characters — wrap wherever they
 * must: the green "sparades" notice, the headings, the breadcrumb and the table rows stay within
 * the page, on a desktop and on a landscape tablet. A name over its limit is an error beside its
 * field, never cut to fit.
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

/** A name of `length` characters without a space (the limit of most names is 120). */
const unbroken = (prefix: string, length = 120) => `${prefix}${'x'.repeat(length - prefix.length)}`;

/** How far `locator`'s box reaches past the right edge of the page's content (main), in px; 0 when within. */
async function overhang(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const main = document.querySelector('main')!.getBoundingClientRect();
      return Math.max(0, Math.ceil(element.getBoundingClientRect().right - main.right));
    });
}

describe('long unbroken names', () => {
  for (const width of [1280, 1024]) {
    it(`keep the notice, headings and table rows within the page at ${width} px`, async () => {
      const { page, context, problems } = await openPage(browser, { width, height: 900 });
      const api = await signUpThroughApi(context, e2e.baseUrl, {
        email: `lang-${width}@brf-eken.se`,
        password: 'ekar och lönnar i parken',
        name: unbroken('Anna'),
        accountName: unbroken('Brf'),
      });
      const fixture = await createPlanFixture(api, e2e.baseUrl, {
        property: { name: unbroken('Eken'), designation: unbroken('Stockholm'), address: unbroken('Ekvägen') },
        buildings: [unbroken('Hus')],
        locations: [unbroken('Tvättstuga')],
        plan: { name: unbroken('Underhållsplan'), startYear: 2026 },
        actions: [{ name: 'OVK', category: 'myndighet', quantity: 1, unit: 'st', unitPrice: 8000, year: 2026, buildingIndex: 0, locationIndex: 0 }],
      });
      const actionName = unbroken('Takomläggning');

      await page.goto(`${fixture.planUrl}/actions/new`);
      await page.getByLabel('Benämning').fill(actionName);
      await page.getByLabel('Kategori').selectOption({ label: 'Yttertak' });
      await page.getByLabel('Byggnad').selectOption({ index: 1 });
      await page.getByLabel('Läge').selectOption({ index: 1 });
      await page.getByLabel('Mängd').fill('1200');
      await page.getByLabel('À-pris (kr)').fill('450');
      await page.getByRole('button', { name: 'Spara åtgärden' }).click();
      await page.waitForURL(fixture.planUrl);

      // The notice names the action in full and wraps it inside the page.
      const notice = page.locator('.announcement .alert');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(`”${actionName}” sparades.`);
      expect(await overhang(page, '.announcement .alert')).toBe(0);
      expect(await overhang(page, 'h1')).toBe(0);
      expect(await overhang(page, '.breadcrumb')).toBe(0);
      expect(await pageOverflow(page)).toBe(0);
      await expandAllSections(page);
      expect(await findClippedCells(page)).toEqual([]);
      expect(await overhang(page, `tr[data-action-id]:has-text("${actionName.slice(0, 20)}")`)).toBe(0);

      await page.goto(`${fixture.planUrl}/categories`);
      await expandAllSections(page);
      expect(await findClippedCells(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);

      // The action's own page, the property and the start page.
      await page.getByRole('link', { name: actionName }).first().click();
      await page.getByRole('heading', { level: 1, name: actionName }).waitFor();
      expect(await overhang(page, 'h1')).toBe(0);
      expect(await findClippedCells(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);

      await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${fixture.propertyId}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('table').first().waitFor();
      expect(await findClippedCells(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);

      await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
      await page.locator('.plan-figures__amount').first().waitFor();
      expect(await findClippedCells(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('says a name over its limit is too long, beside the field, and keeps every character typed', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'limit@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Anna',
      accountName: 'Brf Eken',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl);
    const tooLong = `Byte av undercentral ${'fjärrvärme '.repeat(17)}`.slice(0, 201);

    await page.goto(`${fixture.planUrl}/actions/new`);
    await page.getByLabel('Benämning').fill(tooLong);
    await page.getByLabel('Kategori').selectOption({ label: 'Ventilation' });
    await page.getByLabel('Mängd').fill('1');
    await page.getByLabel('À-pris (kr)').fill('2061000');
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.getByText('Högst 200 tecken.').waitFor();
    expect(await page.getByLabel('Benämning').inputValue()).toBe(tooLong);
    expect(await page.getByLabel('Benämning').getAttribute('aria-invalid')).toBe('true');
    expect(await api.get(`/api/plans/${fixture.planId}/actions`)).toEqual([]);

    // Shortened to the limit, it is saved whole.
    await page.getByLabel('Benämning').fill(tooLong.slice(0, 200));
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.waitForURL(fixture.planUrl);
    expect((await api.get<{ name: string }[]>(`/api/plans/${fixture.planId}/actions`)).map((action) => action.name)).toEqual([tooLong.slice(0, 200).trim()]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
