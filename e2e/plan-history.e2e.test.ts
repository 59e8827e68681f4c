import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { addMemberThroughApi, signUpThroughApi, type ApiSession } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, expectTitle, normalise } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The change history as a board member reads it: an action created, its price changed by a
 * colleague, its year changed and marked done on its page; each change in words on the action's
 * page and in the plan's Historik tab, filtered by field, person and period, paged, and in English.
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

/** Also kept outside the repository, for the review of these screens. */
const reviewScreenshots = '/work/screenshots/13-history-ui';

async function saveScreenshots(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  await mkdir(reviewScreenshots, { recursive: true });
  await page.screenshot({ path: path.join(reviewScreenshots, `${name}.png`), fullPage: true });
}

/** Each entry's text, its time replaced by `<time>` so the rest compares exactly. */
async function entriesOf(page: Page): Promise<string[]> {
  const texts = await page.locator('.history-entry').allInnerTexts();
  return texts.map((text) => normalise(text).replace(/\d{1,2} [A-Za-zé]+\.?,? \d{4},? \d\d:\d\d/, '<time>'));
}

const password = 'ekar och lönnar i parken';
const roof = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031, intervalYears: 10, tags: ['P-1'] };
const windows = { name: 'Målning av fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 300, year: 2030 };

describe('plan history', () => {
  it('shows who changed what and when on the action page and in the plan’s Historik tab, filtered, paged and in English', async () => {
    const { page, context, problems } = await openPage(browser);
    const anna = await signUpThroughApi(context, e2e.baseUrl, { email: 'anna@brf-eken.se', password, name: 'Anna Ordförande', accountName: 'Brf Eken' });
    const bertilContext = await browser.newContext({ ignoreHTTPSErrors: true });
    const bertilOwn = await signUpThroughApi(bertilContext, e2e.baseUrl, {
      email: 'bertil@brf-eken.se',
      password,
      name: 'Bertil Kassör',
      accountName: 'Bertils',
    });
    await addMemberThroughApi(anna, bertilOwn, 'bertil@brf-eken.se', 'editor');
    const bertil: ApiSession = { ...bertilOwn, accountId: anna.accountId };

    const fixture = await createPlanFixture(anna, e2e.baseUrl, { plan: { startYear: 2026, lengthYears: 30 }, buildings: ['Hus A'] });
    const action = await anna.post<{ id: string }>(`/api/plans/${fixture.planId}/actions`, { ...roof, buildingId: fixture.buildingIds[0] });
    const deleted = await anna.post<{ id: string }>(`/api/plans/${fixture.planId}/actions`, windows);
    await bertil.patch(`/api/actions/${action.id}`, { unitPrice: 700 });
    await anna.patch(`/api/plans/${fixture.planId}`, { fund: { openingBalance: 125_000 } });
    await anna.delete(`/api/actions/${deleted.id}`);

    // The action page: the history so far, then the year changed and the action marked done here.
    const actionUrl = `${fixture.planUrl}/actions/${action.id}`;
    await page.goto(actionUrl);
    await page.getByRole('heading', { name: 'Ändringshistorik', level: 2 }).waitFor();
    const created =
      'Du skapade <time> Kategori: Yttertak · Byggnad: Hus A · Mängd: 450 · Enhet: m2 · À-pris: 640,50 kr · År: 2031 · Intervall: 10 år · Status: Planerad · Taggar: P-1';
    const priceChanged = 'Bertil Kassör ändrade <time> À-pris: 640,50 kr → 700,00 kr';
    await eventually(() => entriesOf(page)).toEqual([priceChanged, created]);

    await page.getByRole('button', { name: 'Redigera' }).click();
    await page.getByLabel('År', { exact: true }).fill('2033');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    // The history is under the plan's queries, so the save refreshes it.
    await eventually(() => entriesOf(page)).toEqual(['Du ändrade <time> År: 2031 → 2033', priceChanged, created]);

    await page.getByRole('button', { name: 'Markera som genomförd' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Markera som genomförd' }).click();
    await page.getByText('Genomförd 2033 är sparad. Nästa tillfälle är 2043.').waitFor();
    const actionEntries = ['Du markerade som genomförd <time> År: 2033 → 2043', 'Du ändrade <time> År: 2031 → 2033', priceChanged, created];
    await eventually(() => entriesOf(page)).toEqual(actionEntries);
    await saveScreenshots(page, 'action-change-history-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // The plan's Historik tab: every entry of the plan, each naming its action (linked while it exists) or the settings.
    await page.getByRole('link', { name: 'Underhållsplan' }).click();
    await page.getByRole('link', { name: 'Historik' }).click();
    await page.getByRole('heading', { name: 'Historik', level: 2 }).waitFor();
    await expectTitle(page, 'Historik för Underhållsplan');
    const windowsSummary = 'Kategori: Fasad · Mängd: 40 · Enhet: st · À-pris: 300 kr · År: 2030 · Status: Planerad';
    const planEntries = [
      `Byte av takpapp ${actionEntries[0]}`,
      `Byte av takpapp ${actionEntries[1]}`,
      `Målning av fönster Du tog bort <time> ${windowsSummary}`,
      'Planens inställningar Du ändrade <time> Fondens saldo vid start: 0 kr → 125 000 kr',
      `Byte av takpapp ${priceChanged}`,
      `Målning av fönster Du skapade <time> ${windowsSummary}`,
      `Byte av takpapp ${created}`,
    ];
    await eventually(() => entriesOf(page)).toEqual(planEntries);
    await eventually(() => page.getByRole('link', { name: 'Byte av takpapp' }).count()).toBe(4);
    expect(await page.getByRole('link', { name: 'Målning av fönster' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Visa fler' }).count()).toBe(0);
    await saveScreenshots(page, 'plan-history-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // By field: only the price change; the filter is in the address, so a reload keeps it.
    await page.getByLabel('Fält', { exact: true }).selectOption({ label: 'À-pris' });
    // Creations and deletions record every field, the price among them.
    const priceEntries = [planEntries[2], planEntries[4], planEntries[5], planEntries[6]];
    await eventually(() => entriesOf(page)).toEqual(priceEntries);
    expect(new URL(page.url()).searchParams.get('field')).toBe('unitPrice');
    await page.reload();
    await eventually(() => entriesOf(page)).toEqual(priceEntries);

    // By person: only Bertil's change; with a field he did not change, nothing matches.
    await page.getByRole('button', { name: 'Rensa filtren' }).click();
    await eventually(() => entriesOf(page)).toEqual(planEntries);
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Bertil Kassör' });
    await eventually(() => entriesOf(page)).toEqual([`Byte av takpapp ${priceChanged}`]);
    await page.getByLabel('Fält', { exact: true }).selectOption({ label: 'År' });
    await page.getByText('Inga ändringar matchar filtren.').waitFor();
    await saveScreenshots(page, 'plan-history-no-matches-sv');

    // By period (days, inclusive): nothing before 2020, everything today.
    await page.getByRole('button', { name: 'Rensa filtren' }).click();
    await page.getByLabel('Till och med', { exact: true }).fill('2020-01-01');
    await page.getByText('Inga ändringar matchar filtren.').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Från och med', { exact: true }).fill(today);
    await page.getByLabel('Till och med', { exact: true }).fill(today);
    await eventually(() => entriesOf(page)).toEqual(planEntries);

    // English: the same entries in English words.
    await page.getByRole('button', { name: 'Rensa filtren' }).click();
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'History', level: 2 }).waitFor();
    const createdEn =
      'You created <time> Category: Roof · Building: Hus A · Quantity: 450 · Unit: m2 · Unit price: SEK 640.50 · Year: 2031 · Interval: 10 years · Status: Planned · Tags: P-1';
    const windowsEn = 'Category: Facade · Quantity: 40 · Unit: st · Unit price: SEK 300 · Year: 2030 · Status: Planned';
    const actionEntriesEn = [
      'You marked as done <time> Year: 2033 → 2043',
      'You changed <time> Year: 2031 → 2033',
      'Bertil Kassör changed <time> Unit price: SEK 640.50 → SEK 700.00',
      createdEn,
    ];
    const planEntriesEn = [
      `Byte av takpapp ${actionEntriesEn[0]}`,
      `Byte av takpapp ${actionEntriesEn[1]}`,
      `Målning av fönster You deleted <time> ${windowsEn}`,
      "Plan's settings You changed <time> Fund balance at start: SEK 0 → SEK 125,000",
      `Byte av takpapp ${actionEntriesEn[2]}`,
      `Målning av fönster You created <time> ${windowsEn}`,
      `Byte av takpapp ${createdEn}`,
    ];
    await eventually(() => entriesOf(page)).toEqual(planEntriesEn);
    await page.getByLabel('Field', { exact: true }).selectOption({ label: 'Unit price' });
    await eventually(() => entriesOf(page)).toEqual([planEntriesEn[2], planEntriesEn[4], planEntriesEn[5], planEntriesEn[6]]);
    await saveScreenshots(page, 'plan-history-en');
    await page.getByRole('link', { name: 'Byte av takpapp' }).first().click();
    await page.getByRole('heading', { name: 'Change history', level: 2 }).waitFor();
    await eventually(() => entriesOf(page)).toEqual(actionEntriesEn);
    await saveScreenshots(page, 'action-change-history-en');
    await page.getByLabel('Language', { exact: true }).selectOption('sv');

    // More than a page: the newest 50, then the rest on "Visa fler".
    for (let count = 1; count <= 50; count += 1) await anna.patch(`/api/plans/${fixture.planId}`, { name: `Underhållsplan ${count}` });
    await page.goto(`${fixture.planUrl}/history`);
    await eventually(() => page.locator('.history-entry').count()).toBe(50);
    expect((await entriesOf(page))[0]).toBe('Planens inställningar Du ändrade <time> Planens namn: Underhållsplan 49 → Underhållsplan 50');
    await page.getByRole('button', { name: 'Visa fler' }).click();
    await eventually(() => page.locator('.history-entry').count()).toBe(57);
    expect((await entriesOf(page)).slice(-7)).toEqual(planEntries);
    expect(await page.getByRole('button', { name: 'Visa fler' }).count()).toBe(0);

    // An editor may not list the account's members: the person filter offers those in the entries, without asking.
    const bertilPage = await bertilContext.newPage();
    const bertilProblems: string[] = [];
    bertilPage.on('console', (message) => {
      if (message.type() === 'error') bertilProblems.push(message.text());
    });
    await bertilPage.goto(`${fixture.planUrl}/history`);
    await eventually(() => bertilPage.locator('.history-entry').count()).toBe(50);
    expect(await bertilPage.getByLabel('Person', { exact: true }).locator('option').allInnerTexts()).toEqual(['Alla', 'Anna Ordförande', 'Bertil Kassör']);
    expect(bertilProblems).toEqual([]);

    expect(problems).toEqual([]);
    await bertilContext.close();
  }, 180_000);
});
