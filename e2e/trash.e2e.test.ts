import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { openPage } from './support/browser-page.ts';
import { startJourney } from './support/journey.ts';
import { eventually } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

const e2e = startJourney();

/** What the action page says in one of its details (Byggnad, Läge…). */
function detail(page: Page, term: string) {
  return page.locator('.action-details__item', { has: page.locator('dt', { hasText: term }) }).locator('dd');
}

describe('the trash', () => {
  it('restores a deleted building onto its actions, and a deleted action with its comment', async () => {
    const { page, context, problems } = await openPage(e2e.browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'tova@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Tova Förvaltare',
      accountName: 'Brf Eken',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      buildings: ['Hus A'],
      actions: [
        { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640, year: 2031, buildingIndex: 0 },
        { name: 'Målning fasad', category: 'fasad', quantity: 900, unit: 'm2', unitPrice: 320, year: 2033, buildingIndex: 0 },
        { name: 'Relining', category: 'avlopp', quantity: 1, unit: 'st', unitPrice: 900000, year: 2035 },
      ],
    });
    const [roofId, facadeId, reliningId] = fixture.actionIds;
    await api.post(`/api/actions/${reliningId}/comments`, { body: 'Offert från två firmor före beslut.' });
    const actionUrl = (id: string | undefined) => `${fixture.planUrl}/actions/${id}`;

    // Deleting the building: the dialog says it can be restored, and its actions lose it.
    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${fixture.propertyId}`);
    await page.getByRole('button', { name: 'Ta bort byggnaden Hus A' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Byggnaden kan återställas från papperskorgen i 30 dagar, och åtgärderna får den då tillbaka.').waitFor();
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('Byggnaden Hus A är borttagen.').waitFor();
    for (const id of [roofId, facadeId]) {
      await page.goto(actionUrl(id));
      await eventually(() => detail(page, 'Byggnad').innerText()).toBe('Ingen');
    }

    // The trash, reached from the account's menu, lists it with who deleted it and when it goes.
    await page.getByRole('link', { name: 'Papperskorg' }).click();
    await page.getByRole('heading', { name: 'Papperskorg', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Hus A/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Hus A\s+Byggnad\s+.+ av Tova Förvaltare\s+.+\s+Återställ/);
    await saveScreenshot(page, 'trash-list');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Återställ Hus A' }).click();
    await page.getByText('”Hus A” är tillbaka, med allt som togs bort samtidigt.').waitFor();
    await page.getByRole('heading', { name: 'Papperskorgen är tom' }).waitFor();
    await saveScreenshot(page, 'trash-restored-empty');
    for (const id of [roofId, facadeId]) {
      await page.goto(actionUrl(id));
      await eventually(() => detail(page, 'Byggnad').innerText()).toBe('Hus A');
    }

    // Deleting an action with a comment, and restoring it with the comment.
    await page.goto(actionUrl(reliningId));
    await page.getByText('Offert från två firmor före beslut.').waitFor();
    await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await dialog.getByText('Den kan återställas från papperskorgen i 30 dagar.').waitFor();
    await saveScreenshot(page, 'trash-delete-dialog');
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('”Relining” togs bort.').waitFor();

    await page.getByRole('link', { name: 'Papperskorg' }).click();
    await page.getByRole('row', { name: /Relining/ }).waitFor();
    await page.getByRole('button', { name: 'Återställ Relining' }).click();
    await page.getByText('”Relining” är tillbaka, med allt som togs bort samtidigt.').waitFor();
    await page.goto(actionUrl(reliningId));
    await page.getByText('Offert från två firmor före beslut.').waitFor();
    await eventually(() => detail(page, 'Kategori').innerText()).toContain('Avlopp');

    // In English too.
    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/trash`);
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();
    await saveScreenshot(page, 'trash-empty-en');
    expect(problems).toEqual([]);
  });
});
