import { expect, it } from 'vitest';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { desktop, managerSignUp, signedUpPage, startJourney } from './support/journey.ts';
import { eventually, expectTitle } from './support/page-reads.ts';
import { saveScreenshot } from './support/screenshots.ts';

const e2e = startJourney();

it('lets a signed-in manager open a second account from the user menu and switch between the two', async () => {
  const { page, problems, api } = await signedUpPage(e2e, managerSignUp, desktop);
  await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
  await page.getByRole('button', { name: /Karin Förvaltare/ }).click();
  await page.getByRole('link', { name: 'Nytt konto' }).click();
  await expectTitle(page, 'Nytt konto');
  expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

  // A blank name is refused beside the field, in the page's language.
  await page.getByRole('button', { name: 'Skapa kontot' }).click();
  await page.getByText('Fältet måste fyllas i.').waitFor();
  await page.getByLabel('Kontots namn').fill('Brf Styrelsen');
  await saveScreenshot(page, 'new-account-sv');
  await page.getByRole('button', { name: 'Skapa kontot' }).click();

  // The new, empty account's start page, and the switcher that now lists both accounts.
  await page.getByRole('heading', { name: 'Inga organisationer ännu' }).waitFor();
  const switcher = page.getByLabel('Konto', { exact: true });
  await eventually(() => switcher.locator('option').allTextContents()).toEqual(['Brf Styrelsen', 'Förvaltning AB']);
  expect(await switcher.inputValue()).not.toBe(api.accountId);
  await switcher.selectOption({ label: 'Förvaltning AB' });
  await eventually(async () => page.url()).toBe(`${e2e.baseUrl}/accounts/${api.accountId}`);
  expect(problems).toEqual([]);
});
