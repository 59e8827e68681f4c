import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MaintenanceDebtBenchmark } from '../shared/schemas/benchmark.ts';
import type { PortfolioResponse } from '../shared/schemas/portfolio.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi, type ApiSession } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, expectTitle, normalise, textOf } from './support/page-reads.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * A manager's portfolio of three properties: the table's figures against the API's answers, sorted
 * by debt per m² from the keyboard, a shortfall said in words, the VAT switch, a customer's property
 * on request, the charts, and the property page's traffic light against the installation's
 * benchmark (eleven properties with an area and a plan, seven of them in another account).
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

const year = new Date().getUTCFullYear();

interface Created {
  id: string;
}

interface PropertyInput {
  name: string;
  boa: number;
  fund?: { openingBalance: number; currentProvisionPerYear: number };
  /** Each one unit at `cost` kr in `year`, not recurring. */
  actions: { cost: number; year: number; status: 'planned' | 'urgent' }[];
}

/** One property with BOA only, its plan (10 years from this year, no VAT on top of 25 %, no indexation) and its actions. */
async function createProperty(api: ApiSession, organisationId: string, input: PropertyInput): Promise<{ propertyId: string; planId: string }> {
  const property = await api.post<Created>(`/api/organisations/${organisationId}/properties`, { name: input.name, boa: input.boa, loa: 0 });
  const fund = { openingBalance: 0, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0, ...input.fund };
  const plan = await api.post<Created>(`/api/properties/${property.id}/plans`, { name: `Plan ${input.name}`, startYear: year, lengthYears: 10, fund });
  for (const [index, action] of input.actions.entries()) {
    await api.post(`/api/plans/${plan.id}/actions`, {
      name: `Åtgärd ${index + 1}`,
      category: 'yttertak',
      quantity: 1,
      unit: 'st',
      unitPrice: action.cost,
      year: action.year,
      intervalYears: null,
      status: action.status,
    });
  }
  return { propertyId: property.id, planId: plan.id };
}

async function createOrganisation(api: ApiSession, accountId: string, name: string): Promise<string> {
  return (await api.post<Created>(`/api/accounts/${accountId}/organisations`, { name })).id;
}

