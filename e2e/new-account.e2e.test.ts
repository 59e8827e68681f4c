import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, expectTitle } from './support/page-reads.ts';
import { saveScreenshot } from './support/screenshots.ts';
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

it('lets a signed-in manager open a second account from the user menu and switch between the two', async () => {
  const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
  const api = await signUpThroughApi(context, e2e.baseUrl, {
    email: 'karin@forvaltning.se',
    password: 'förvaltning av många föreningar',
    name: 'Karin Förvaltare',
    accountName: 'Förvaltning AB',
  });
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
