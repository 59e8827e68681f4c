import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { signUpThroughApi, type ApiSession, addMemberThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, expectTitle, normalise, textOf } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The action screens as an editor and a viewer meet them: the form in Swedish with Swedish
 * numbers, client and server messages, edit, mark done (recurring and one-off, and the 409 of a
 * second completion), delete, English texts and a tablet-sized page.
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

/**
 * The plan of docs/product/cost-model.md § Worked example: 2026–2055, client cost 10 %, indexation
 * 2 % from 2026, VAT 25 %.
 */
const examplePlan = {
  startYear: 2026,
  lengthYears: 30,
  clientCostPercent: 10,
  vatPercent: 25,
  indexation: { enabled: true, annualRatePercent: 2, defaultBaseYear: 2026 },
};

interface StoredAction {
  id: string;
  name: string;
  category: string;
  buildingId: string | null;
  locationId: string | null;
  quantity: number;
  unit: string;
  unitPrice: number;
  year: number;
  intervalYears: number | null;
  status: string;
  baseYear: number | null;
  isInvestment: boolean;
  tags: string[];
  note: string;
}

/** The table's rows in one read, so a re-render between rows cannot mix old and new ones. */
async function rowsOf(page: Page, tableClass: string): Promise<string[]> {
  return (await page.locator(`table.${tableClass} tbody tr`).allInnerTexts()).map(normalise);
}

/** The browser logs every 4xx answer as a console error; these are the ones a step expects. */
function withoutExpectedAnswers(problems: string[], statuses: number[]): string[] {
  return problems.filter((problem) => !statuses.some((status) => problem.includes(`status of ${status}`)));
}

/**
 * An admin who has chosen exact amounts: these journeys check costs to the öre (a new user sees
 * them display-rounded; display-rounding.e2e.test.ts covers that).
 */
async function signUpAdmin(context: Parameters<typeof signUpThroughApi>[0], email: string): Promise<ApiSession> {
  const api = await signUpThroughApi(context, e2e.baseUrl, { email, password: 'ekar och lönnar i parken', name: 'Anna Ordförande', accountName: 'Brf Eken' });
  await api.patch('/api/auth/display-preferences', { isRounded: false });
  return api;
}

