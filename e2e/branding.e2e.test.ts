import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastWithWhite, darkenUntilReadable } from '../shared/branding/contrast.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, textOf } from './support/page-reads.ts';
import { pdfImagesOnPage } from './support/pdf-images.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * A manager brands its account: a name, a colour too light for white text (refused, and the
 * suggested darker one taken) and a PNG logo. The header then wears them on every screen, the
 * board report carries the logo on its first page, a customer account wears its manager's branding,
 * the share view the account's, and every screen passes the accessibility check.
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

const logoPath = new URL('./fixtures/logo-240x80.png', import.meta.url).pathname;
const logoSize = { width: 240, height: 80 };
const tooLight = '#FFD700';
const suggestion = darkenUntilReadable(tooLight);

/** The header's logo, once the browser has loaded and decoded it: its natural width (0 until then). */
function headerLogoWidth(page: Page, name: string): Promise<number> {
  return page
    .locator('header.app-header')
    .getByRole('img', { name })
    .evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0));
}

/** #RRGGBB as getComputedStyle answers a colour. */
function rgbOf(colour: string): string {
  const [red, green, blue] = [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
  return `rgb(${red}, ${green}, ${blue})`;
}

describe('branding journey', () => {
  it('brands an account: the header shows the logo and the name on the colour, the report the logo', async () => {
    expect(contrastWithWhite(tooLight)).toBeLessThan(4.5);
    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'karin@nordfast.se',
      password: 'underhåll är att tänka långt',
      name: 'Karin Förvaltare',
      accountName: 'Nordfast AB',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      plan: { name: 'Underhållsplan 2026–2035', startYear: 2026, lengthYears: 10 },
      actions: [{ name: 'Byte av takpapp', category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 300_000, year: 2030, intervalYears: null }],
    });

    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Varumärke' }).click();
    await page.getByRole('heading', { name: 'Varumärke', level: 1 }).waitFor();
    await page.getByText('Kontot använder Kvarters standardutseende.', { exact: false }).waitFor();
    // The default branding: the header as it always was, white with the app's name.
    expect(await textOf(page.locator('header .brand'))).toBe('Kvarter');
    expect(await page.getByLabel('Namn som visas').inputValue()).toBe('Nordfast AB');
    expect(await page.getByLabel('Färg som hexkod').inputValue()).toBe('#1F6F50');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Namn som visas').fill('Nordfast Förvaltning');
    await page.getByLabel('Färg som hexkod').fill(tooLight);
    await page.getByText('Vit text syns för dåligt på färgen: kontrasten är 1,4:1', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Spara varumärket' }).click();
    await page.getByText('Vit text syns inte tillräckligt på färgen', { exact: false }).waitFor();
    expect(await page.getByLabel('Färg som hexkod').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: `Använd ${suggestion}` }).click();
    expect(await page.getByLabel('Färg som hexkod').inputValue()).toBe(suggestion);
    expect(await page.getByLabel('Färg', { exact: true }).inputValue()).toBe(suggestion.toLowerCase());
    await page.getByText('Vit text på färgen har kontrasten', { exact: false }).waitFor();

    await page.getByLabel('Logotyp').setInputFiles(logoPath);
    const preview = page.locator('.branding-preview');
    await eventually(() => preview.getByRole('img', { name: 'Nordfast Förvaltning' }).evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(
      logoSize.width,
    );
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'branding-form');

    await page.getByRole('button', { name: 'Spara varumärket' }).click();
    await page.getByText('Varumärket är sparat.').waitFor();
    await page.getByText('Kontot har ett eget varumärke.').waitFor();
    await eventually(() => headerLogoWidth(page, 'Nordfast Förvaltning')).toBe(logoSize.width);
    expect(await textOf(page.locator('header .brand'))).toBe('Nordfast Förvaltning');
    expect(await page.locator('header.app-header').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe(rgbOf(suggestion));
    expect(await page.getByRole('button', { name: 'Återställ' }).isVisible()).toBe(true);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'branding-saved');

    // A plan page of the branded account wears the same header.
    await page.goto(fixture.planUrl);
    await page.getByRole('heading', { name: 'Underhållsplan 2026–2035' }).waitFor();
    await eventually(() => headerLogoWidth(page, 'Nordfast Förvaltning')).toBe(logoSize.width);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'branding-plan-page');

    // A customer account without branding of its own wears its manager's.
    const customer = await api.post<{ accountId: string }>(`/api/accounts/${api.accountId}/customers`, { name: 'Brf Lönnen', trialDays: 30 });
    await page.goto(`${e2e.baseUrl}/accounts/${customer.accountId}/branding`);
    await page.getByText('Kontot använder sin förvaltares varumärke, Nordfast Förvaltning.', { exact: false }).waitFor();
    await eventually(() => headerLogoWidth(page, 'Nordfast Förvaltning')).toBe(logoSize.width);
    expect(await page.getByRole('button', { name: 'Återställ' }).count()).toBe(0);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'branding-customer');

    // The share view opens with the account's branding, its logo behind the token.
    const link = await api.post<{ url: string }>(`/api/plans/${fixture.planId}/share-links`, {
      label: 'Banken',
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
    });
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${e2e.baseUrl}${new URL(link.url).pathname}`);
    await reader.page.getByRole('heading', { name: 'Underhållsplan 2026–2035', level: 1 }).waitFor();
    const sharedBrand = reader.page.locator('.shared-plan__brand');
    await eventually(() =>
      sharedBrand.getByRole('img', { name: 'Nordfast Förvaltning' }).evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0)),
    ).toBe(logoSize.width);
    expect(await sharedBrand.evaluate((band) => getComputedStyle(band).backgroundColor)).toBe(rgbOf(suggestion));
    expect(await findSeriousAccessibilityViolations(reader.page)).toEqual([]);
    await saveScreenshot(reader.page, 'branding-share-view');

    // The board report of the branded plan carries the logo on its first page.
    await page.goto(fixture.planUrl);
    await page.getByRole('heading', { name: 'Underhållsplan 2026–2035' }).waitFor();
    await page.getByRole('button', { name: 'Export, import och rapport' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner rapport (PDF)' }).click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfImagesOnPage(pdf, 1)).toContainEqual({ page: 1, ...logoSize });

    expect(problems).toEqual([]);
    expect(reader.problems).toEqual([]);
    await reader.context.close();
    await context.close();
  }, 120_000);
});
