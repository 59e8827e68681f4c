import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { signUpThroughApi, type ApiSession } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { findClippedCells, pageOverflow } from './support/clipped-cells.ts';
import { createPlanFixture, type PlanFixture } from './support/plan-fixture.ts';
import { eventually } from './support/page-reads.ts';

/**
 * An editor reads every table of a plan on a desktop (1280 px) and a landscape tablet (1024 px):
 * the per-year and per-category views with every section open, the analysis and the fund with
 * their tables unfolded, an action's page, the property and the start page. No cell may be cut
 * off — no "Änd" of "Ändra", no "2 061…" of an amount — and the page must not scroll sideways.
 * The amounts are the widest a real plan shows: millions to the öre, VAT included, in Swedish and
 * in English ("SEK 12,345,678.91").
 */
let e2e: TestServer;
let browser: Browser;
let api: ApiSession;
let fixture: PlanFixture;
const editor = { email: 'eva@brf-lonnen.se', password: 'lönnar och ekar i parken' };

beforeAll(async () => {
  e2e = await startTestServer();
  browser = await launchBrowser();
  const { context } = await openPage(browser);
  api = await signUpThroughApi(context, e2e.baseUrl, { ...editor, name: 'Eva Förvaltare', accountName: 'Brf Lönnen' });
  fixture = await createPlanFixture(api, e2e.baseUrl, {
    property: { name: 'Lönnen 3', address: 'Lönnvägen 3, 114 30 Stockholm', municipality: 'Stockholm', boa: 5400, loa: 320 },
    buildings: ['Hus A', 'Hus B', 'Garage'],
    locations: ['Tvättstuga', 'Trapphus 2', 'Undercentral'],
    plan: {
      name: 'Underhållsplan 2026–2055',
      startYear: 2026,
      lengthYears: 30,
      clientCostPercent: 12.5,
      vatPercent: 25,
      indexation: { enabled: true, annualRatePercent: 2.75, defaultBaseYear: 2026 },
      fund: { openingBalance: 1_250_000, currentProvisionPerYear: 450_000, provisionGrowthPercent: 2, interestRatePercent: 1.5, minimumBalance: 500_000 },
    },
    actions: [
      {
        name: 'Byte av undercentral fjärrvärme',
        category: 'ventilation',
        quantity: 1,
        unit: 'st',
        unitPrice: 2_061_333.33,
        year: 2031,
        intervalYears: 25,
        buildingIndex: 0,
        locationIndex: 2,
      },
      { name: 'Relining stammar', category: 'avlopp', quantity: 86, unit: 'lgh', unitPrice: 145_678.9, year: 2034, status: 'deferred', buildingIndex: 1 },
      {
        name: 'Omläggning yttertak',
        category: 'yttertak',
        quantity: 2_450.5,
        unit: 'm2',
        unitPrice: 1_234.56,
        year: 2029,
        intervalYears: 40,
        buildingIndex: 1,
      },
      { name: 'Målning fönster', category: 'fasad', quantity: 412, unit: 'st', unitPrice: 3_456.78, year: 2027, intervalYears: 8, buildingIndex: 0 },
      { name: 'Byte av takpapp garage', category: 'yttertak', quantity: 380, unit: 'm2', unitPrice: 612.5, year: 2022, status: 'urgent', buildingIndex: 2 },
      {
        name: 'Byte tvättmaskiner',
        category: 'el',
        quantity: 6,
        unit: 'st',
        unitPrice: 48_765.43,
        year: 2028,
        intervalYears: 12,
        status: 'draft',
        locationIndex: 0,
      },
      { name: 'OVK', category: 'myndighet', quantity: 1, unit: 'st', unitPrice: 38_500, year: 2026, intervalYears: 6, locationIndex: 1 },
      { name: 'Nya balkonger', category: 'fasad', quantity: 64, unit: 'st', unitPrice: 187_654.32, year: 2032, isInvestment: true, buildingIndex: 0 },
      { name: 'Byte hissmaskineri', category: 'transport', quantity: 4, unit: 'st', unitPrice: 876_543.21, year: 2036, intervalYears: 30, buildingIndex: 1 },
      { name: 'Asfaltering gård', category: 'mark', quantity: 1_820, unit: 'm2', unitPrice: 487.65, year: 2033, intervalYears: 20 },
      { name: 'Byte entrédörrar', category: 'fasad', quantity: 12, unit: 'st', unitPrice: 64_321.09, year: 2030, buildingIndex: 0, locationIndex: 1 },
      {
        name: 'Målning trapphus',
        category: 'invandigt',
        quantity: 2_900,
        unit: 'm2',
        unitPrice: 389.9,
        year: 2035,
        intervalYears: 15,
        buildingIndex: 1,
        locationIndex: 1,
      },
    ],
  });
  // A done occurrence: the longest status ("Genomförd") in the tables.
  await api.post(`/api/actions/${fixture.actionIds[6]}/complete`, { year: 2026, actualCost: 41_234.56 });
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

/** A fresh page `width` px wide, signed in as the plan's editor. */
async function openSignedIn(width: number) {
  const opened = await openPage(browser, { width, height: 900 });
  await opened.context.request.post(`${e2e.baseUrl}/api/auth/login`, { data: editor });
  return opened;
}

/** What is cut off on the screen now: its cells, and the page itself when it scrolls sideways. */
async function cutOff(page: Page): Promise<string[]> {
  const overflow = await pageOverflow(page);
  return [...(await findClippedCells(page)), ...(overflow > 0 ? [`the page scrolls ${overflow} px sideways`] : [])];
}

/** Opens every "show as table" of an analysis screen. */
async function unfoldTables(page: Page): Promise<void> {
  const folded = page.locator('details.analysis-table:not([open]) > summary');
  while ((await folded.count()) > 0) await folded.first().click();
}

/** "Visa alla" / "Show all" (the first of the toolbar's two buttons), then every section is open. */
async function openEverySection(page: Page): Promise<void> {
  await page.locator('.action-toolbar__sections button').first().click();
  await page.locator('.table-section__toggle[aria-expanded="false"]').first().waitFor({ state: 'detached' });
}

/** Every screen with tables, as the signed-in editor sees them in the page's language. */
async function readEveryScreen(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  await page.goto(fixture.planUrl);
  await page.locator('tr[data-action-id]').first().waitFor();
  await openEverySection(page);
  found['per year'] = await cutOff(page);

  await page.goto(`${fixture.planUrl}/categories`);
  await page.locator('tr[data-action-id]').first().waitFor();
  await openEverySection(page);
  found['per category'] = await cutOff(page);

  await page.goto(`${fixture.planUrl}/analysis`);
  await page.locator('details.analysis-table').first().waitFor();
  await unfoldTables(page);
  found['analysis'] = await cutOff(page);

  await page.goto(`${fixture.planUrl}/fund`);
  await page.locator('details.analysis-table').first().waitFor();
  await unfoldTables(page);
  found['fund'] = await cutOff(page);

  await page.goto(`${fixture.planUrl}/actions/${fixture.actionIds[6]}`);
  await page.locator('table').nth(1).waitFor();
  found['action'] = await cutOff(page);

  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${fixture.propertyId}`);
  await page.locator('table').first().waitFor();
  found['property'] = await cutOff(page);

  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
  await page.locator('.plan-figures__amount').nth(2).waitFor();
  found['start'] = await cutOff(page);
  return found;
}

const nothingCutOff = { 'per year': [], 'per category': [], analysis: [], fund: [], action: [], property: [], start: [] };

/** The page in each language, and its label of the VAT switch's "including". */
const languages = [
  { name: 'Swedish', code: 'sv', includingVat: 'Inkl. moms' },
  { name: 'English', code: 'en', includingVat: 'Incl. VAT' },
] as const;

describe('tables at desktop widths', () => {
  for (const width of [1280, 1024]) {
    for (const language of languages) {
      it(`cuts off no table cell at ${width} px in ${language.name}, amounts including VAT`, async () => {
        const { page, context, problems } = await openSignedIn(width);
        await page.goto(fixture.planUrl);
        if (language.code !== 'sv') await page.getByLabel('Språk', { exact: true }).selectOption(language.code);
        await page.getByLabel(language.includingVat).check();
        expect(await readEveryScreen(page)).toEqual(nothingCutOff);
        expect(problems).toEqual([]);
        await context.close();
      }, 120_000);
    }
  }

  it('scrolls the table by year and category sideways from the keyboard, the year kept in view', async () => {
    const { page, context } = await openSignedIn(1024);
    await page.goto(`${fixture.planUrl}/analysis`);
    await page.getByText('Visa som tabell').first().click();
    // The card around it is a region of the same name; the table's own region is the focusable one.
    const region = page.getByRole('region', { name: 'Kostnad per år och kategori' }).and(page.locator('[tabindex="0"]'));
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await region.focus();
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowRight');
    // The browser scrolls after the key events are handled, a frame or more later on a busy machine.
    await eventually(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const regionLeft = (await region.boundingBox())!.x;
    expect((await region.locator('tbody th').first().boundingBox())!.x).toBeCloseTo(regionLeft, 0);
    await context.close();
  });
});
