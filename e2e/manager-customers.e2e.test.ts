import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { findClippedCells } from './support/clipped-cells.ts';
import { addMemberThroughApi } from './support/api-session.ts';
import { openPage } from './support/browser-page.ts';
import { desktop, managerSignUp, signedUpPage, startJourney } from './support/journey.ts';
import { eventually, expectTitle, textOf } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * A property manager's customers (docs/decisions/0040-customer-accounts.md): the manager creates a
 * cooperative's account on trial, works in it, and its board meets a plain explanation, not an
 * error, once the manager pauses it.
 */
const e2e = startJourney();

const { password } = managerSignUp;

/** A date as the web app shows it in Swedish (web/lib/i18n/format-date.ts). */
const swedishDate = (date: Date) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium' }).format(date);
const dayMs = 24 * 60 * 60 * 1000;

/** Each customer row as "name · status · trial end · properties · deleted on". */
async function customerRows(page: Page): Promise<string[]> {
  const rows: string[] = [];
  for (const row of await page.locator('table tbody tr').all()) {
    const cells = row.locator('td');
    rows.push((await Promise.all([0, 1, 2, 3, 4].map((index) => textOf(cells.nth(index))))).join(' · '));
  }
  return rows;
}

it('lets a manager create a customer on a 30-day trial, open it, and pause it, and tells its board why it cannot get in', async () => {
  const manager = await signedUpPage(e2e, managerSignUp, desktop);
  const { api } = manager;
  await createPlanFixture(api, e2e.baseUrl);
  const { page } = manager;
  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).click();
  await expectTitle(page, 'Kunder');
  await page.getByRole('heading', { name: 'Inga kunder ännu' }).waitFor();
  expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

  // A blank name and a trial too long are refused beside their fields.
  await page.getByLabel('Provperiodens längd i dagar').fill('400');
  await page.getByRole('button', { name: 'Skapa kunden' }).click();
  await page.getByText('Fältet måste fyllas i.').waitFor();
  await page.getByText('Ange en provperiod på 1–365 dagar.').waitFor();

  await page.getByLabel('Kundens namn').fill('Brf Eken');
  expect(await page.getByLabel('Börja med en provperiod').isChecked()).toBe(true);
  await page.getByLabel('Provperiodens längd i dagar').fill('30');
  const createdAt = Date.now();
  await page.getByRole('button', { name: 'Skapa kunden' }).click();
  await page.getByText('Kunden ”Brf Eken” är skapad.').waitFor();
  const trialEnd = swedishDate(new Date(createdAt + 30 * dayMs));
  await eventually(() => customerRows(page)).toEqual([`Brf Eken · Provperiod · ${trialEnd} · 0 · Inte planerat`]);

  // Without a trial the customer is active at once.
  await page.getByLabel('Kundens namn').fill('Brf Lönnen');
  await page.getByLabel('Börja med en provperiod').uncheck();
  expect(await page.getByLabel('Provperiodens längd i dagar').isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Skapa kunden' }).click();
  await eventually(() => customerRows(page)).toEqual([
    `Brf Eken · Provperiod · ${trialEnd} · 0 · Inte planerat`,
    'Brf Lönnen · Aktiv · Ingen provperiod · 0 · Inte planerat',
  ]);
  await saveScreenshot(page, 'customers-sv');
  expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  // Every button of a row stays whole, also at a tablet's width.
  expect(await findClippedCells(page)).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await findClippedCells(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The same list in English.
  await page.getByLabel('Språk', { exact: true }).selectOption('en');
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  const englishTrialEnd = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(createdAt + 30 * dayMs));
  await eventually(() => customerRows(page)).toEqual([
    `Brf Eken · Trial · ${englishTrialEnd} · 0 · Not planned`,
    'Brf Lönnen · Active · No trial · 0 · Not planned',
  ]);
  await page.getByRole('button', { name: 'Make inactive: Brf Eken' }).waitFor();
  await saveScreenshot(page, 'customers-en');
  await page.getByLabel('Language', { exact: true }).selectOption('sv');
  await page.getByRole('heading', { name: 'Kunder', level: 1 }).waitFor();

  // The customer opens as an account of its own, which the switcher lists beside the manager's.
  await page.getByRole('link', { name: 'Öppna Brf Eken' }).click();
  await page.getByRole('heading', { name: 'Brf Eken', level: 1 }).waitFor();
  const customerUrl = page.url();
  const customerId = /\/accounts\/([^/]+)$/.exec(customerUrl)?.[1];
  expect(customerId).toBeDefined();
  await eventually(() => page.getByLabel('Konto', { exact: true }).locator('option').allTextContents()).toEqual(['Brf Eken', 'Brf Lönnen', 'Förvaltning AB']);
  // One level only: a customer account has no customers menu of its own for the manager.
  expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kunder' }).count()).toBe(0);

  // The board, invited to the customer, works in it while the trial lasts.
  const board = await signedUpPage(e2e, { email: 'styrelsen@brf-eken.se', password, name: 'Eva Ordförande', accountName: 'Eva privat' }, desktop);
  const boardApi = board.api;
  await addMemberThroughApi({ ...api, accountId: customerId! }, boardApi, 'styrelsen@brf-eken.se', 'viewer');
  await board.page.goto(customerUrl);
  await board.page.getByText('Inga organisationer ännu').waitFor();

  // Pausing asks first and says what it means for the board and when the account is deleted.
  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/customers`);
  await page.getByRole('button', { name: 'Gör inaktiv: Brf Eken' }).click();
  const dialog = page.getByRole('dialog', { name: 'Göra ”Brf Eken” inaktiv?' });
  await dialog.waitFor();
  expect(await textOf(dialog.locator('.dialog__body'))).toBe(
    `Kundens egna medlemmar, till exempel styrelsen, förlorar åtkomsten till kontot direkt. Ni behåller er. Kontot raderas med allt det innehåller den ${swedishDate(new Date(Date.now() + 183 * dayMs))} (183 dagar från i dag) om det inte görs aktivt igen före dess; administratörerna här får e-post 30 och 7 dagar innan.`,
  );
  await saveScreenshot(page, 'customers-pause-dialog-sv');
  await dialog.getByRole('button', { name: 'Gör inaktiv' }).click();
  await page.getByText('”Brf Eken” är inaktiv. Kundens egna medlemmar kommer inte längre åt kontot.').waitFor();
  await eventually(() => customerRows(page)).toEqual([
    `Brf Eken · Inaktiv · Ingen provperiod · 0 · ${swedishDate(new Date(Date.now() + 183 * dayMs))}`,
    'Brf Lönnen · Aktiv · Ingen provperiod · 0 · Inte planerat',
  ]);

  // The board meets a page that says why, not an error, with the ways on.
  await board.page.goto(customerUrl);
  await board.page.getByRole('heading', { name: 'Kontot är inaktivt', level: 1 }).waitFor();
  expect(await textOf(board.page.locator('.inactive-account'))).toBe(
    [
      'Kontot är inaktivt',
      '”Brf Eken” är inte aktivt just nu: provperioden har gått ut, eller Förvaltning AB har pausat kontot.',
      'Fastigheterna, planerna och allt annat i kontot finns kvar tills vidare, men ingen av kontots egna medlemmar kommer åt dem förrän kontot är aktivt igen.',
      'Kontakta Förvaltning AB om ni vill fortsätta använda kontot.',
      'Vill du göra något annat?',
      'Öppna Eva privat',
      'Skapa ett nytt konto',
    ].join(' '),
  );
  await saveScreenshot(board.page, 'inactive-account-sv');
  expect(await findSeriousAccessibilityViolations(board.page)).toEqual([]);
  // The manager still works in it.
  await page.goto(customerUrl);
  await page.getByText('Inga organisationer ännu').waitFor();

  // A new trial end brings it back for the board.
  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/customers`);
  await page.getByRole('button', { name: 'Förläng provperioden för Brf Eken' }).click();
  const extend = page.getByRole('dialog', { name: 'Provperiod för ”Brf Eken”' });
  await extend.getByLabel('Provperioden gäller till och med').fill('2099-12-31');
  await extend.getByRole('button', { name: 'Spara slutdatum' }).click();
  await page.getByText(`Provperioden för ”Brf Eken” gäller till och med ${swedishDate(new Date(2099, 11, 31, 23, 59))}.`).waitFor();
  await eventually(() => customerRows(page)).toEqual([
    `Brf Eken · Provperiod · ${swedishDate(new Date(2099, 11, 31, 23, 59))} · 0 · Inte planerat`,
    'Brf Lönnen · Aktiv · Ingen provperiod · 0 · Inte planerat',
  ]);
  await board.page.goto(customerUrl);
  await board.page.getByText('Inga organisationer ännu').waitFor();

  expect(manager.problems).toEqual([]);
  expect(board.problems).toEqual([]);
}, 120_000);

