import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MembersResponse } from '../shared/schemas/member.ts';
import type { ReceivedInvitation } from '../shared/schemas/invitation.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { openPage } from './support/browser-page.ts';
import { signedUpPage, startJourney } from './support/journey.ts';
import { eventually, expectTitle, textOf } from './support/page-reads.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * Invitations need consent (docs/decisions/0030-invitations-need-consent.md): an admin invites
 * through the members page, and nobody becomes a member until the invited person says yes. An
 * existing user answers from the list above every page; without SMTP the admin copies a link
 * that a new person signs up through.
 */
const e2e = startJourney();

const password = 'ekar och lönnar i parken';

/** A person who signed up with an account of their own, in their own browser context. */
function signedUpPerson(name: string, email: string, accountName: string) {
  return signedUpPage(e2e, { name, email, password, accountName });
}

/** The members page's section under `heading` ("Nuvarande medlemmar", "Väntande inbjudningar"). */
function membersSection(page: Page, heading: string) {
  return page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
}

/** Each member row as "name · e-mail · role", the role as the select shows it and "(du)" after the signed-in person's name. */
async function memberRows(page: Page): Promise<string[]> {
  const rows = membersSection(page, 'Nuvarande medlemmar').locator('tbody tr');
  const read: string[] = [];
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    const role = await cells
      .nth(2)
      .locator('select')
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    // The badge follows the name after a space: "Anna Ordförande du".
    const name = await cells.nth(0).evaluate((cell) => {
      const badge = cell.querySelector('.badge');
      const ownText = (cell.textContent ?? '').slice(0, badge ? -(badge.textContent ?? '').length : undefined);
      return badge ? `${ownText.trim()} (${badge.textContent})` : ownText.trim();
    });
    read.push(`${name} · ${await textOf(cells.nth(1))} · ${role}`);
  }
  return read;
}

async function inviteThroughForm(page: Page, email: string, role: 'viewer' | 'editor' | 'admin'): Promise<void> {
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Roll', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Bjud in' }).click();
  await page.getByText(`Inbjudan skickad till ${email}.`).waitFor();
}

