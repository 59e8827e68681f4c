import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * Passkeys as a person meets them, with Chromium's virtual authenticator standing in for the
 * phone's or computer's (a platform authenticator that holds discoverable credentials and
 * verifies its user): add one on /security, sign in with the password and then the passkey,
 * sign in with the passkey alone, a prompt that does not verify the user said calmly, and
 * removing the last one with its warning; the section and the button in English too.
 */
let e2e: TestServer;
let browser: Browser;

beforeAll(async () => {
  // The server's PUBLIC_URL is the address the browser opens: passkeys are bound to its origin.
  e2e = await startTestServer({ hasExactPublicUrl: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

async function signOut(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Användarmeny: ${name}` }).click();
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('heading', { name: 'Logga in' }).waitFor();
}

describe('passkeys journey', () => {
  it('adds a passkey, signs in with it as the second step and without a password, and removes it', async () => {
    const { page, context, problems } = await openPage(browser);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    const name = 'Dagny Kassör';
    const password = 'lindar längs allén';
    await signUpThroughApi(context, e2e.baseUrl, { email: 'dagny@brf-linden.se', password, name, accountName: 'Brf Linden' });

    await page.goto(`${e2e.baseUrl}/security`);
    await page.getByRole('heading', { name: 'Nycklar (passkeys)' }).waitFor();
    await page.getByText('Du har inga nycklar ännu.').waitFor();
    // A name is needed, and said so beside the field.
    await page.getByRole('button', { name: 'Lägg till nyckel' }).click();
    await page.getByText('Fältet måste fyllas i.').waitFor();
    await page.getByLabel('Namn på nyckeln').fill('Den här datorn');
    await page.getByRole('button', { name: 'Lägg till nyckel' }).click();
    await page.getByText('Nyckeln ”Den här datorn” är tillagd.').waitFor();
    const listed = page.getByRole('list', { name: 'Dina nycklar' }).getByRole('listitem');
    await expect.poll(() => listed.allTextContents()).toEqual([expect.stringContaining('Den här datorn')]);
    expect(await listed.first().textContent()).toContain('inte använd ännu');
    await saveScreenshot(page, 'passkeys-added-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);

    // The password now leads to the second step, which offers the passkey.
    await signOut(page, name);
    await page.getByLabel('E-postadress').fill('dagny@brf-linden.se');
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { name: 'Tvåstegsverifiering' }).waitFor();
    await page.getByText('Använd en av dina nycklar för att slutföra inloggningen.').waitFor();
    await saveScreenshot(page, 'passkeys-second-step-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    expect((await page.request.get(`${e2e.baseUrl}/api/auth/me`)).status()).toBe(401);
    await page.getByRole('button', { name: 'Använd nyckel' }).click();
    await page.getByText('Inga organisationer ännu').waitFor();

    // Without a password: the sign-in page's passkey button alone.
    await signOut(page, name);
    await saveScreenshot(page, 'passkeys-sign-in-page-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Logga in med nyckel' }).click();
    await page.getByText('Inga organisationer ännu').waitFor();

    // An authenticator that does not verify its user: the sign-in is not made, and said calmly.
    await signOut(page, name);
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await page.getByRole('button', { name: 'Logga in med nyckel' }).click();
    await page.getByText('Nyckeln användes inte. Försök igen när du är redo.').waitFor();
    await saveScreenshot(page, 'passkeys-sign-in-not-verified-sv');
    expect((await page.request.get(`${e2e.baseUrl}/api/auth/me`)).status()).toBe(401);
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
    await page.getByRole('button', { name: 'Logga in med nyckel' }).click();
    await page.getByText('Inga organisationer ännu').waitFor();

    // Removing the last second factor asks first and says what it means.
    await page.goto(`${e2e.baseUrl}/security`);
    await page.getByRole('button', { name: 'Ta bort nyckeln Den här datorn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort nyckeln ”Den här datorn”?' });
    await dialog.getByText('Det här är ditt sista andra steg.', { exact: false }).waitFor();
    await saveScreenshot(page, 'passkeys-remove-last-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('Du har inga nycklar ännu.').waitFor();

    // The same screens in English.
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();
    await saveScreenshot(page, 'passkeys-security-page-en');
    await page.getByRole('button', { name: `User menu: ${name}` }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    await saveScreenshot(page, 'passkeys-sign-in-page-en');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