/** Each body row's cells (the property's header cell first) as normalised texts. */
async function tableRows(page: Page): Promise<string[][]> {
  const rows = await page.locator('.portfolio-table tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map(normalise)));
}

const propertyNames = async (page: Page) => (await tableRows(page)).map((cells) => cells[0]?.split(' Brist på medel')[0]);

async function expectNoSeriousViolations(page: Page) {
  expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
}

describe('portfolio dashboard journey', () => {
  it('shows three properties as the API does, sorts by keyboard, marks a shortfall and compares with the benchmark', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'maria@forvaltning-norr.se',
      password: 'tre fastigheter och en kund',
      name: 'Maria Förvaltare',
      accountName: 'Förvaltning Norr',
    });
    // Exact amounts, so every figure is the API's to the krona.
    await api.patch('/api/auth/display-preferences', { isRounded: false });
    const portfolioUrl = `${e2e.baseUrl}/accounts/${api.accountId}/portfolio`;

    // Nothing with a plan yet: the empty state says what to do.
    await page.goto(portfolioUrl);
    await page.getByRole('heading', { name: 'Portfölj', level: 1 }).waitFor();
    await expectTitle(page, 'Portfölj');
    await page.getByRole('heading', { name: 'Ingen fastighet har en underhållsplan ännu' }).waitFor();
    await page.getByText('Lägg till en fastighet med BOA och LOA på startsidan och skapa en plan för den').waitFor();
    await expectNoSeriousViolations(page);

    const organisationId = await createOrganisation(api, api.accountId, 'Bestånd Norr');
    // Debt 1 240 000 kr on 1 000 m² (overdue, placed in the plan's first year); the fund lasts.
    const aspen = await createProperty(api, organisationId, {
      name: 'Aspen 1',
      boa: 1000,
      fund: { openingBalance: 2_000_000, currentProvisionPerYear: 100_000 },
      actions: [
        { cost: 1_240_000, year: year - 2, status: 'planned' },
        { cost: 50_000, year: year + 1, status: 'planned' },
      ],
    });
    // No debt; 300 000 kr next year on a fund of 50 000 kr a year: short next year, 150 000 kr a year needed.
    await createProperty(api, organisationId, {
      name: 'Björken 2',
      boa: 500,
      fund: { openingBalance: 0, currentProvisionPerYear: 50_000 },
      actions: [{ cost: 300_000, year: year + 1, status: 'planned' }],
    });
    // An urgent action is owed now: debt 400 000 kr on 2 000 m²; the opening balance covers it.
    const cedern = await createProperty(api, organisationId, {
      name: 'Cedern 3',
      boa: 2000,
      fund: { openingBalance: 1_000_000, currentProvisionPerYear: 0 },
      actions: [{ cost: 400_000, year: year + 3, status: 'urgent' }],
    });

    const portfolio = await api.get<PortfolioResponse>(`/api/accounts/${api.accountId}/portfolio?vat=excl`);
    expect(portfolio.properties.map((property) => property.propertyName)).toEqual(['Aspen 1', 'Björken 2', 'Cedern 3']);
    expect(portfolio.properties).toMatchObject([
      {
        propertyName: 'Aspen 1',
        planId: aspen.planId,
        areaM2: 1000,
        averagePerYear: 129_000,
        averagePerYearPerM2: 129,
        maintenanceDebt: 1_240_000,
        maintenanceDebtPerM2: 1240,
        nextYearCost: 50_000,
        currentProvisionPerYear: 100_000,
        requiredProvisionPerYear: 0,
        firstShortfallYear: null,
      },
      {
        areaM2: 500,
        averagePerYear: 30_000,
        averagePerYearPerM2: 60,
        maintenanceDebt: 0,
        maintenanceDebtPerM2: 0,
        nextYearCost: 300_000,
        currentProvisionPerYear: 50_000,
        requiredProvisionPerYear: 150_000,
        firstShortfallYear: year + 1,
      },
      {
        areaM2: 2000,
        averagePerYear: 40_000,
        averagePerYearPerM2: 20,
        maintenanceDebt: 400_000,
        maintenanceDebtPerM2: 200,
        nextYearCost: 0,
        currentProvisionPerYear: 0,
        requiredProvisionPerYear: 0,
        firstShortfallYear: null,
      },
    ]);
    expect(portfolio.totals).toEqual({ areaM2: 3500, averagePerYear: 199_000, maintenanceDebt: 1_640_000, nextYearCost: 350_000 });

    // The navigation leads to the dashboard; each figure is the API's.
    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Portfölj' }).click();
    await page.getByRole('table', { name: 'Fastigheter med underhållsplan' }).waitFor();
    const headers = await page.locator('.portfolio-table thead th').allInnerTexts();
    expect(headers.map((header) => normalise(header.replace(/[▲▼↕]/g, '')))).toEqual([
      'Fastighet',
      'Yta (m²)',
      'Snitt per år',
      'Per år och m²',
      'Underhållsskuld',
      'Skuld per m²',
      `Kostnad ${year + 1}`,
      'Avsättning per år',
      'Behövd avsättning per år',
      'Första år med underskott',
    ]);
    const aspenRow = ['Aspen 1', '1 000', '129 000 kr', '129 kr/m²', '1 240 000 kr', '1 240 kr/m²', '50 000 kr', '100 000 kr', '0 kr', 'Inget'];
    const björkenRow = [
      `Björken 2 Brist på medel Fonden räcker inte från ${year + 1}.`,
      '500',
      '30 000 kr',
      '60 kr/m²',
      '0 kr',
      '0 kr/m²',
      '300 000 kr',
      '50 000 kr',
      '150 000 kr',
      String(year + 1),
    ];
    const cedernRow = ['Cedern 3', '2 000', '40 000 kr', '20 kr/m²', '400 000 kr', '200 kr/m²', '0 kr', '0 kr', '0 kr', 'Inget'];
    await eventually(() => tableRows(page)).toEqual([aspenRow, björkenRow, cedernRow]);
    expect(normalise(await page.locator('.portfolio-table tfoot tr').innerText()).split(' ')).toEqual(
      'Summa 3 500 199 000 kr 1 640 000 kr 350 000 kr'.split(' '),
    );
    // The shortfall is said in words, on the page and in its row.
    await page.getByText('1 fastighet har brist på medel och är markerad i tabellen.').waitFor();
    expect(await page.locator('.portfolio-table__row--short').count()).toBe(1);
    // The property's name leads to its plan.
    expect(await page.getByRole('link', { name: 'Aspen 1' }).getAttribute('href')).toBe(`/accounts/${api.accountId}/plans/${aspen.planId}`);
    // The charts name the highest of each.
    expect((await page.locator('svg.chart desc').allTextContents()).map(normalise)).toEqual(['Högst: Björken 2, 300 000 kr.', 'Högst: Aspen 1, 1 240 kr/m².']);
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'portfolio-dashboard-sv');

    // Sorting by debt per m² from the keyboard: the header's button, Enter, then Enter again.
    const debtHeader = page.getByRole('columnheader', { name: 'Skuld per m²' });
    await page.getByRole('button', { name: 'Skuld per m²' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => debtHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await propertyNames(page)).toEqual(['Björken 2', 'Cedern 3', 'Aspen 1']);
    expect(await page.getByRole('columnheader', { name: 'Fastighet' }).getAttribute('aria-sort')).toBeNull();
    await page.keyboard.press('Enter');
    await eventually(() => debtHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await propertyNames(page)).toEqual(['Aspen 1', 'Cedern 3', 'Björken 2']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('columnheader', { name: `Kostnad ${year + 1}` }).getAttribute('aria-sort')).toBe('ascending');
    expect(await propertyNames(page)).toEqual(['Cedern 3', 'Aspen 1', 'Björken 2']);

    // Including VAT (25 %): the API's figures again.
    await page.getByRole('radio', { name: 'Inkl. moms' }).check();
    const withVat = await api.get<PortfolioResponse>(`/api/accounts/${api.accountId}/portfolio?vat=incl`);
    expect(withVat.totals).toEqual({ areaM2: 3500, averagePerYear: 248_750, maintenanceDebt: 2_050_000, nextYearCost: 437_500 });
    await eventually(async () => normalise(await page.locator('.portfolio-table tfoot tr').innerText())).toBe('Summa 3 500 248 750 kr 2 050 000 kr 437 500 kr');
    await page.getByText('Belopp inklusive moms.').waitFor();

    // A customer's property, on request, with the account column.
    const customer = await api.post<{ accountId: string }>(`/api/accounts/${api.accountId}/customers`, { name: 'Brf Granen' });
    const customerOrganisation = await createOrganisation(api, customer.accountId, 'Brf Granen');
    // 900 kr/m² of debt on an empty fund: short from this year.
    await createProperty(api, customerOrganisation, { name: 'Granen 5', boa: 1000, actions: [{ cost: 900_000, year: year - 1, status: 'planned' }] });
    await page.reload();
    const includeCustomers = page.getByRole('checkbox', { name: 'Ta med kundernas fastigheter' });
    await includeCustomers.waitFor();
    await eventually(async () => (await propertyNames(page)).length).toBe(3);
    await includeCustomers.check();
    await page.getByRole('columnheader', { name: 'Konto' }).waitFor();
    await eventually(async () => (await tableRows(page)).map((cells) => [cells[0]?.split(' Brist på medel')[0], cells[1]])).toEqual([
      ['Aspen 1', 'Förvaltning Norr'],
      ['Björken 2', 'Förvaltning Norr'],
      ['Cedern 3', 'Förvaltning Norr'],
      ['Granen 5', 'Brf Granen'],
    ]);
    await page.getByText('2 fastigheter har brist på medel och är markerade i tabellen.').waitFor();
    expect(await textOf(page.locator('.portfolio-table__row--short', { hasText: 'Granen 5' }).locator('th'))).toBe(
      `Granen 5 Brist på medel Fonden räcker inte från ${year}.`,
    );
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'portfolio-dashboard-customers-sv');

    // The property page's traffic light: below 10 properties with area and plan, only the count.
    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${aspen.propertyId}`);
    const benchmarkSection = page.locator('section', { has: page.getByRole('heading', { name: 'Underhållsskuld jämfört med andra fastigheter' }) });
    await eventually(() => textOf(benchmarkSection)).toContain('Jämförelsen behöver minst 10 fastigheter med yta och plan, och det finns 4 ännu.');

    // Seven more properties in another account make eleven: 0, 100, 200, …, 900 and 1 240 kr/m².
    const other = await openPage(browser);
    const otherApi = await signUpThroughApi(other.context, e2e.baseUrl, {
      email: 'olle@bestand-syd.se',
      password: 'sju fastigheter i söder',
      name: 'Olle Ägare',
      accountName: 'Bestånd Syd',
    });
    const otherOrganisation = await createOrganisation(otherApi, otherApi.accountId, 'Bestånd Syd');
    for (const perM2 of [100, 300, 400, 500, 600, 700, 800]) {
      await createProperty(otherApi, otherOrganisation, {
        name: `Syd ${perM2}`,
        boa: 1000,
        actions: [{ cost: perM2 * 1000, year: year - 1, status: 'planned' }],
      });
    }
    await other.context.close();
    // R-7 quartiles of the eleven: p25 between 200 and 300, the median 500, p75 between 700 and 800.
    expect(await api.get<MaintenanceDebtBenchmark>('/api/benchmarks/maintenance-debt-per-m2')).toEqual({ count: 11, p25: 250, median: 500, p75: 750 });

    // Red, in words, excluding VAT although the switch says including.
    await page.reload();
    await eventually(() => textOf(benchmarkSection.locator('.traffic-light'))).toBe(
      'Rött: hög 1 240 kr/m² — över 75:e percentilen (750 kr/m²) av 11 fastigheter',
    );
    expect(await benchmarkSection.locator('.traffic-light--high').count()).toBe(1);
    await benchmarkSection.getByText('Medianen är 500 kr/m².').waitFor();
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'property-benchmark-red-sv');

    // Green below the 25th percentile; in English too.
    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${cedern.propertyId}`);
    await eventually(() => textOf(benchmarkSection.locator('.traffic-light'))).toBe(
      'Grönt: låg 200 kr/m² — under 25:e percentilen (250 kr/m²) av 11 fastigheter',
    );
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    const englishSection = page.locator('section', { has: page.getByRole('heading', { name: 'Maintenance debt compared with other properties' }) });
    await eventually(() => textOf(englishSection.locator('.traffic-light'))).toBe(
      'Green: low SEK 200/m² — below the 25th percentile (SEK 250/m²) of 11 properties',
    );
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'property-benchmark-green-en');

    // The dashboard in English.
    await page.goto(portfolioUrl);
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Debt per m²' }).waitFor();
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'portfolio-dashboard-en');

    expect(problems).toEqual([]);
  });
});