/** A date as the web app shows it in Swedish (web/lib/i18n/format-date.ts). */
const swedishDate = (isoTimestamp: string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium' }).format(new Date(isoTimestamp));

describe('invitations that need consent', () => {
  it('lets an existing user decline one invitation and accept another, which makes them a member with the invited role', async () => {
    const admin = await signedUpPerson('Anna Ordförande', 'anna@brf-eken.se', 'Brf Eken');
    await admin.api.post(`/api/accounts/${admin.api.accountId}/organisations`, { name: 'Ekens samfällighet' });
    const otherAdmin = await signedUpPerson('Cecilia Lönn', 'cecilia@brf-lonnen.se', 'Brf Lönnen');
    const invitee = await signedUpPerson('Bertil Kassör', 'bertil@example.se', 'Bertils hem');

    // Signed in in their own browser, the invitee has nothing to answer yet.
    await invitee.page.goto(e2e.baseUrl);
    await invitee.page.getByRole('heading', { name: 'Bertils hem', level: 1 }).waitFor();
    expect(await invitee.page.getByRole('heading', { name: 'Inbjudningar till dig' }).count()).toBe(0);

    // The admin invites the registered address through the form: it stays a pending invitation.
    await admin.page.goto(`${e2e.baseUrl}/accounts/${admin.api.accountId}/members`);
    await admin.page.getByRole('heading', { name: 'Nuvarande medlemmar' }).waitFor();
    await inviteThroughForm(admin.page, 'bertil@example.se', 'editor');
    await eventually(() => textOf(membersSection(admin.page, 'Väntande inbjudningar').locator('tbody tr td').first())).toBe('bertil@example.se');
    expect(await memberRows(admin.page)).toEqual(['Anna Ordförande (du) · anna@brf-eken.se · Administrera']);
    await otherAdmin.api.post(`/api/accounts/${otherAdmin.api.accountId}/members`, { email: 'bertil@example.se', role: 'viewer' });

    // The invitee sees both, each naming who invited them, the account (quoted) and the role.
    const received = await invitee.api.get<ReceivedInvitation[]>('/api/auth/invitations');
    expect(received.map((invitation) => invitation.invitedBy.email)).toEqual(['anna@brf-eken.se', 'cecilia@brf-lonnen.se']);
    await invitee.page.reload();
    const panel = invitee.page.getByRole('region', { name: 'Inbjudningar till dig' });
    await panel.waitFor();
    expect(await panel.getByRole('listitem').count()).toBe(2);
    expect(await panel.locator('li p').allInnerTexts()).toEqual([
      [
        'Anna Ordförande (anna@brf-eken.se) har bjudit in dig.',
        'Konto (namnet är valt av den som bjöd in): ”Brf Eken”. Roll: Arbeta.',
        `Gäller till ${swedishDate(received[0]!.expiresAt)}.`,
      ].join('\n'),
      [
        'Cecilia Lönn (cecilia@brf-lonnen.se) har bjudit in dig.',
        'Konto (namnet är valt av den som bjöd in): ”Brf Lönnen”. Roll: Läsa och kommentera.',
        `Gäller till ${swedishDate(received[1]!.expiresAt)}.`,
      ].join('\n'),
    ]);
    // Each button says whose invitation it answers, to a screen reader too.
    const buttons = panel.getByRole('button');
    expect(await buttons.allInnerTexts()).toEqual(['Tacka ja', 'Tacka nej', 'Tacka ja', 'Tacka nej']);
    expect(await buttons.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')))).toEqual([
      'Tacka ja till inbjudan från anna@brf-eken.se',
      'Tacka nej till inbjudan från anna@brf-eken.se',
      'Tacka ja till inbjudan från cecilia@brf-lonnen.se',
      'Tacka nej till inbjudan från cecilia@brf-lonnen.se',
    ]);
    await saveScreenshot(invitee.page, 'received-invitations');
    expect(await findSeriousAccessibilityViolations(invitee.page)).toEqual([]);

    // Declining removes the invitation and makes no membership.
    await panel.getByRole('button', { name: 'Tacka nej till inbjudan från cecilia@brf-lonnen.se' }).click();
    await panel.getByText('Du tackade nej till inbjudan från cecilia@brf-lonnen.se.').waitFor();
    await eventually(() => panel.getByRole('listitem').count()).toBe(1);
    expect(await textOf(panel.getByRole('listitem'))).toContain('Anna Ordförande (anna@brf-eken.se) har bjudit in dig.');
    const declinedAccount = await otherAdmin.api.get<MembersResponse>(`/api/accounts/${otherAdmin.api.accountId}/members`);
    expect(declinedAccount.members.map((member) => member.email)).toEqual(['cecilia@brf-lonnen.se']);
    expect(declinedAccount.invitations).toEqual([]);

    // Accepting lands in the account's start page, with the role the admin chose.
    await panel.getByRole('button', { name: 'Tacka ja till inbjudan från anna@brf-eken.se' }).click();
    await invitee.page.waitForURL(`${e2e.baseUrl}/accounts/${admin.api.accountId}`);
    await invitee.page.getByRole('heading', { name: 'Brf Eken', level: 1 }).waitFor();
    await expectTitle(invitee.page, 'Brf Eken');
    await invitee.page.getByRole('heading', { name: 'Ekens samfällighet', level: 2 }).waitFor();
    await eventually(() => invitee.page.getByRole('heading', { name: 'Inbjudningar till dig' }).count()).toBe(0);
    const switcher = invitee.page.getByLabel('Konto', { exact: true });
    expect(await switcher.locator('option').allInnerTexts()).toEqual(['Bertils hem', 'Brf Eken']);
    expect(await switcher.inputValue()).toBe(admin.api.accountId);
    // An editor works in the account but does not manage its members.
    expect(await invitee.page.getByRole('link', { name: 'Medlemmar' }).count()).toBe(0);

    // The admin's members page lists them with the role; nothing is pending any more.
    await admin.page.reload();
    await eventually(() => memberRows(admin.page)).toEqual([
      'Anna Ordförande (du) · anna@brf-eken.se · Administrera',
      'Bertil Kassör · bertil@example.se · Arbeta',
    ]);
    await membersSection(admin.page, 'Väntande inbjudningar').getByText('Inga väntande inbjudningar.').waitFor();

    expect(admin.problems).toEqual([]);
    expect(invitee.problems).toEqual([]);
  });

  it('without SMTP lets the admin copy an invitation link that a new person signs up through', async () => {
    const admin = await signedUpPerson('Doris Ek', 'doris@brf-asken.se', 'Brf Asken');
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.baseUrl });
    await admin.page.goto(`${e2e.baseUrl}/accounts/${admin.api.accountId}/members`);
    await admin.page.getByRole('heading', { name: 'Nuvarande medlemmar' }).waitFor();
    await inviteThroughForm(admin.page, 'erik@example.se', 'viewer');
    const emailedLink = (await e2e.database.db.selectFrom('outbox_emails').select('body').where('recipient', '=', 'erik@example.se').executeTakeFirstOrThrow())
      .body;
    const emailedToken = /\/invitations\/([\w-]+)/.exec(emailedLink)?.[1];
    expect(emailedToken).toBeDefined();

    // No SMTP in the test server: each pending invitation offers a fresh link to hand over.
    const pending = membersSection(admin.page, 'Väntande inbjudningar');
    await pending.getByRole('button', { name: 'Kopiera inbjudningslänk till erik@example.se' }).click();
    const copied = pending.getByText('En ny länk till erik@example.se är kopierad; den tidigare gäller inte längre. Lämna över den själv:');
    await copied.waitFor();
    const link = /https:\/\/\S+\/invitations\/[\w-]{43}$/.exec(await textOf(copied))?.[0];
    expect(link).toBeDefined();
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await saveScreenshot(admin.page, 'members-copy-invitation-link');
    expect(await findSeriousAccessibilityViolations(admin.page)).toEqual([]);

    // The copied link replaces the e-mailed one.
    const newcomer = await openPage(e2e.browser);
    const emailedPreview = await newcomer.context.request.get(`${e2e.baseUrl}/api/invitations/${emailedToken}`);
    expect(emailedPreview.status()).toBe(404);

    // The test server's PUBLIC_URL names port 0, so the link's path is opened on its real port.
    await newcomer.page.goto(`${e2e.baseUrl}${new URL(link!).pathname}`);
    await newcomer.page.getByRole('heading', { name: 'Gå med i Brf Asken' }).waitFor();
    expect(await newcomer.page.getByLabel('E-postadress').inputValue()).toBe('erik@example.se');
    await newcomer.page.getByLabel('Ditt namn').fill('Erik Granne');
    await newcomer.page.getByLabel('Välj ett lösenord').fill('grannen i trapphus två');
    await newcomer.page.getByLabel('Upprepa lösenordet').fill('grannen i trapphus två');
    await newcomer.page.getByRole('button', { name: 'Skapa konto och gå med' }).click();
    await newcomer.page.waitForURL(`${e2e.baseUrl}/accounts/${admin.api.accountId}`);
    await newcomer.page.getByRole('heading', { name: 'Brf Asken', level: 1 }).waitFor();
    await newcomer.page.getByText('Inga organisationer ännu').waitFor();

    await admin.page.reload();
    await eventually(() => memberRows(admin.page)).toEqual([
      'Doris Ek (du) · doris@brf-asken.se · Administrera',
      'Erik Granne · erik@example.se · Läsa och kommentera',
    ]);
    await pending.getByText('Inga väntande inbjudningar.').waitFor();

    expect(admin.problems).toEqual([]);
    expect(newcomer.problems).toEqual([]);
  });
});
