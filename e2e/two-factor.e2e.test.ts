import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * Two-step verification as a person meets it: turn it on from /security with the key shown on
 * screen (the test computes the app's codes from it), keep the recovery codes, sign out, and sign
 * in again with the password and then a code; a wrong code is answered in words.
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

/** The code an authenticator app shows `offset` 30-second steps from now. */
const codeAt = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

/** When fewer than 5 s of the step remain, waits for the next, so "this step" means the same to test and server. */
async function awaitStepStart(page: Page): Promise<void> {
  const secondsLeft = 30 - ((Date.now() / 1000) % 30);
  if (secondsLeft < 5) await page.waitForTimeout(secondsLeft * 1000 + 100);
}

describe('two-step verification journey', () => {
  it('turns TOTP on with the key on screen, then signs in with the password and a code', async () => {
    const { page, context, problems } = await openPage(browser);
    const password = 'ekar och lönnar i parken';
    await signUpThroughApi(context, e2e.baseUrl, { email: 'cecilia@brf-eken.se', password, name: 'Cecilia Sekreterare', accountName: 'Brf Eken' });

    await page.goto(`${e2e.baseUrl}/security`);
    await page.getByRole('heading', { name: 'Tvåstegsverifiering' }).waitFor();
    await page.getByText('Tvåstegsverifiering är av.').waitFor();
    await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    await page.getByRole('img', { name: 'QR-kod för din autentiseringsapp' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await saveScreenshot(page, 'totp-setup-qr-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // A mistyped code is explained beside the field, and nothing is turned on.
    await page.getByLabel('Kod från appen').fill('12345');
    await page.getByRole('button', { name: 'Bekräfta och slå på' }).click();
    await page.getByText('Ange de sex siffrorna från din autentiseringsapp.').waitFor();

    await awaitStepStart(page);
    await page.getByLabel('Kod från appen').fill(await codeAt(secret, 0));
    await page.getByRole('button', { name: 'Bekräfta och slå på' }).click();
    await page.getByRole('heading', { name: 'Dina reservkoder' }).waitFor();
    const recoveryCodes = await page.getByRole('list', { name: 'Reservkoder' }).getByRole('listitem').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    await page.getByRole('link', { name: 'Ladda ned som textfil' }).waitFor();
    await saveScreenshot(page, 'totp-recovery-codes-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
    await page.getByText('Tvåstegsverifiering är på. Du har 10 oanvända reservkoder.').waitFor();
    await saveScreenshot(page, 'totp-on-security-page-sv');

    // Sign out; the password alone now leads to the second step, not into the app.
    await page.getByRole('button', { name: 'Användarmeny: Cecilia Sekreterare' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.getByLabel('E-postadress').fill('cecilia@brf-eken.se');
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { name: 'Tvåstegsverifiering' }).waitFor();
    expect((await page.request.get(`${e2e.baseUrl}/api/auth/me`)).status()).toBe(401);

    // The code the set-up used is refused (no replay), in words.
    await page.getByLabel('Kod från appen').fill(await codeAt(secret, 0));
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await page.getByText('Koden stämmer inte, eller har redan använts.', { exact: false }).waitFor();
    await saveScreenshot(page, 'totp-signin-wrong-code-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Kod från appen').fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await page.getByText('Inga organisationer ännu').waitFor();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    expect(problems).toEqual([]);
  });
});
