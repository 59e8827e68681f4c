import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { addMemberThroughApi, signUpThroughApi, type ApiSession } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, textOf } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The library while an action is entered, and repricing: type part of a name, pick a suggestion
 * with the keyboard, save the filled-in and linked action; the account then gets its own price for
 * that item, the plan page says so with both prices, reprices, and undoes it.
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

/** 2026–2035 without client cost or indexation: a cost is quantity × unit price, exactly. */
const planInput = { plan: { name: 'Underhållsplan 2026', startYear: 2026, lengthYears: 10, vatPercent: 25 } };

interface StoredAction {
  id: string;
  name: string;
  category: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  year: number;
  intervalYears: number | null;
  baseYear: number | null;
  libraryItemId: string | null;
}

interface StoredItem {
  id: string;
  name: { sv: string; en: string };
  source: string;
}

async function actionsOf(api: ApiSession, planId: string): Promise<StoredAction[]> {
  return api.get<StoredAction[]>(`/api/plans/${planId}/actions`);
}

/** The field's value by its label, exactly. */
function valueOf(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).inputValue();
}

describe('library suggestions and repricing', () => {
  it('fills and links an action from a suggestion picked with the keyboard, then reprices it to the account’s own price and undoes that', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'karin@brf-lonnen.se',
      password: 'lönnar och ekar i parken',
      name: 'Karin Förvaltare',
      accountName: 'Brf Lönnen',
    });
    await api.patch('/api/auth/display-preferences', { isRounded: false });
    const fixture = await createPlanFixture(api, e2e.baseUrl, planInput);
    const [roofTiles] = await api.get<StoredItem[]>(`/api/library/items?accountId=${api.accountId}&q=betongpannor`);
    expect(roofTiles?.name.sv).toBe('Byte av takbeläggning, betongpannor');

    await page.goto(`${fixture.planUrl}/actions/new`);
    const name = page.getByRole('combobox', { name: 'Benämning' });
    await name.waitFor();
    // One character asks nothing; from two the library answers, after a pause in the typing.
    await name.pressSequentially('t');
    expect(await name.getAttribute('aria-expanded')).toBe('false');
    await name.pressSequentially('akbel');
    const list = page.getByRole('listbox', { name: 'Förslag ur biblioteket' });
    const option = list.getByRole('option', { name: /Byte av takbeläggning, betongpannor/ });
    await option.waitFor();
    expect(await name.getAttribute('aria-expanded')).toBe('true');
    expect(await textOf(option)).toBe('Byte av takbeläggning, betongpannor Yttertak · m² · livslängd 40 år · riktpris 1 250 kr/m² (2025)');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'library-suggestions-sv');

    // Escape closes the list; Down opens it again on the first suggestion (focus stays in the field), Enter picks it.
    await name.press('Escape');
    await eventually(() => list.isVisible()).toBe(false);
    expect(await name.getAttribute('aria-expanded')).toBe('false');
    await name.press('ArrowDown');
    await option.waitFor();
    const optionId = await option.getAttribute('id');
    expect(await name.getAttribute('aria-activedescendant')).toBe(optionId);
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await name.press('Enter');
    await eventually(() => list.isVisible()).toBe(false);
    expect(page.url()).toBe(`${fixture.planUrl}/actions/new`);
    expect({
      name: await name.inputValue(),
      category: await valueOf(page, 'Kategori'),
      unit: await valueOf(page, 'Enhet'),
      unitPrice: await valueOf(page, 'À-pris (kr)'),
      baseYear: await valueOf(page, 'Basår'),
      isRecurring: await page.getByLabel('Återkommande').isChecked(),
      intervalYears: await valueOf(page, 'Intervall (år)'),
    }).toEqual({
      name: 'Byte av takbeläggning, betongpannor',
      category: 'yttertak',
      unit: 'm2',
      unitPrice: '1250',
      baseYear: '2025',
      isRecurring: true,
      intervalYears: '40',
    });
    const link = page.getByTestId('library-link');
    expect(await textOf(link)).toBe(`Från biblioteket: Byte av takbeläggning, betongpannor Källa: ${roofTiles!.source} Ta bort koppling`);

    await page.getByLabel('Mängd').fill('100');
    await page.getByLabel('År', { exact: true }).fill('2027');
    await saveScreenshot(page, 'library-linked-form-sv');
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.waitForURL(fixture.planUrl);
    const [stored] = await actionsOf(api, fixture.planId);
    expect(stored).toMatchObject({
      name: 'Byte av takbeläggning, betongpannor',
      category: 'yttertak',
      quantity: 100,
      unit: 'm2',
      unitPrice: 1250,
      year: 2027,
      intervalYears: 40,
      baseYear: 2025,
      libraryItemId: roofTiles!.id,
    });
    const row = page.locator(`tr[data-action-id="${stored!.id}"]`);
    await eventually(() => textOf(row.locator('.marker--library'))).toBe('Bibliotek');
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('125 000 kr');
    expect(await page.getByTestId('reprice-notice').count()).toBe(0);

    // A price changed by hand keeps the link.
    const actionUrl = `${fixture.planUrl}/actions/${stored!.id}`;
    await page.goto(actionUrl);
    const libraryDetail = page.locator('.action-details__item', { has: page.locator('dt', { hasText: 'Bibliotek' }) }).locator('dd');
    await eventually(() => textOf(libraryDetail)).toBe('Byte av takbeläggning, betongpannor');
    await page.getByRole('button', { name: 'Redigera' }).click();
    await eventually(() => textOf(link)).toBe(`Från biblioteket: Byte av takbeläggning, betongpannor Källa: ${roofTiles!.source} Ta bort koppling`);
    await page.getByLabel('À-pris (kr)').fill('1 300');
    const patch = page.waitForRequest((request) => request.method() === 'PATCH');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    expect((await patch).postDataJSON()).toEqual({ unitPrice: 1300 });
    await page.getByText('Ändringarna är sparade.').waitFor();
    expect((await actionsOf(api, fixture.planId))[0]).toMatchObject({ unitPrice: 1300, baseYear: 2025, libraryItemId: roofTiles!.id });

    // The account's own price replaces the built-in one for it: the plan page offers to reprice.
    await api.post(`/api/accounts/${api.accountId}/library-items`, {
      name: 'Byte av takbeläggning, betongpannor',
      category: 'yttertak',
      unit: 'm2',
      lifetimeYears: 40,
      unitPrice: 1400,
      priceYear: 2026,
      source: 'Ramavtal Takbolaget 2026',
      replacesItemId: roofTiles!.id,
    });
    await page.goto(fixture.planUrl);
    const notice = page.getByTestId('reprice-notice');
    await eventually(() => textOf(notice.locator('.reprice-notice__message'))).toBe('1 åtgärd har ett annat pris än biblioteket.');
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('130 000 kr');
    await notice.getByRole('button', { name: 'Visa åtgärderna' }).click();
    const candidate = notice.locator(`tr[data-reprice-action-id="${stored!.id}"]`);
    await candidate.waitFor();
    expect(await textOf(candidate.locator('th'))).toBe('Byte av takbeläggning, betongpannor');
    expect((await candidate.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['', '1 300 kr (2025)', '1 400 kr (2026)']);
    expect(await candidate.getByRole('checkbox', { name: 'Uppdatera Byte av takbeläggning, betongpannor' }).isChecked()).toBe(true);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'reprice-notice-sv');

    await notice.getByRole('button', { name: 'Uppdatera priser' }).click();
    const changeSet = page.getByTestId('change-set-notice');
    await changeSet.getByText('1 åtgärd fick bibliotekets pris.').waitFor();
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('140 000 kr');
    await eventually(() => notice.count()).toBe(0);
    expect((await actionsOf(api, fixture.planId))[0]).toMatchObject({ unitPrice: 1400, baseYear: 2026, libraryItemId: roofTiles!.id });
    await saveScreenshot(page, 'reprice-done-sv');

    await changeSet.getByRole('button', { name: 'Ångra' }).click();
    await changeSet.getByText('Ändringen är ångrad.').waitFor();
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('130 000 kr');
    await eventually(() => textOf(notice.locator('.reprice-notice__message'))).toBe('1 åtgärd har ett annat pris än biblioteket.');
    expect((await actionsOf(api, fixture.planId))[0]).toMatchObject({ unitPrice: 1300, baseYear: 2025, libraryItemId: roofTiles!.id });

    // A viewer sees how many, not the button.
    const viewer = await openPage(browser);
    const viewerApi = await signUpThroughApi(viewer.context, e2e.baseUrl, {
      email: 'olle@brf-lonnen.se',
      password: 'lönnar och ekar i parken',
      name: 'Olle Ledamot',
      accountName: 'Olles konto',
    });
    await addMemberThroughApi(api, viewerApi, 'olle@brf-lonnen.se', 'viewer');
    await viewer.page.goto(fixture.planUrl);
    const viewerNotice = viewer.page.getByTestId('reprice-notice');
    await eventually(() => textOf(viewerNotice.locator('.reprice-notice__message'))).toBe('1 åtgärd har ett annat pris än biblioteket.');
    expect(await viewerNotice.getByRole('button', { name: 'Uppdatera priser' }).count()).toBe(0);
    await viewer.page.getByLabel('Språk', { exact: true }).selectOption('en');
    await eventually(() => textOf(viewerNotice.locator('.reprice-notice__message'))).toBe('1 action has a different price from the library.');
    await saveScreenshot(viewer.page, 'reprice-notice-viewer-en');
    expect(viewer.problems).toEqual([]);
    await viewer.context.close();

    // Removing the link is a change of its own; the plan then has nothing to reprice.
    await page.goto(actionUrl);
    await page.getByRole('button', { name: 'Redigera' }).click();
    await link.getByRole('button', { name: 'Ta bort koppling' }).click();
    await page.getByText('Kopplingen till biblioteket tas bort när du sparar.').waitFor();
    const unlink = page.waitForRequest((request) => request.method() === 'PATCH');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    expect((await unlink).postDataJSON()).toEqual({ libraryItemId: null });
    await eventually(() => textOf(libraryDetail)).toBe('Inte kopplad');
    await page.goto(fixture.planUrl);
    await eventually(() => textOf(page.getByTestId('grand-total'))).toBe('130 000 kr');
    expect(await page.getByTestId('reprice-notice').count()).toBe(0);

    // In English, a tap (a click here) picks as well as the keyboard.
    const [roofWash] = await api.get<StoredItem[]>(`/api/library/items?accountId=${api.accountId}&q=moss`);
    expect(roofWash?.name.en).toBe('Roof washing and moss treatment');
    await page.goto(`${fixture.planUrl}/actions/new`);
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    const englishName = page.getByRole('combobox', { name: 'Name' });
    await englishName.pressSequentially('moss');
    const washOption = page.getByRole('listbox', { name: 'Suggestions from the library' }).getByRole('option', { name: /Roof washing and moss treatment/ });
    expect(await textOf(washOption)).toBe('Roof washing and moss treatment Roof · m² · lifetime 10 years · indicative price SEK 85/m² (2025)');
    await washOption.click();
    expect({
      name: await englishName.inputValue(),
      unitPrice: await valueOf(page, 'Unit price (SEK)'),
      baseYear: await valueOf(page, 'Base year'),
      intervalYears: await valueOf(page, 'Interval (years)'),
    }).toEqual({ name: 'Roof washing and moss treatment', unitPrice: '85', baseYear: '2025', intervalYears: '10' });
    expect(await textOf(link)).toBe(`From the library: Roof washing and moss treatment Source: ${roofWash!.source} Remove link`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await saveScreenshot(page, 'library-linked-form-en');
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