it('lets a manager move a property into a customer and invite its board as viewers of that property, which is all the board then sees', async () => {
  const manager = await signedUpPage(e2e, { email: 'lars@forvaltning.se', password, name: 'Lars Förvaltare', accountName: 'Lars Förvaltning' }, desktop);
  const { api } = manager;
  // The manager's own property and plan, made before the cooperative became a customer.
  const asken = await createPlanFixture(api, e2e.baseUrl, { property: { name: 'Asken 1' } });
  const customer = await api.post<{ accountId: string }>(`/api/accounts/${api.accountId}/customers`, { name: 'Brf Asken', trialDays: 30 });
  // The manager works in the customer through the manager account: an organisation to move into, and a second one with a property of its own.
  const inCustomer = { ...api, accountId: customer.accountId };
  await inCustomer.post(`/api/accounts/${customer.accountId}/organisations`, { name: 'Brf Asken' });
  const garage = await inCustomer.post<{ id: string }>(`/api/accounts/${customer.accountId}/organisations`, { name: 'Askens garage' });
  const garageProperty = await inCustomer.post<{ id: string }>(`/api/organisations/${garage.id}/properties`, { name: 'Garaget' });

  const { page } = manager;
  // The property moves into the customer through the property page's dialog.
  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${asken.propertyId}`);
  await page.getByRole('button', { name: 'Flytta fastighet' }).click();
  const move = page.getByRole('dialog', { name: 'Flytta Asken 1' });
  await move.getByLabel('Till organisation').selectOption({ label: 'Brf Asken' });
  await move.getByRole('button', { name: 'Flytta', exact: true }).click();
  await page.getByText('Asken 1 har flyttats till Brf Asken.').waitFor();
  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/customers`);
  await eventually(() => customerRows(page)).toEqual([`Brf Asken · Provperiod · ${swedishDate(new Date(Date.now() + 30 * dayMs))} · 2 · Inte planerat`]);

  await page.goto(`${e2e.baseUrl}/accounts/${customer.accountId}/members`);
  await page.getByRole('heading', { name: 'Nuvarande medlemmar' }).waitFor();
  await page.getByLabel('E-postadress').fill('styrelsen@brf-asken.se');
  // An admin always reaches every property: the choice is fixed and says why.
  await page.getByLabel('Roll', { exact: true }).selectOption('admin');
  expect(await page.getByLabel('Valda fastigheter').isDisabled()).toBe(true);
  await page.getByText('En administratör når alltid alla fastigheter.').waitFor();
  await page.getByLabel('Roll', { exact: true }).selectOption('viewer');
  await page.getByLabel('Valda fastigheter').check();
  // None chosen is refused beside the choice.
  await page.getByRole('button', { name: 'Bjud in' }).click();
  await page.getByText('Välj minst en fastighet.').waitFor();
  const organisations = page.locator('.property-access__organisation legend');
  expect(await organisations.allTextContents()).toEqual(['Askens garage', 'Brf Asken']);
  await page.getByLabel('Asken 1').check();
  await saveScreenshot(page, 'members-invite-scoped-sv');
  expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Bjud in' }).click();
  await page.getByText('Inbjudan skickad till styrelsen@brf-asken.se.').waitFor();
  const pending = page.locator('section', { has: page.getByRole('heading', { name: 'Väntande inbjudningar', exact: true }) });
  await eventually(() => textOf(pending.locator('tbody tr').first())).toContain('styrelsen@brf-asken.se Läsa och kommentera Asken 1');

  // The board signs up through the e-mailed link and sees its own property only.
  const emailed = await e2e.database.db.selectFrom('outbox_emails').select('body').where('recipient', '=', 'styrelsen@brf-asken.se').executeTakeFirstOrThrow();
  const invitationPath = /\/invitations\/[\w-]+/.exec(emailed.body)?.[0];
  expect(invitationPath).toBeDefined();
  const board = await openPage(e2e.browser, desktop);
  await board.page.goto(`${e2e.baseUrl}${invitationPath}`);
  await board.page.getByText('Du når bara: Asken 1.').waitFor();
  await board.page.getByLabel('Ditt namn').fill('Greta Ordförande');
  await board.page.getByLabel('Välj ett lösenord').fill('styrelsen i brf asken');
  await board.page.getByLabel('Upprepa lösenordet').fill('styrelsen i brf asken');
  await board.page.getByRole('button', { name: 'Skapa konto och gå med' }).click();
  await board.page.waitForURL(`${e2e.baseUrl}/accounts/${customer.accountId}`);
  await board.page.getByRole('heading', { name: 'Asken 1' }).waitFor();
  expect(await board.page.getByText('Garaget').count()).toBe(0);
  // What the board cannot use is not offered: the library without its editing, no members or customers.
  const navigation = board.page.getByRole('navigation', { name: 'Huvudmeny' });
  expect(await navigation.getByRole('link').allTextContents()).toEqual(['Start', 'Bibliotek']);
  await board.page.goto(`${e2e.baseUrl}/accounts/${customer.accountId}/properties/${garageProperty.id}`);
  await board.page.getByText('Fastigheten finns inte längre, eller så hör den till ett annat konto.').waitFor();
  await board.page.goto(`${e2e.baseUrl}/accounts/${customer.accountId}/properties/${asken.propertyId}`);
  await board.page.getByRole('heading', { name: 'Asken 1', level: 1 }).waitFor();

  // The manager widens the board's access later, from the member's row.
  await page.reload();
  await page.getByRole('button', { name: 'Ändra åtkomst för Greta Ordförande' }).click();
  const dialog = page.getByRole('dialog', { name: 'Åtkomst för Greta Ordförande' });
  await dialog.getByLabel('Garaget').check();
  await dialog.getByRole('button', { name: 'Spara åtkomst' }).click();
  await page.getByText('Greta Ordförande når nu: Garaget, Asken 1.').waitFor();
  await board.page.goto(`${e2e.baseUrl}/accounts/${customer.accountId}/properties/${garageProperty.id}`);
  await board.page.getByRole('heading', { name: 'Garaget', level: 1 }).waitFor();

  expect(manager.problems).toEqual([]);
  // The other property's 404 is the answer asked for; the browser logs it as a failed load.
  expect(board.problems.filter((problem) => !problem.includes('status of 404'))).toEqual([]);
}, 120_000);
