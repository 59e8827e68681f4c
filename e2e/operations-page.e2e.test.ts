import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { openPage } from './support/browser-page.ts';
import { startJourney } from './support/journey.ts';
import { eventually } from './support/page-reads.ts';
import { setInstalledAt } from '../server/test-support/installed-at.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The operations page as an installation's operator meets it: the first person to sign up sees
 * "Drift" in the navigation, checks waiting for their first run (not red) on a new installation,
 * then red and green checks with the failing ones first; anyone else neither sees the link nor
 * the data.
 */
const e2e = startJourney();

const hour = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

async function signUp(page: Page, name: string, email: string, accountName: string) {
  await page.goto(`${e2e.baseUrl}/signup`);
  await page.getByLabel('Ditt namn').fill(name);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Välj ett lösenord').fill('ekar och lönnar i parken');
  await page.getByLabel('Organisationens namn').fill(accountName);
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await page.getByText('Inga organisationer ännu').waitFor();
}

describe('operations page journey', () => {
  it('shows the first user the backup status, failing checks first, in Swedish and English', async () => {
    const db = e2e.database.db;
    // A new installation: set up a minute ago, its first backups not run yet.
    await setInstalledAt(db, ago(60_000));
    const { page, problems } = await openPage(e2e.browser);
    await signUp(page, 'Olle Operatör', 'olle@example.se', 'Brf Driften');

    await page.getByRole('link', { name: 'Drift' }).click();
    await page.getByRole('heading', { name: 'Drift', level: 1 }).waitFor();
    await page.getByText('De första säkerhetskopiorna körs').waitFor();
    expect(await page.getByText('Något behöver åtgärdas').count()).toBe(0);
    // The backup checks wait (the archiving ones judge the test cluster's live archiver).
    const pendingTitles = await page.locator('.check-list__item--pending .check-list__title').allTextContents();
    expect(pendingTitles.filter((title) => !title.startsWith('WAL-'))).toEqual([
      'Fysisk säkerhetskopia är aktuell',
      'Logisk säkerhetskopia är aktuell',
      'Återställningsövningen lyckades',
      'Förrådet är felfritt',
      'Återställningsfönstret räcker',
    ]);
    const firstPending = page.locator('.check-list__item--pending').first();
    expect(await firstPending.locator('.status').textContent()).toBe('○Väntar');
    await firstPending.getByText('Väntar på sin första körning', { exact: false }).waitFor();
    expect(await firstPending.getByText('Vad du kan göra').count()).toBe(0);
    expect(
      await page
        .getByRole('row', { name: /Återställningsövning/ })
        .locator('.status')
        .textContent(),
    ).toBe('○Väntar');
    await saveScreenshot(page, 'operations-pending-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByText('The first backups are under way').waitFor();
    expect(await firstPending.locator('.status').textContent()).toBe('○Pending');
    await firstPending.getByText('Waiting for its first run', { exact: false }).waitFor();
    await saveScreenshot(page, 'operations-pending-en');
    await page.getByLabel('Language', { exact: true }).selectOption('sv');
    await page.getByText('De första säkerhetskopiorna körs').waitFor();

    await db
      .insertInto('backup_runs')
      .values([
        { kind: 'check', trigger: 'schedule', outcome: 'succeeded', started_at: ago(20 * 24 * hour), finished_at: ago(20 * 24 * hour) },
        { kind: 'full', trigger: 'schedule', outcome: 'succeeded', started_at: ago(3 * hour), finished_at: ago(3 * hour - 120_000), size_bytes: 1_234_567_890 },
        { kind: 'diff', trigger: 'manual', outcome: 'running', started_at: ago(60_000) },
        { kind: 'dump', trigger: 'schedule', outcome: 'succeeded', started_at: ago(4 * hour), finished_at: ago(4 * hour - 30_000), size_bytes: 45_678_901 },
        { kind: 'verify', trigger: 'schedule', outcome: 'succeeded', started_at: ago(5 * hour), finished_at: ago(5 * hour - 60_000) },
        {
          kind: 'drill',
          trigger: 'schedule',
          outcome: 'failed',
          started_at: ago(2 * hour),
          finished_at: ago(2 * hour - 90_000),
          message: 'sanity query failed: relation "accounts" does not exist',
        },
      ])
      .execute();
    await db
      .insertInto('backup_repository_state')
      .values({
        observed_at: ago(hour),
        repository_type: 'posix',
        oldest_recovery_point: ago(8 * 24 * hour),
        newest_recovery_point: ago(60_000),
        backups: '[]',
      })
      .execute();

    // The refresh button works from the keyboard and keeps the focus.
    const refresh = page.getByRole('button', { name: 'Uppdatera nu' });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Kontroller' }).waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Uppdatera nu');

    // The failing drill is first, with what it means and what to do; the rest follow.
    // The refreshed list replaces the pending one when its answer arrives, so wait for it.
    await eventually(async () => (await page.locator('.check-list__title').allTextContents())[0]).toBe('Återställningsövningen lyckades');
    const firstCheck = page.locator('.check-list__item').first();
    expect(await firstCheck.locator('.status').textContent()).toBe('✕Fel');
    await firstCheck.getByText('Vad du kan göra').waitFor();
    await page.getByText('Något behöver åtgärdas').waitFor();
    // The drill's row in the table is red, the full backup's green, each with a word beside the icon.
    const drillRow = page.getByRole('row', { name: /Återställningsövning/ });
    expect(await drillRow.locator('.status').textContent()).toBe('✕Fel');
    await drillRow
      .getByText('Visa hela meddelandet')
      .or(drillRow.getByText('sanity query failed', { exact: false }))
      .first()
      .waitFor();
    const fullRow = page.getByRole('row', { name: /Full säkerhetskopia/ });
    expect(await fullRow.locator('.status').textContent()).toBe('✓OK');
    await fullRow.getByText('för 2 timmar sedan', { exact: false }).waitFor();
    await fullRow.getByText('1,2 GB', { exact: false }).waitFor();
    expect(
      await page
        .getByRole('row', { name: /Differentiell säkerhetskopia/ })
        .locator('.status')
        .textContent(),
    ).toBe('…Pågår');
    await saveScreenshot(page, 'operations-failing-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Operations', level: 1 }).waitFor();
    await page.getByText('Something needs attention').waitFor();
    await page
      .getByRole('row', { name: /Full backup/ })
      .getByText('2 hours ago', { exact: false })
      .waitFor();
    await saveScreenshot(page, 'operations-failing-en');

    expect(problems).toEqual([]);
  });

  it('shows other users neither the link nor the status', async () => {
    const { page, problems } = await openPage(e2e.browser);
    await signUp(page, 'Vera Vanlig', 'vera@example.se', 'Brf Vanlig');
    expect(await page.getByRole('link', { name: 'Drift' }).count()).toBe(0);
    await page.goto(`${e2e.baseUrl}/operations`);
    await page.getByRole('heading', { name: 'Endast för driftansvariga' }).waitFor();
    expect(problems).toEqual([]);
  });
});
