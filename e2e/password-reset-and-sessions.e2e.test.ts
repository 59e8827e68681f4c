import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signInThroughApi, signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * A forgotten password, from "Glömt lösenord?" to signing in with the new one (the link read from
 * the outbox, as without SMTP), and the security page's sessions list ending another session.
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

const person = { email: 'greta@brf-eken.se', password: 'ekar och lönnar i parken', name: 'Greta Glömsk', accountName: 'Brf Eken' };

async function signInOnPage(page: Page, password: string): Promise<void> {
  await page.getByLabel('E-postadress').fill(person.email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

describe('password reset and sessions', () => {
  it('resets a forgotten password, signing out everywhere, and ends another session from the security page', async () => {
    const { page, context } = await openPage(browser);
    await signUpThroughApi(context, e2e.baseUrl, person);
    // Another device stays signed in until the reset.
    const other = await openPage(browser);
    await signInThroughApi(other.context, e2e.baseUrl, { email: person.email, password: person.password }, '');

    await page.goto(`${e2e.baseUrl}/security`);
    await page.getByRole('heading', { name: 'Inloggningar' }).waitFor();
    await page.getByText('Den här enheten').waitFor();
    await saveScreenshot(page, 'security-sessions');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    const sessions = page.getByRole('region', { name: 'Inloggningar' });
    await sessions.getByRole('button', { name: 'Logga ut', exact: true }).click();
    await sessions.getByRole('button', { name: 'Logga ut överallt annars' }).waitFor({ state: 'detached' });
    const otherMe = await other.page.request.get(`${e2e.baseUrl}/api/auth/me`);
    expect(otherMe.status()).toBe(401);

    // Signed out, the person has forgotten the password.
    await page.context().clearCookies();
    await page.goto(`${e2e.baseUrl}/signin`);
    await page.getByRole('link', { name: 'Glömt lösenord?' }).click();
    await page.getByRole('heading', { name: 'Glömt lösenord' }).waitFor();
    await page.getByLabel('E-postadress').fill(person.email);
    await page.getByRole('button', { name: 'Skicka länk' }).click();
    await page.getByText('Om adressen hör till ett konto hos oss').waitFor();
    await saveScreenshot(page, 'forgot-password-sent');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    const email = await e2e.database.db.selectFrom('outbox_emails').select('body').where('recipient', '=', person.email).executeTakeFirstOrThrow();
    const link = /https:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(email.body)?.[0];
    expect(link).toBeDefined();
    await page.goto(`${e2e.baseUrl}${new URL(link!).pathname}${new URL(link!).search}`);
    await page.getByRole('heading', { name: 'Välj ett nytt lösenord' }).waitFor();
    await page.getByLabel('Nytt lösenord').fill('granar och tallar i skogen');
    await page.getByLabel('Upprepa lösenordet').fill('granar och tallar i skogen');
    await saveScreenshot(page, 'reset-password');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await page.waitForURL(/\/signin\?reset=done$/);
    await page.getByText('Lösenordet är bytt och du är utloggad på alla enheter.').waitFor();
    await saveScreenshot(page, 'signin-after-reset');

    await signInOnPage(page, 'granar och tallar i skogen');
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    await other.context.close();
  }, 120_000);
});
