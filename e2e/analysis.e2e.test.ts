import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResponse, FundResponse } from '../shared/schemas/analysis.ts';
import type { Plan } from '../shared/schemas/plan.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
// The figures on screen must be exactly the API's figures formatted the web app's way.
import { formatAmount } from '../web/lib/i18n/format-amount.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { addMemberThroughApi, signInThroughApi, signUpThroughApi, type ApiSession } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, expectTitle } from './support/page-reads.ts';
import { createPlanFixture, type PlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The economic analysis and the fund analysis as a board member reads them: the action of
 * docs/product/cost-model.md § Worked example, an overdue one-off and an investment; every figure
 * compared with the API's, legends, tables, "Use this", a viewer, English and print.
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
const currentYear = new Date().getUTCFullYear();

/**
 * The worked example's maintenance debt as of `year` (docs/product/cost-model.md § Maintenance debt: the k = 0 cost of every
 * non-investment action not done with `year` before it): the roof felt placed in 2022 (80 000 kr
 * + 10 % client cost) in any year, and from 2028 on also the window painting of 2027 (100 000 kr
 * + 10 %, indexed 2 % for one year).
 */
function expectedDebtOf(year: number): number {
  return 88_000 + (year > 2027 ? 112_200 : 0);
}

async function workedExamplePlan(api: ApiSession, property: Record<string, unknown> = {}): Promise<PlanFixture> {
  return createPlanFixture(api, e2e.baseUrl, {
    property,
    buildings: ['Hus A'],
    plan: {
      name: 'Underhållsplan 2026–2055',
      startYear: 2026,
      lengthYears: 30,
      clientCostPercent: 10,
      vatPercent: 25,
      indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
      fund: { openingBalance: 200_000, currentProvisionPerYear: 20_000, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 50_000 },
    },
    actions: [
      {
        name: 'Målning fönster',
        category: 'fasad',
        quantity: 40,
        unit: 'st',
        unitPrice: 2500,
        year: 2027,
        intervalYears: 8,
        status: 'planned',
        buildingIndex: 0,
      },
      // Overdue: placed in 2026 and counted in the maintenance debt.
      { name: 'Byte av takpapp', category: 'yttertak', quantity: 1, unit: 'st', unitPrice: 80_000, year: 2022, intervalYears: null, status: 'planned' },
      {
        name: 'Nya balkonger',
        category: 'fasad',
        quantity: 10,
        unit: 'st',
        unitPrice: 50_000,
        year: 2030,
        intervalYears: null,
        status: 'planned',
        isInvestment: true,
        buildingIndex: 0,
      },
    ],
  });
}

const keyFigure = (page: Page, label: string) => page.locator('.key-figure', { has: page.locator('dt', { hasText: label }) }).locator('.key-figure__value');

const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });

