import { describe, expect, it } from 'vitest';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { openPage } from './support/browser-page.ts';
import { startJourney } from './support/journey.ts';
import { eventually } from './support/page-reads.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The web app shell as a person meets it: sign up, invite a colleague who joins through the
 * e-mailed link, roles shown and enforced, sign out and in, field messages in both languages.
 */
const e2e = startJourney();

describe('account and members journey', () => {
  it('signs up, invites a viewer who joins by link, and signs out and in again', async () => {
    const { page, problems } = await openPage(e2e.browser);
    await page.goto(`${e2e.baseUrl}/signup`);
    await page.getByRole('heading', { name: 'Skapa konto' }).waitFor();

    // Submitting empty shows every field's message in Swedish, focus on the first.
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await page.getByText('Lösenordet måste ha minst 10 tecken.').waitFor();
    await eventually(() => page.getByText('Fältet måste fyllas i.').count()).toBe(3);
    // Focus moves to the first invalid field in an effect, after the messages have rendered.
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await saveScreenshot(page, 'signup-validation-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Ditt namn').fill('Anna Ordförande');
    await page.getByLabel('E-postadress').fill('anna@brf-eken.se');
    await page.getByLabel('Välj ett lösenord').fill('ekar och lönnar i parken');
    await page.getByLabel('Organisationens namn').fill('Brf Eken');
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await page.getByText('Inga organisationer ännu').waitFor();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    await saveScreenshot(page, 'start-empty');

    await page.getByRole('link', { name: 'Medlemmar' }).click();
    await page.getByRole('heading', { name: 'Nuvarande medlemmar' }).waitFor();
    await page.getByLabel('E-postadress').fill('bertil@example.se');
    await page.getByLabel('Roll', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await page.getByText('Inbjudan skickad till bertil@example.se.').waitFor();
    await saveScreenshot(page, 'members');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // The invitation link goes to the outbox (no SMTP configured), as an operator would see it.
    const email = await e2e.database.db.selectFrom('outbox_emails').select('body').where('recipient', '=', 'bertil@example.se').executeTakeFirstOrThrow();
    const link = /https:\/\/\S+\/invitations\/\S+/.exec(email.body)?.[0];
    expect(link).toBeDefined();
    const invitationPath = new URL(link!).pathname;

    const viewer = await openPage(e2e.browser);
    await viewer.page.goto(`${e2e.baseUrl}${invitationPath}`);
    await viewer.page.getByRole('heading', { name: 'Gå med i Brf Eken' }).waitFor();
    expect(await findSeriousAccessibilityViolations(viewer.page)).toEqual([]);
    await viewer.page.getByLabel('Ditt namn').fill('Bertil Kassör');
    await viewer.page.getByLabel('Välj ett lösenord').fill('kassaboken stämmer alltid');
    await viewer.page.getByLabel('Upprepa lösenordet').fill('kassaboken stämmer alltid');
    await viewer.page.getByRole('button', { name: 'Skapa konto och gå med' }).click();
    await viewer.page.getByText('Inga organisationer ännu').waitFor();
    // A viewer has no members page in the navigation, and is told so when going there directly.
    expect(await viewer.page.getByRole('link', { name: 'Medlemmar' }).count()).toBe(0);
    await viewer.page.goto(`${page.url().replace(/\/members$/, '')}/members`);
    await viewer.page.getByText('Endast administratörer').first().waitFor();

    // The admin sees Bertil as a member now.
    await page.reload();
    await page.getByText('bertil@example.se').waitFor();

    // Sign out, then a wrong password is answered in the chosen language, English this time.
    await page.getByRole('button', { name: 'Användarmeny: Anna Ordförande' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail address').fill('anna@brf-eken.se');
    await page.getByLabel('Password').fill('not the right password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Wrong e-mail address or password.').waitFor();
    await saveScreenshot(page, 'signin-error-en');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill('ekar och lönnar i parken');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('No organisations yet').waitFor();
    await eventually(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    expect(problems).toEqual([]);
    expect(viewer.problems).toEqual([]);
  });
});