describe('action screens', () => {
  it('creates a recurring action in Swedish, edits it, marks it done and deletes it', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpAdmin(context, 'anna@brf-eken.se');
    const fixture = await createPlanFixture(api, e2e.baseUrl, { plan: examplePlan, buildings: ['Hus A'], locations: ['Trapphus 1'] });

    await page.goto(`${fixture.planUrl}/actions/new`);
    await page.getByRole('heading', { name: 'Ny åtgärd', level: 1 }).waitFor();
    await expectTitle(page, 'Ny åtgärd · Underhållsplan');
    expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe('2026');
    expect(await page.getByLabel('Status').inputValue()).toBe('planned');

    // Empty: every required field says so in Swedish, and focus lands on the first of them.
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await eventually(() => page.getByText('Fältet måste fyllas i.').count()).toBe(4);
    // Focus moves to the first invalid field in an effect, after the messages have rendered.
    await eventually(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('name');
    await saveScreenshot(page, 'action-form-errors-sv');

    await page.getByLabel('Benämning').fill('Målning fönster');
    await page.getByLabel('Kategori').selectOption({ label: 'Fasad' });
    await page.getByLabel('Byggnad').selectOption({ label: 'Hus A' });
    await page.getByLabel('Läge').selectOption({ label: 'Trapphus 1' });
    await page.getByLabel('Mängd').fill('40');
    await page.getByLabel('À-pris (kr)').fill('1 234,50');
    await page.getByLabel('År', { exact: true }).fill('2027');
    await page.getByLabel('Återkommande').check();
    await page.getByLabel('Intervall (år)').fill('8');
    await page.getByLabel('Taggar').fill('P-104');
    await page.getByLabel('Taggar').press('Enter');
    await page.getByRole('button', { name: 'Ta bort taggen P-104' }).waitFor();
    await page.getByLabel('Anteckning').fill('Kulör enligt färgsättningsplan 2019.');

    // 40 × 1 234,50 × 1,10 = 54 318 kr at the 2026 price level; 2 % indexation to 2027.
    const preview = page.locator('.cost-preview');
    await eventually(() => textOf(preview)).toBe(
      'Kostnad per tillfälle 54 318 kr Mängd × à-pris + byggherrekostnad 10 %, exklusive moms. ' +
        'I prisnivån för 2026. Indexeringen (2 % per år) räknas per år: år 2027 blir det 55 404,36 kr.',
    );

    // The building is deleted elsewhere meanwhile: the server's 400 shows beside the field.
    await api.delete(`/api/buildings/${fixture.buildingIds[0]}`);
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.getByText('Byggnaden hör inte till den här fastigheten.').waitFor();
    await page.getByText('Kontrollera de markerade fälten.').waitFor();
    await eventually(() => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('buildingId');

    // A new building right from the form, chosen at once.
    await page.getByRole('button', { name: '+ Ny byggnad' }).click();
    await page.getByLabel('Namn på den nya byggnaden').fill('Hus B');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.getByRole('button', { name: '+ Ny byggnad' }).waitFor();
    // The new building is chosen once the property's buildings are fetched again and it is an option.
    await eventually(() => page.getByLabel('Byggnad').locator('option:checked').innerText()).toBe('Hus B');

    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.waitForURL(fixture.planUrl);
    const [stored] = await api.get<StoredAction[]>(`/api/plans/${fixture.planId}/actions`);
    const buildings = await api.get<{ id: string; name: string }[]>(`/api/properties/${fixture.propertyId}/buildings`);
    expect(buildings.map(({ name }) => name)).toEqual(['Hus B']);
    expect(stored).toMatchObject({
      name: 'Målning fönster',
      category: 'fasad',
      buildingId: buildings[0]?.id,
      locationId: fixture.locationIds[0],
      quantity: 40,
      unit: 'st',
      unitPrice: 1234.5,
      year: 2027,
      intervalYears: 8,
      status: 'planned',
      baseYear: null,
      isInvestment: false,
      tags: ['P-104'],
      note: 'Kulör enligt färgsättningsplan 2019.',
    });
    const actionUrl = `${fixture.planUrl}/actions/${stored!.id}`;

    await page.goto(actionUrl);
    await page.getByRole('heading', { name: 'Målning fönster', level: 1 }).waitFor();
    await expectTitle(page, 'Målning fönster · Underhållsplan');
    const details = page.locator('.action-details');
    // Building and location names load on their own, after the action.
    await eventually(() => textOf(details)).toContain('Kategori Fasad Status Planerad Byggnad Hus B Läge Trapphus 1 Mängd 40 st');
    expect(await textOf(details)).toContain('Intervall vart 8:e år Basår Planens basår (2026)');
    expect(await textOf(details)).toContain('Kostnad per tillfälle, exkl. moms 54 318 kr');
    await page.locator('table.action-occurrences').waitFor();
    expect(await rowsOf(page, 'action-occurrences')).toEqual([
      '2027 Planerad 55 404,36 kr',
      '2035 Planerad 64 915,04 kr',
      '2043 Planerad 76 058,31 kr',
      '2051 Planerad 89 114,44 kr',
    ]);
    await page.getByText('Åtgärden har inte markerats som genomförd än.').waitFor();
    await saveScreenshot(page, 'action-page-sv');

    // Edit: only the changed field is sent.
    await page.getByRole('button', { name: 'Redigera' }).click();
    await page.getByRole('heading', { name: 'Redigera åtgärden' }).waitFor();
    expect(await page.getByLabel('À-pris (kr)').inputValue()).toBe('1234,5');
    await page.getByLabel('À-pris (kr)').fill('1 300');
    const patch = page.waitForRequest((request) => request.method() === 'PATCH');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    expect((await patch).postDataJSON()).toEqual({ unitPrice: 1300 });
    await page.getByText('Ändringarna är sparade.').waitFor();
    await page.locator('table.action-occurrences').getByText('58 344 kr').waitFor();

    // Mark done with an actual cost: a recurring action moves on by its interval.
    await page.getByRole('button', { name: 'Markera som genomförd' }).click();
    const dialog = page.getByRole('dialog', { name: 'Markera ”Målning fönster” som genomförd' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Genomförd år').inputValue()).toBe('2027');
    await dialog.getByText('Åtgärden återkommer vart 8:e år, så den flyttas till 2035 med status Planerad.').waitFor();
    await dialog.getByLabel('Faktisk kostnad (kr, valfritt)').fill('58 250,50');
    await dialog.getByLabel('Anteckning (valfritt)').fill('Målat av Färg AB');
    await dialog.getByRole('button', { name: 'Markera som genomförd' }).click();
    await page.getByText('Genomförd 2027 är sparad. Nästa tillfälle är 2035.').waitFor();
    await eventually(() => dialog.isVisible()).toBe(false);
    // The confirmation shows once the completion is saved; history, occurrences and details follow
    // when they are fetched again (2043 was an occurrence before too, so waiting for it proves nothing).
    await eventually(() => rowsOf(page, 'completion-history')).toEqual([
      expect.stringMatching(/^2027 58 250,50 kr Målat av Färg AB Anna Ordförande \(du\) \d+ [a-z]+\.? 20\d\d \d\d:\d\d$/),
    ]);
    await eventually(() => rowsOf(page, 'action-occurrences')).toEqual([
      '2035 Planerad 68 359,29 kr',
      '2043 Planerad 80 093,81 kr',
      '2051 Planerad 93 842,66 kr',
    ]);
    await eventually(() => textOf(details)).toContain('År 2035');

    // English, and including VAT.
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Completed occurrences' }).waitFor();
    await page.getByLabel('Incl. VAT').check();
    await page.locator('table.action-occurrences').getByText('Cost incl. VAT').waitFor();
    await eventually(() => textOf(details)).toContain('Interval every 8 years Base year The plan’s base year (2026)');
    await eventually(() => textOf(details)).toContain('Cost per occurrence, incl. VAT SEK 71,500');
    // The occurrences are fetched again with VAT; the table's heading changes before they arrive.
    await eventually(async () => (await rowsOf(page, 'action-occurrences'))[0]).toBe('2035 Planned SEK 85,449.12');
    await saveScreenshot(page, 'action-page-en');
    await page.getByLabel('Excl. VAT').check();
    await page.getByLabel('Language', { exact: true }).selectOption('sv');

    // A tablet held upright: nothing wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('heading', { name: 'Genomförda tillfällen' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await saveScreenshot(page, 'action-page-tablet');
    await page.getByRole('button', { name: 'Redigera' }).click();
    await page.getByRole('heading', { name: 'Redigera åtgärden' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await saveScreenshot(page, 'action-form-tablet');
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.setViewportSize({ width: 1024, height: 768 });

    // Delete asks first; cancelling keeps it, confirming goes back to the plan.
    await page.getByRole('button', { name: 'Ta bort' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ta bort ”Målning fönster”?' });
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await eventually(() => confirm.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Ta bort' }).click();
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await page.waitForURL(fixture.planUrl);
    expect(await api.get(`/api/plans/${fixture.planId}/actions`)).toEqual([]);

    // The deleted action's address says so, with the way back.
    await page.goto(actionUrl);
    await page.getByRole('heading', { name: 'Åtgärden hittades inte' }).waitFor();
    await page.getByRole('link', { name: 'Tillbaka till planen' }).waitFor();
    await page.goto(`${fixture.planUrl}/actions/inte-ett-id`);
    await page.getByRole('heading', { name: 'Åtgärden hittades inte' }).waitFor();
    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/plans/6f1d4c8e-2b7a-4e4f-9c1d-0a9b8c7d6e5f/actions/new`);
    await page.getByRole('heading', { name: 'Planen hittades inte' }).waitFor();
    await page.getByRole('link', { name: 'Till startsidan' }).waitFor();

    expect(withoutExpectedAnswers(problems, [400, 404])).toEqual([]);
  });

  it('marks a one-off action done, and says so when someone else already did', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpAdmin(context, 'bo@brf-eken.se');
    const oneOff = { category: 'brand-sakerhet', quantity: 1, unit: 'st', unitPrice: 45_000, year: 2028 };
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      plan: examplePlan,
      actions: [
        { ...oneOff, name: 'Byte av entrédörr' },
        { ...oneOff, name: 'Byte av porttelefon', category: 'tele' },
      ],
    });

    await page.goto(`${fixture.planUrl}/actions/${fixture.actionIds[0]}`);
    await page.getByRole('heading', { name: 'Byte av entrédörr' }).waitFor();
    expect(await textOf(page.locator('.action-details'))).toContain('Intervall engångsåtgärd');
    await page.getByRole('button', { name: 'Markera som genomförd' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Engångsåtgärden får status Genomförd år 2028').waitFor();
    await dialog.getByRole('button', { name: 'Markera som genomförd' }).click();
    await page.getByText('Genomförd 2028 är sparad. Engångsåtgärden är klar.').waitFor();
    // The confirmation shows once the completion is saved; the page follows when the action is fetched again.
    await eventually(() => textOf(page.locator('.action-title'))).toBe('Byte av entrédörr Genomförd');
    await eventually(() => page.getByRole('button', { name: 'Markera som genomförd' }).count()).toBe(0);
    await page.getByText('Engångsåtgärden är redan genomförd.', { exact: false }).first().waitFor();
    await page.getByText('Engångsåtgärden är genomförd och har inga fler tillfällen.').waitFor();
    await eventually(() => rowsOf(page, 'completion-history')).toEqual([expect.stringMatching(/^2028 Ej angiven Anna Ordförande \(du\) /)]);

    // Completed in another tab while the dialog is open: the server's 409, translated.
    await page.goto(`${fixture.planUrl}/actions/${fixture.actionIds[1]}`);
    await page.getByRole('heading', { name: 'Byte av porttelefon' }).waitFor();
    await page.getByRole('button', { name: 'Markera som genomförd' }).click();
    await api.post(`/api/actions/${fixture.actionIds[1]}/complete`, {});
    await page.getByRole('dialog').getByRole('button', { name: 'Markera som genomförd' }).click();
    await page.getByRole('dialog').getByText('Åtgärden är en engångsåtgärd och redan genomförd.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);

    expect(withoutExpectedAnswers(problems, [409])).toEqual([]);
  });

  it('adds several actions in a row in English, keeping category, building and location', async () => {
    const { page, context, problems } = await openPage(browser);
    const api = await signUpAdmin(context, 'erik@brf-eken.se');
    const fixture = await createPlanFixture(api, e2e.baseUrl, { plan: examplePlan, buildings: ['Hus A', 'Hus B'], locations: ['Vind'] });

    await page.goto(`${fixture.planUrl}/actions/new`);
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'New action', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Roof inspection');
    await page.getByLabel('Category').selectOption({ label: 'Roof' });
    await page.getByLabel('Building').selectOption({ label: 'Hus B' });
    await page.getByLabel('Location').selectOption({ label: 'Vind' });
    await page.getByLabel('Quantity').fill('ten');
    await page.getByLabel('Unit price (SEK)').fill('1,234.50');
    await page.getByRole('button', { name: 'Save and add another' }).click();
    await page.getByText('Enter a number.').waitFor();
    await eventually(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('quantity');
    await page.getByLabel('Quantity').fill('1');
    await page.getByLabel('Recurring').check();
    await page.getByLabel('Interval (years)').fill('2');
    await eventually(() => textOf(page.locator('.cost-preview'))).toContain('SEK 1,357.95');
    await page.getByRole('button', { name: 'Save and add another' }).click();

    await page.getByText('“Roof inspection” was saved. Fill in the next action; category, building and location are kept.').waitFor();
    // The form is reset for the next action around the confirmation: read each field once it has.
    await eventually(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await eventually(() => page.getByLabel('Category').inputValue()).toBe('yttertak');
    await eventually(() => page.getByLabel('Building').locator('option:checked').innerText()).toBe('Hus B');
    await eventually(() => page.getByLabel('Location').locator('option:checked').innerText()).toBe('Vind');
    await eventually(() => page.getByLabel('Recurring').isChecked()).toBe(false);
    await page.getByLabel('Name', { exact: true }).fill('Gutter replacement');
    await page.getByLabel('Quantity').fill('64');
    await page.getByLabel('Unit', { exact: true }).fill('m');
    await page.getByLabel('Unit price (SEK)').fill('850');
    await page.getByLabel('Year', { exact: true }).fill('2031');
    await page.getByLabel('Investment').check();
    await page.getByRole('button', { name: 'Save action' }).click();
    await page.waitForURL(fixture.planUrl);

    const stored = await api.get<StoredAction[]>(`/api/plans/${fixture.planId}/actions`);
    expect(
      stored.map(({ name, category, buildingId, locationId, quantity, unit, unitPrice, year, intervalYears, isInvestment }) => ({
        name,
        category,
        buildingId,
        locationId,
        quantity,
        unit,
        unitPrice,
        year,
        intervalYears,
        isInvestment,
      })),
    ).toEqual([
      {
        name: 'Roof inspection',
        category: 'yttertak',
        buildingId: fixture.buildingIds[1],
        locationId: fixture.locationIds[0],
        quantity: 1,
        unit: 'st',
        unitPrice: 1234.5,
        year: 2026,
        intervalYears: 2,
        isInvestment: false,
      },
      {
        name: 'Gutter replacement',
        category: 'yttertak',
        buildingId: fixture.buildingIds[1],
        locationId: fixture.locationIds[0],
        quantity: 64,
        unit: 'm',
        unitPrice: 850,
        year: 2031,
        intervalYears: null,
        isInvestment: true,
      },
    ]);

    // The next new action in this tab starts in the category last used.
    await page.goto(`${fixture.planUrl}/actions/new`);
    await page.getByRole('heading', { name: 'New action', level: 1 }).waitFor();
    expect(await page.getByLabel('Category').inputValue()).toBe('yttertak');

    expect(problems).toEqual([]);
  });

  it('shows a viewer the action read-only, with its discussion, and no way to create one', async () => {
    const admin = await openPage(browser);
    const api = await signUpAdmin(admin.context, 'cecilia@brf-eken.se');
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      plan: examplePlan,
      actions: [{ name: 'OVK', category: 'myndighet', quantity: 1, unit: 'st', unitPrice: 12_000, year: 2027, intervalYears: 6 }],
    });
    const viewer = await openPage(browser);
    const viewerApi = await signUpThroughApi(viewer.context, e2e.baseUrl, {
      email: 'david@example.se',
      password: 'kassaboken stämmer alltid',
      name: 'David Revisor',
      accountName: 'Davids konto',
    });
    await addMemberThroughApi(api, viewerApi, 'david@example.se', 'viewer');
    await api.post(`/api/actions/${fixture.actionIds[0]}/complete`, { year: 2027, actualCost: 11_500 });

    const { page } = viewer;
    await page.goto(`${fixture.planUrl}/actions/${fixture.actionIds[0]}`);
    await page.getByRole('heading', { name: 'OVK', level: 1 }).waitFor();
    await page.getByText('Du kan läsa åtgärden och kommentera den.', { exact: false }).waitFor();
    expect(await textOf(page.locator('.action-details'))).toContain('Intervall vart 6:e år');
    // The history names the member who recorded the completion.
    await eventually(() => rowsOf(page, 'completion-history')).toEqual([expect.stringMatching(/^2027 11 500 kr Anna Ordförande \d/)]);
    for (const name of ['Redigera', 'Ta bort', 'Markera som genomförd']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    // Viewers may comment and attach files (docs/product/domain.md § Roles): both sections are
    // there for them.
    await page.locator('.action-discussion').getByRole('heading', { name: 'Kommentarer', exact: true }).waitFor();
    await page.locator('.action-discussion').getByRole('heading', { name: 'Bilagor', exact: true }).waitFor();
    await page.getByLabel('Ny kommentar').focus();

    await page.goto(`${fixture.planUrl}/actions/new`);
    await page.getByRole('heading', { name: 'Du kan inte lägga till åtgärder' }).waitFor();
    expect(await page.getByRole('button', { name: 'Spara åtgärden' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Tillbaka till planen' }).waitFor();

    expect(admin.problems).toEqual([]);
    expect(viewer.problems).toEqual([]);
  });
});