describe('analysis journey', () => {
  it('shows the API’s figures on both pages, toggles series, applies the required provision, and prints', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpThroughApi(context, e2e.baseUrl, { email: 'anna@brf-eken.se', password, name: 'Anna Ordförande', accountName: 'Brf Eken' });
    const fixture = await workedExamplePlan(api);
    const analysisOf = (query: string) => api.get<AnalysisResponse>(`/api/plans/${fixture.planId}/analysis?${query}&asOfYear=${currentYear}`);
    const excl = await analysisOf('vat=excl');
    const incl = await analysisOf('vat=incl');
    const exclWithoutInvestments = await analysisOf('vat=excl&includeInvestments=false');
    // The worked example's 2027 occurrence, and the overdue one-off at 2026's price level.
    expect(excl.years.find((year) => year.year === 2027)?.byCategory.fasad).toBe(112_200);
    expect(excl.maintenanceDebt).toBe(expectedDebtOf(currentYear));

    await page.goto(`${fixture.planUrl}/analysis`);
    await page.getByRole('heading', { name: 'Ekonomisk analys', level: 2 }).waitFor();
    // A new user sees amounts display-rounded.
    await keyFigure(page, 'Summa 2026–2055')
      .filter({ hasText: formatAmount(excl.total, 'sv', true) })
      .waitFor();
    await expectTitle(page, 'Ekonomisk analys · Underhållsplan 2026–2055');

    // Cards: exactly the API's figures, excluding and including VAT, with and without display rounding.
    // All five are read together until they match: a switch can leave the total as it was (a round
    // sum is the same rounded) while the other cards, or the refetched figures, are still on their way.
    const expectCards = async (figures: AnalysisResponse, isRounded: boolean) => {
      const amount = (value: number) => formatAmount(value, 'sv', isRounded);
      await eventually(() =>
        Promise.all([
          keyFigure(page, 'Summa 2026–2055').textContent(),
          keyFigure(page, 'Genomsnitt per år').textContent(),
          keyFigure(page, 'Per år och m²').textContent(),
          keyFigure(page, 'Underhållsskuld').first().textContent(),
          keyFigure(page, 'Underhållsskuld per m²').textContent(),
        ]),
      ).toEqual([
        amount(figures.total),
        amount(figures.averagePerYear),
        `${amount(figures.averagePerYearPerM2!)}/m²`,
        amount(figures.maintenanceDebt),
        `${amount(figures.maintenanceDebtPerM2!)}/m²`,
      ]);
    };
    expect(await page.getByLabel('Avrunda belopp').isChecked()).toBe(true);
    await expectCards(excl, true);
    await page.getByText('Belopp exklusive moms. Beloppen är avrundade för visning.', { exact: false }).first().waitFor();
    // Exact amounts are one switch away; the figures below are compared to the öre.
    await page.getByLabel('Avrunda belopp').uncheck();
    await expectCards(excl, false);
    await page.getByText('Belopp exklusive moms.', { exact: true }).first().waitFor();
    await page.getByLabel('Inkl. moms').check();
    await expectCards(incl, false);
    await page.getByText('Belopp inklusive moms (25 %).').waitFor();
    await page.getByLabel('Avrunda belopp').check();
    await expectCards(incl, true);
    await page.getByLabel('Exkl. moms').check();
    await expectCards(excl, true);
    await page.getByLabel('Avrunda belopp').uncheck();
    await expectCards(excl, false);

    // How a figure is computed opens with the keyboard, not only on hover.
    const debtExplanation = page.locator('.key-figure', { has: page.locator('dt', { hasText: /^Underhållsskuld$/ }) }).locator('summary');
    await debtExplanation.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Summan av första tillfällets kostnad för varje åtgärd som inte är genomförd/).waitFor();

    // Legend toggles: hiding the roof takes its one bar segment (2026) out of the yearly chart.
    const perYear = section(page, 'Kostnad per år och kategori');
    expect(await perYear.locator('svg.chart rect.chart__segment').count()).toBe(6);
    const roof = perYear.getByRole('button', { name: 'Yttertak' });
    expect(await roof.getAttribute('aria-pressed')).toBe('true');
    // Each toggle re-renders the chart after the click or key press: read it once it has.
    await roof.click();
    await eventually(() => roof.getAttribute('aria-pressed')).toBe('false');
    await eventually(() => perYear.locator('svg.chart rect.chart__segment').count()).toBe(5);
    await roof.press('Enter');
    await eventually(() => perYear.locator('svg.chart rect.chart__segment').count()).toBe(6);

    const perCategory = section(page, 'Per kategori');
    expect(await perCategory.locator('svg.chart path.chart__segment').count()).toBe(2);
    await perCategory.getByRole('button', { name: 'Fasad' }).click();
    await eventually(() => perCategory.locator('svg.chart path.chart__segment').count()).toBe(1);
    await eventually(() => perCategory.locator('.chart__centre').textContent()).toBe(formatAmount(excl.byCategory.yttertak!, 'sv'));

    // Table views hold the same numbers as the API (its window sums), whatever the legend hides.
    await perCategory.getByText('Visa som tabell').click();
    const categoryRows = perCategory.locator('tbody tr');
    expect(await categoryRows.allTextContents()).toEqual([
      `Fasad${formatAmount(excl.byCategory.fasad!, 'sv')}${shareText(excl, 'fasad')}`,
      `Yttertak${formatAmount(excl.byCategory.yttertak!, 'sv')}${shareText(excl, 'yttertak')}`,
    ]);
    const perBuilding = section(page, 'Per byggnad');
    await perBuilding.getByText('Visa som tabell').click();
    expect(await perBuilding.locator('tbody th').allTextContents()).toEqual(['Hus A', 'Utan byggnad']);
    expect(await perBuilding.locator('tbody td.analysis-table__amount').first().textContent()).toBe(
      formatAmount(excl.byBuilding[fixture.buildingIds[0]!]!, 'sv'),
    );
    await perYear.getByText('Visa som tabell').click();
    const row2027 = perYear.locator('tbody tr', { has: page.locator('th', { hasText: '2027' }) });
    expect(await row2027.locator('td').allTextContents()).toEqual([formatAmount(112_200, 'sv'), formatAmount(0, 'sv'), formatAmount(112_200, 'sv')]);
    expect(await perYear.locator('tfoot td').last().textContent()).toBe(formatAmount(excl.total, 'sv'));

    // Without investments: the API's other figures.
    await page.getByLabel('Räkna med investeringar').uncheck();
    await keyFigure(page, 'Summa 2026–2055')
      .filter({ hasText: formatAmount(exclWithoutInvestments.total, 'sv') })
      .waitFor();
    expect(exclWithoutInvestments.total).toBeLessThan(excl.total);
    await page.getByLabel('Räkna med investeringar').check();
    await keyFigure(page, 'Summa 2026–2055')
      .filter({ hasText: formatAmount(excl.total, 'sv') })
      .waitFor();
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'analysis-economic-sv');

    // Print: navigation and switches hidden, closed tables and explanations printed open.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByLabel('Räkna med investeringar').isVisible()).toBe(false);
    expect(await section(page, 'Per status').locator('table').isVisible()).toBe(true);
    await saveScreenshot(page, 'analysis-economic-print');
    await writeFile(path.resolve('e2e/artifacts/analysis-economic-print.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });

    // The fund: short in 2027 (200 000 + 20 000 − 88 000, then + 20 000 − 112 200 < 50 000).
    const fundBefore = await api.get<FundResponse>(`/api/plans/${fixture.planId}/fund?vat=excl`);
    expect(fundBefore.firstShortfallYear).toBe(2027);
    const required = fundBefore.requiredProvisionPerYear!;
    await page.getByRole('link', { name: 'Avsättningsanalys' }).click();
    await page.getByRole('heading', { name: 'Fonden räcker inte år 2027' }).waitFor();
    expect(await keyFigure(page, 'Behövd avsättning per år').textContent()).toBe(formatAmount(required, 'sv'));
    expect(await keyFigure(page, 'Årlig kostnad enligt komponentmetoden').textContent()).toBe(formatAmount(fundBefore.annualisedCost, 'sv'));
    await page.getByText('Investeringar räknas aldrig med här', { exact: false }).waitFor();
    const fundChart = section(page, 'Fondens saldo, avsättning och kostnad per år');
    expect(await fundChart.locator('.chart__highlight-label').textContent()).toBe('Brist 2027');
    await fundChart.getByText('Visa som tabell').click();
    expect(await fundChart.locator('tbody tr').count()).toBe(30);
    expect(await fundChart.locator('tbody tr').nth(1).locator('td').allTextContents()).toEqual([
      formatAmount(fundBefore.years[1]!.cost, 'sv'),
      formatAmount(fundBefore.years[1]!.provision, 'sv'),
      `${formatAmount(fundBefore.years[1]!.balance, 'sv')}Under miniminivån`,
    ]);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'analysis-fund-sv');

    // A typing mistake is caught on the field, in Swedish, with focus on it.
    const interest = page.getByLabel('Ränta på fonden (% per år)');
    await interest.fill('två');
    await page.getByRole('button', { name: 'Spara antaganden' }).click();
    await page.getByText('Ange ett tal.').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('fund.interestRatePercent');
    await interest.fill('0');

    // "Use this": confirm, then the fund lasts and the plan stores the required provision.
    await page.getByRole('button', { name: 'Använd denna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra avsättningen?' });
    await dialog.getByText(`från ${formatAmount(20_000, 'sv')} till ${formatAmount(required, 'sv')}`).waitFor();
    await dialog.getByRole('button', { name: 'Använd denna' }).click();
    await page.getByRole('heading', { name: 'Fonden räcker hela planperioden' }).waitFor();
    await page.getByText(`Avsättningen är nu ${formatAmount(required, 'sv')} per år.`).waitFor();
    await eventually(() => page.getByRole('button', { name: 'Använd denna' }).count()).toBe(0);
    const fundAfter = await api.get<FundResponse>(`/api/plans/${fixture.planId}/fund?vat=excl`);
    expect(fundAfter.firstShortfallYear).toBeNull();
    expect((await api.get<Plan>(`/api/plans/${fixture.planId}`)).fund.currentProvisionPerYear).toBe(required);
    // The assumptions form takes the plan's new provision once the plan is fetched again.
    await eventually(() => page.getByLabel('Nuvarande avsättning per år (kr)').inputValue()).toBe(String(required));

    // Saving an assumption typed the Swedish way: stored, the figures follow, focus on the outcome.
    await page.getByLabel('Ränta på fonden (% per år)').fill('1,5');
    await page.getByRole('button', { name: 'Spara antaganden' }).click();
    await page.getByText('Antagandena är sparade.').waitFor();
    expect((await api.get<Plan>(`/api/plans/${fixture.planId}`)).fund.interestRatePercent).toBe(1.5);
    const fundWithInterest = await api.get<FundResponse>(`/api/plans/${fixture.planId}/fund?vat=excl`);
    expect(fundWithInterest.requiredProvisionPerYear).toBeLessThan(required);
    await keyFigure(page, 'Behövd avsättning per år')
      .filter({ hasText: formatAmount(fundWithInterest.requiredProvisionPerYear!, 'sv') })
      .waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Antagandena är sparade.');

    // English: the same figures in English formatting.
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Fund analysis', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'The fund lasts the whole plan period' }).waitFor();
    expect(await keyFigure(page, 'Required provision per year').textContent()).toBe(formatAmount(fundWithInterest.requiredProvisionPerYear!, 'en'));
    await saveScreenshot(page, 'analysis-fund-en');
    await page.getByRole('link', { name: 'Economic analysis' }).click();
    await keyFigure(page, 'Total 2026–2055')
      .filter({ hasText: formatAmount(excl.total, 'en') })
      .waitFor();
    expect(await keyFigure(page, 'Maintenance debt').first().textContent()).toBe(formatAmount(excl.maintenanceDebt, 'en'));
    await page.getByRole('heading', { name: 'By building' }).waitFor();
    await saveScreenshot(page, 'analysis-economic-en');

    expect(problems).toEqual([]);
  }, 120_000);

  it('gives a viewer the figures without "Use this" or editable assumptions', async () => {
    const admin = await openPage(browser);
    const adminApi = await signUpThroughApi(admin.context, e2e.baseUrl, { email: 'berit@brf-eken.se', password, name: 'Berit', accountName: 'Brf Björken' });
    // A property without BOA and LOA: no per-m² figures.
    const fixture = await workedExamplePlan(adminApi, { boa: null, loa: null });
    // Viggo has an account of his own: the admin invites him and he accepts.
    const signUpContext = await browser.newContext({ ignoreHTTPSErrors: true });
    await signUpThroughApi(signUpContext, e2e.baseUrl, { email: 'viggo@example.se', password, name: 'Viggo Läsare', accountName: 'Viggos konto' });
    await signUpContext.close();
    const viewer = await openPage(browser, { width: 768, height: 1024 });
    const viewerApi = await signInThroughApi(viewer.context, e2e.baseUrl, { email: 'viggo@example.se', password }, adminApi.accountId);
    await addMemberThroughApi(adminApi, viewerApi, 'viggo@example.se', 'viewer');

    await viewer.page.goto(`${fixture.planUrl}/fund`);
    await viewer.page.getByRole('heading', { name: 'Fonden räcker inte år 2027' }).waitFor();
    await viewer.page.getByText('Bara den som får ändra planen kan ändra antagandena.').waitFor();
    expect(await viewer.page.getByRole('button', { name: 'Använd denna' }).count()).toBe(0);
    expect(await viewer.page.getByRole('textbox').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'Spara antaganden' }).count()).toBe(0);
    await saveScreenshot(viewer.page, 'analysis-fund-viewer-tablet');

    await viewer.page.getByRole('link', { name: 'Ekonomisk analys' }).click();
    expect(await keyFigure(viewer.page, 'Per år och m²').textContent()).toBe('–');
    expect(await keyFigure(viewer.page, 'Underhållsskuld per m²').textContent()).toBe('–');
    const toProperty = viewer.page.getByRole('link', { name: 'Ange BOA och LOA på fastighetssidan' });
    await eventually(() => toProperty.count()).toBe(2);
    expect(await toProperty.first().getAttribute('href')).toBe(`/accounts/${adminApi.accountId}/properties/${fixture.propertyId}`);
    await saveScreenshot(viewer.page, 'analysis-economic-viewer-tablet');

    // A plan without actions: an empty state that leads to the actions, not to a form a viewer may not use.
    const emptyPlan = await adminApi.post<{ id: string }>(`/api/properties/${fixture.propertyId}/plans`, { name: 'Tom plan', startYear: 2026 });
    await viewer.page.goto(`${e2e.baseUrl}/accounts/${adminApi.accountId}/plans/${emptyPlan.id}/analysis`);
    await viewer.page.getByRole('heading', { name: 'Inga kostnader under planperioden' }).waitFor();
    await viewer.page.getByRole('link', { name: 'Till åtgärderna' }).waitFor();
    expect(await findSeriousAccessibilityViolations(viewer.page)).toEqual([]);

    expect(admin.problems).toEqual([]);
    expect(viewer.problems).toEqual([]);
  });
});

function shareText(analysis: AnalysisResponse, category: string): string {
  const part = analysis.byCategory[category] ?? 0;
  return new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 }).format(part / analysis.total);
}
