import { describe, expect, it } from 'vitest';
import { asAccountId } from '../server/db/account-id.ts';
import { awaitTotpStepStart, totpCodeAt } from '../server/test-support/totp-test-codes.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { openPage } from './support/browser-page.ts';
import { startJourney } from './support/journey.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * Two-step verification as a person meets it: turn it on from /security with the key shown on
 * screen (the test computes the app's codes from it), keep the recovery codes, sign out, and sign
 * in again with the password and then a code; a wrong code is answered in words.
 */
const e2e = startJourney();

describe('two-step verification journey', () => {
  it('turns TOTP on with the key on screen, then signs in with the password and a code', async () => {
    const { page, context, problems } = await openPage(e2e.browser);
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

    await awaitTotpStepStart();
    await page.getByLabel('Kod från appen').fill(await totpCodeAt(secret, 0));
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
    await page.getByLabel('Kod från appen').fill(await totpCodeAt(secret, 0));
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await page.getByText('Koden stämmer inte, eller har redan använts.', { exact: false }).waitFor();
    await saveScreenshot(page, 'totp-signin-wrong-code-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Kod från appen').fill(await totpCodeAt(secret, 1));
    await page.getByRole('button', { name: 'Verifiera' }).click();
    await page.getByText('Inga organisationer ännu').waitFor();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    expect(problems).toEqual([]);
  });

  it('lets an admin with a second factor require it, and tells a member without one why and where to turn it on', async () => {
    const admin = await openPage(e2e.browser);
    const api = await signUpThroughApi(admin.context, e2e.baseUrl, {
      email: 'david@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'David Ordförande',
      accountName: 'Brf Lönnen',
    });
    const member = await openPage(e2e.browser);
    const memberApi = await signUpThroughApi(member.context, e2e.baseUrl, {
      email: 'eva@brf-eken.se',
      password: 'kassaboken stämmer alltid',
      name: 'Eva Kassör',
      accountName: 'Evas förening',
    });
    await e2e.database.db
      .insertInto('memberships')
      .values({ account_id: asAccountId(api.accountId), user_id: memberApi.userId, role: 'editor' })
      .execute();

    // Without a second factor of their own the admin cannot switch it on, and is told where to go.
    await admin.page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/members`);
    const requirement = admin.page.getByLabel('Alla medlemmar måste ha tvåstegsverifiering för att se kontots uppgifter');
    await requirement.waitFor();
    expect(await requirement.isDisabled()).toBe(true);
    await admin.page.getByText('Slå på tvåstegsverifiering för dig själv först.').waitFor();

    const { secret } = await api.post<{ secret: string }>('/api/auth/totp/setup');
    await awaitTotpStepStart();
    await api.post('/api/auth/totp/enable', { code: await totpCodeAt(secret, 0) });
    await admin.page.reload();
    // The box follows the server's answer, so it turns checked once the setting is saved.
    await requirement.click();
    await admin.page.getByText('Inställningen är sparad.').waitFor();
    expect(await requirement.isChecked()).toBe(true);
    await saveScreenshot(admin.page, 'totp-require-on-members-page-sv');
    expect(await findSeriousAccessibilityViolations(admin.page)).toEqual([]);

    // The member is refused the account's data, with the reason and a link to /security.
    await member.page.goto(`${e2e.baseUrl}/accounts/${api.accountId}`);
    await member.page.getByText('Kontot kräver tvåstegsverifiering.', { exact: false }).first().waitFor();
    await saveScreenshot(member.page, 'totp-required-member-refused-sv');
    await member.page.getByRole('link', { name: 'Till Inloggning och säkerhet' }).first().click();
    await member.page.getByRole('heading', { name: 'Tvåstegsverifiering' }).waitFor();
    expect(admin.problems).toEqual([]);
  });
});
