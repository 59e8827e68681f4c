import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { categoryNames } from '../shared/categories.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { addMemberThroughApi, signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, normalise } from './support/page-reads.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { builtinLibrary } from '../server/features/library/builtin-library.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';

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

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const builtinItems = builtinLibrary().items;
const replaced = builtinItems[0]!;

const count = (page: Page) => page.locator('.library-filters__count').innerText();
/** The table row of the item named `name` in the page's language. */
const rowOf = (page: Page, name: string) => page.locator('.library-table tbody tr', { has: page.getByRole('rowheader', { name, exact: false }) });
/** The row's cells but its buttons, and the buttons' names. */
const cellsOf = async (page: Page, name: string) => (await rowOf(page, name).locator('th, td:not(.table__actions)').allInnerTexts()).map(normalise);
const buttonsOf = async (page: Page, name: string) => (await rowOf(page, name).getByRole('button').allInnerTexts()).map(normalise);

async function downloadLibrary(page: Page): Promise<ExcelJS.Workbook> {
  const [file]: [Download, unknown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exportera kontots poster till Excel' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  return workbook;
}

describe('the library screen', () => {
  it('searches, filters, adds an own item, replaces a built-in price and round-trips the account’s items through Excel, in Swedish and English', async () => {
    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'lova@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Lova Förvaltare',
      accountName: 'Brf Eken',
    });
    const total = builtinItems.length;

    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Bibliotek' }).click();
    await page.getByRole('heading', { name: 'Komponentbibliotek', level: 1 }).waitFor();
    expect(await count(page)).toBe(`Visar ${total} av ${total}`);
    expect(await cellsOf(page, replaced.name.sv)).toEqual([
      `${replaced.name.sv} ${replaced.name.en}`,
      categoryNames[replaced.category].sv,
      `${replaced.lifetimeYears} år`,
      normalise(`${new Intl.NumberFormat('sv-SE').format(replaced.unitPrice)} kr / ${replaced.unit} Riktpris (${replaced.priceYear})`),
      { replace: 'Byte', maintain: 'Underhåll', inspect: 'Besiktning' }[replaced.kind],
      replaced.source,
      'Inbyggd',
    ]);
    expect(await buttonsOf(page, replaced.name.sv)).toEqual(['Använd eget pris']);

    // Search: both languages, without accents; then no match, and back.
    const search = page.getByRole('searchbox', { name: 'Sök' });
    await search.fill(replaced.name.en.toUpperCase());
    const matching = builtinItems.filter((item) => `${item.name.sv}\n${item.name.en}`.toLowerCase().includes(replaced.name.en.toLowerCase()));
    await eventually(() => count(page)).toBe(`Visar ${matching.length} av ${total}`);
    await search.fill('xyzzy');
    await page.getByRole('heading', { name: 'Inga träffar' }).waitFor();
    await page.getByRole('button', { name: 'Visa alla' }).click();
    await eventually(() => count(page)).toBe(`Visar ${total} av ${total}`);
    await page.getByLabel('Kategori').selectOption(replaced.category);
    const inCategory = builtinItems.filter((item) => item.category === replaced.category).length;
    await eventually(() => count(page)).toBe(`Visar ${inCategory} av ${total}`);
    await page.getByLabel('Kategori').selectOption('');

    // An own item: every field checked with the API's messages, then saved.
    await page.getByRole('button', { name: 'Lägg till egen post' }).first().click();
    const form = page.locator('.library-form');
    await page.getByRole('heading', { name: 'Ny egen post' }).waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ny egen post');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    expect(await form.locator('.field__error').allInnerTexts()).toEqual([
      'Fältet måste fyllas i.',
      'Fältet måste fyllas i.',
      'Fältet måste fyllas i.',
      'Fältet måste fyllas i.',
    ]);
    await form.getByLabel('Namn', { exact: true }).fill('Byte av entrédörr, ramavtal');
    await form.getByLabel('Kategori').selectOption('fasad');
    await form.getByLabel('Livslängd (år)').fill('35');
    await form.getByLabel('Pris per enhet (kr exkl. moms)').fill('41 250,50');
    await form.getByLabel('Källa (valfritt)').fill('Ramavtal med Dörrbolaget 2026');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByText('”Byte av entrédörr, ramavtal” finns nu i kontots bibliotek.').waitFor();
    await eventually(() => count(page)).toBe(`Visar ${total + 1} av ${total + 1}`);
    const year = new Date().getFullYear();
    expect(await cellsOf(page, 'Byte av entrédörr, ramavtal')).toEqual([
      'Byte av entrédörr, ramavtal',
      'Fasad',
      '35 år',
      `41 250,50 kr / st Riktpris (${year})`,
      'Byte',
      'Ramavtal med Dörrbolaget 2026',
      'Kontots egen',
    ]);
    expect(await buttonsOf(page, 'Byte av entrédörr, ramavtal')).toEqual(['Ändra', 'Ta bort']);

    // Own price for a built-in item: the form starts from it, and the account's item takes its place.
    await page.getByRole('button', { name: `Använd eget pris för ${replaced.name.sv}` }).click();
    await page.getByRole('heading', { name: `Eget pris för ${replaced.name.sv}` }).waitFor();
    expect(await form.getByLabel('Namn på engelska (valfritt)').inputValue()).toBe(replaced.name.en);
    await form.getByLabel('Pris per enhet (kr exkl. moms)').fill('1 400');
    await form.getByLabel('Prisår').fill('2026');
    await form.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByText(`”${replaced.name.sv}” finns nu i kontots bibliotek.`).waitFor();
    await eventually(() => count(page)).toBe(`Visar ${total + 1} av ${total + 1}`);
    await eventually(async () => (await cellsOf(page, replaced.name.sv)).slice(3)).toEqual([
      `1 400 kr / ${replaced.unit} Riktpris (2026)`,
      { replace: 'Byte', maintain: 'Underhåll', inspect: 'Besiktning' }[replaced.kind],
      replaced.source,
      'Eget pris för inbyggd',
    ]);
    expect(await buttonsOf(page, replaced.name.sv)).toEqual(['Ändra', 'Ta bort']);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'library-sv');

    // Export, change the door's price, import: the review says what changes, the confirm does it.
    const workbook = await downloadLibrary(page);
    const sheet = workbook.getWorksheet('Bibliotek')!;
    expect(sheet.rowCount).toBe(4);
    const door = sheet.getRows(3, 2)!.find((row) => row.getCell(1).value === 'Byte av entrédörr, ramavtal')!;
    door.getCell(6).value = 45000;
    await page.getByRole('link', { name: 'Importera från Excel' }).click();
    await page.getByRole('heading', { name: 'Importera till kontots bibliotek' }).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'bibliotek.xlsx', mimeType: xlsxType, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
    await page.getByRole('heading', { name: 'Granska bibliotek.xlsx' }).waitFor();
    expect(normalise(await page.locator('.import-review__plan').innerText())).toBe('Vid import: 0 skapas, 1 uppdateras och 1 är oförändrade.');
    await page.getByRole('heading', { name: 'Poster som uppdateras' }).waitFor();
    expect((await page.locator('.import-updates tbody tr').allInnerTexts()).map(normalise)).toEqual([
      `${door.number} Byte av entrédörr, ramavtal Ändrade fält: 1 À-pris: 41 250,50 kr → 45 000 kr`,
    ]);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'library-import-review');
    await page.getByRole('button', { name: 'Importera 2 poster' }).click();
    await page.getByRole('heading', { name: '2 poster importerade' }).waitFor();
    expect(normalise(await page.locator('.import-result__counts').innerText())).toBe('0 skapade, 1 uppdaterade, 1 oförändrade.');
    await page.locator('.import-result').getByRole('link', { name: 'Till biblioteket' }).click();
    await eventually(async () => (await cellsOf(page, 'Byte av entrédörr, ramavtal'))[3]).toBe(`45 000 kr / st Riktpris (${year})`);

    // English: the same list in the other language.
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Component library', level: 1 }).waitFor();
    expect(await count(page)).toBe(`Showing ${total + 1} of ${total + 1}`);
    expect((await cellsOf(page, replaced.name.en)).slice(3, 7)).toEqual([
      `SEK 1,400 / ${replaced.unit} Indicative price (2026)`,
      { replace: 'Replacement', maintain: 'Maintenance', inspect: 'Inspection' }[replaced.kind],
      replaced.source,
      'Own price for built-in',
    ]);
    await page.getByRole('searchbox', { name: 'Search' }).fill('entrédörr');
    await eventually(() => count(page)).toBe(`Showing 1 of ${total + 1}`);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'library-en');
    expect(problems).toEqual([]);
  }, 120_000);

  it('deletes an own item after saying what happens to its actions, and shows a viewer the list without any control', async () => {
    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const admin = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'ines@brf-asken.se',
      password: 'ekar och lönnar i parken',
      name: 'Ines',
      accountName: 'Brf Asken',
    });
    await admin.post(`/api/accounts/${admin.accountId}/library-items`, {
      name: 'Rensning av dagvattenbrunnar',
      category: 'mark',
      unit: 'st',
      lifetimeYears: 5,
      unitPrice: 1800,
      priceYear: 2026,
    });
    const viewerContext = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    const viewerPage = await viewerContext.newPage();
    const viewer = await signUpThroughApi(viewerContext, e2e.baseUrl, {
      email: 'vide@brf-asken.se',
      password: 'ekar och lönnar i parken',
      name: 'Vide',
      accountName: 'Vide',
    });
    await addMemberThroughApi(admin, viewer, 'vide@brf-asken.se', 'viewer');
    await viewerPage.goto(`${e2e.baseUrl}/accounts/${admin.accountId}/library`);
    await viewerPage.getByText('Din roll i kontot är Läsa och kommentera: du ser biblioteket men kan inte ändra det.').waitFor();
    expect(await count(viewerPage)).toBe(`Visar ${builtinItems.length + 1} av ${builtinItems.length + 1}`);
    expect(await viewerPage.locator('.library-table').getByRole('button').count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Lägg till egen post' }).count()).toBe(0);
    expect(await viewerPage.getByRole('link', { name: 'Importera från Excel' }).count()).toBe(0);
    expect(await findSeriousAccessibilityViolations(viewerPage)).toEqual([]);
    await viewerContext.close();

    await page.goto(`${e2e.baseUrl}/accounts/${admin.accountId}/library`);
    await page.getByRole('button', { name: 'Ta bort Rensning av dagvattenbrunnar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort Rensning av dagvattenbrunnar?' });
    await dialog.getByText('Åtgärder som har hämtat värden från posten behåller sina värden men kopplas bort från den.').waitFor();
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('”Rensning av dagvattenbrunnar” är borttagen.').waitFor();
    await eventually(() => count(page)).toBe(`Visar ${builtinItems.length} av ${builtinItems.length}`);
    expect(await admin.get<unknown[]>(`/api/accounts/${admin.accountId}/library-items`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
