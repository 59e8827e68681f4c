import { expect, it } from 'vitest';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { desktop, managerSignUp, signedUpPage, startJourney } from './support/journey.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { eventually, expectTitle } from './support/page-reads.ts';
import { saveScreenshot } from './support/screenshots.ts';

const e2e = startJourney();

it("moves a property with its plan into another account's organisation, where it is found with its actions, and the old account no longer lists it", async () => {
  const { page, problems, api } = await signedUpPage(e2e, managerSignUp, desktop);
  const fixture = await createPlanFixture(api, e2e.baseUrl, {
    actions: [
      { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640, year: 2031 },
      { name: 'Relining', category: 'avlopp', quantity: 1, unit: 'st', unitPrice: 90000, year: 2029 },
    ],
  });
  const customer = await api.post<{ id: string }>('/api/accounts', { name: 'Brf Lönnen' });
  const customerOrganisation = await api.post<{ id: string }>(`/api/accounts/${customer.id}/organisations`, { name: 'Brf Lönnen' });
  await api.post(`/api/accounts/${api.accountId}/organisations`, { name: 'Förvaltningens garage' });

  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${fixture.propertyId}`);
  await expectTitle(page, 'Eken 1');
  await page.getByRole('button', { name: 'Flytta fastighet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flytta Eken 1' });
  await dialog.waitFor();
  // Moving without a choice says what is missing, and moves nothing.
  await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();
  await dialog.getByText('Välj vart den ska flyttas.').waitFor();
  // The account is named once where it bears the organisation's name.
  const target = dialog.getByLabel('Till organisation');
  expect(await target.locator('option').allTextContents()).toEqual(['Välj…', 'Brf Lönnen', 'Förvaltningens garage (Förvaltning AB)']);
  await target.selectOption({ label: 'Brf Lönnen' });
  await dialog.getByText('Eken 1 flyttas till Brf Lönnen i kontot Brf Lönnen.').waitFor();
  await dialog.getByText(/Den som bara är medlem i Förvaltning AB ser den inte längre/).waitFor();
  expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  await saveScreenshot(page, 'move-property-dialog-sv');
  await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();

  // Back on the start page of the account it left: it says where the property went, with a link there.
  await eventually(async () => page.url()).toBe(`${e2e.baseUrl}/accounts/${api.accountId}`);
  const notice = page.getByText('Eken 1 har flyttats till Brf Lönnen.');
  await notice.waitFor();
  expect(await page.getByRole('link', { name: 'Eken 1' }).count()).toBe(0);
  expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
  await saveScreenshot(page, 'move-property-notice-sv');
  const properties = await api.get<unknown[]>(`/api/organisations/${fixture.organisationId}/properties`);
  expect(properties).toEqual([]);

  await page.getByRole('link', { name: 'Öppna den där' }).click();
  await eventually(async () => page.url()).toBe(`${e2e.baseUrl}/accounts/${customer.id}/properties/${fixture.propertyId}`);
  await expectTitle(page, 'Eken 1');
  await page.getByRole('link', { name: 'Underhållsplan' }).first().click();
  await page.getByText('Byte av takpapp').first().waitFor();
  await page.getByText('Relining').first().waitFor();
  expect(page.url()).toContain(`/accounts/${customer.id}/plans/${fixture.planId}`);
  const moved = await api.get<{ accountId: string; organisationId: string }>(`/api/properties/${fixture.propertyId}`);
  expect(moved).toMatchObject({ accountId: customer.id, organisationId: customerOrganisation.id });
  expect(problems).toEqual([]);
});

it('moves an organisation with its properties into another account from the start page, and says where it went', async () => {
  const { page, problems, api } = await signedUpPage(e2e, { ...managerSignUp, email: 'karin.org@forvaltning.se' }, desktop);
  const fixture = await createPlanFixture(api, e2e.baseUrl);
  const customer = await api.post<{ id: string }>('/api/accounts', { name: 'Brf Eken konto' });

  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
  await page.getByRole('button', { name: 'Flytta Brf Eken' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flytta Brf Eken' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();
  await dialog.getByText('Välj vart den ska flyttas.').waitFor();
  const target = dialog.getByLabel('Till konto');
  expect(await target.locator('option').allTextContents()).toEqual(['Välj…', 'Brf Eken konto']);
  await target.selectOption({ label: 'Brf Eken konto' });
  await dialog.getByText('Brf Eken flyttas till kontot Brf Eken konto.').waitFor();
  await dialog.getByText(/Den som bara är medlem i Förvaltning AB ser den inte längre/).waitFor();
  await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();

  await page.getByText('Brf Eken har flyttats till Brf Eken konto.').waitFor();
  expect(await page.getByRole('button', { name: 'Flytta Brf Eken' }).count()).toBe(0);
  await page.getByRole('link', { name: 'Öppna den där' }).click();
  await eventually(async () => page.url()).toBe(`${e2e.baseUrl}/accounts/${customer.id}`);
  await page.getByRole('link', { name: 'Eken 1' }).waitFor();
  const moved = await api.get<{ accountId: string; organisationId: string }>(`/api/properties/${fixture.propertyId}`);
  expect(moved).toMatchObject({ accountId: customer.id, organisationId: fixture.organisationId });
  expect(problems).toEqual([]);
});
