import { describe, expect, it } from 'vitest';
import { signUpThroughApi } from './support/api-session.ts';
import { openPage } from './support/browser-page.ts';
import { startJourney } from './support/journey.ts';
import { eventually, textOf } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * What a newcomer found hidden or ambiguous, in Swedish: a done one-off action stays in the
 * per-year view and is found by "Genomförd"; a year after the plan period is explained where it is
 * typed and its action listed after the years; a building's name cannot be taken twice.
 */
const e2e = startJourney();

describe('plan trust defects', () => {
  it('keeps done and out-of-period actions visible, explains a year outside the period, and refuses a taken building name', async () => {
    const { page, context, problems } = await openPage(e2e.browser);
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'nina@brf-eken.se',
      password: 'lönnar längs hela gatan',
      name: 'Nina',
      accountName: 'Brf Eken',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      buildings: ['Hus A'],
      plan: { name: 'Underhållsplan', startYear: 2026, lengthYears: 30 },
      actions: [
        { name: 'Byte av hiss', category: 'transport', quantity: 1, unit: 'st', unitPrice: 900000, year: 2027, status: 'done' },
        { name: 'Målning fasad', category: 'fasad', quantity: 1, unit: 'st', unitPrice: 400000, year: 2027 },
        { name: 'Stambyte', category: 'vatten', quantity: 1, unit: 'st', unitPrice: 5000000, year: 2070 },
      ],
    });
    const count = () => textOf(page.locator('.plan-filters__count'));

    // 1. The done one-off is listed in 2027, marked done and not in the year's sum.
    await page.goto(fixture.planUrl);
    await page.locator('tr[data-action-id]').first().waitFor();
    await eventually(count).toBe('3 av 3 åtgärder');
    const year2027 = page.locator('[data-section="2027"]');
    expect(await textOf(year2027.locator('tr', { hasText: 'Byte av hiss' }))).toBe('Byte av hiss Transport 1 st Ingår inte i summan Genomförd Ändra');
    expect(await textOf(year2027.getByTestId('year-total'))).toBe('400 000 kr');
    expect(await textOf(page.getByTestId('grand-total'))).toBe('400 000 kr');

    // 2. After the plan period: a section of its own after the years, with a count.
    const after = page.locator('[data-section="after"]');
    await after.scrollIntoViewIfNeeded();
    expect(await textOf(after.getByRole('heading'))).toBe('Efter planperioden 1 åtgärd');
    // Open at first, like the first three sections: this plan has one year with a cost.
    expect(await after.getByRole('button', { name: /Efter planperioden/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await textOf(after.locator('tr', { hasText: 'Stambyte' }))).toBe('Stambyte Vatten 1 st 2070 Planerad Ändra');
    expect(await textOf(after.locator('.table-section__note'))).toBe(
      'Åtgärder planerade efter planperioden 2026–2055. De räknas inte med förrän perioden når dit.',
    );
    await saveScreenshot(page, 'plan-trust-defects-per-year');

    // The status filter "Genomförd" finds the done action.
    await page.locator('.plan-filters').getByLabel('Status').selectOption({ label: 'Genomförd' });
    await eventually(count).toBe('1 av 3 åtgärder');
    expect(await page.locator('[data-section]').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-section')))).toEqual(['2027']);
    expect(await page.locator('tr[data-action-id] th a').allInnerTexts()).toEqual(['Byte av hiss']);
    await page.locator('.plan-filters').getByRole('button', { name: 'Rensa filter' }).click();
    await eventually(count).toBe('3 av 3 åtgärder');

    // Inline edit says the same as the year is typed, before saving.
    await page.getByRole('button', { name: 'Ändra år eller status för Målning fasad' }).click();
    const inlineYear = page.locator('.inline-edit').getByLabel('Planerat år');
    await inlineYear.fill('2070');
    await page.locator('.inline-edit').getByText('2070 ligger efter planperioden 2026–2055. Åtgärden räknas inte med förrän perioden når dit.').waitFor();
    await inlineYear.fill('2030');
    await eventually(() => page.locator('.inline-edit .year-notice__text').count()).toBe(0);
    await page.keyboard.press('Escape');

    // The action form, new and edit: a notice under the year, before saving.
    await page.goto(`${fixture.planUrl}/actions/new`);
    await page.getByRole('heading', { name: 'Ny åtgärd', level: 1 }).waitFor();
    const year = page.getByLabel('År', { exact: true });
    await year.fill('2070');
    await page.getByText('2070 ligger efter planperioden 2026–2055. Åtgärden räknas inte med förrän perioden når dit.').waitFor();
    await saveScreenshot(page, 'plan-trust-defects-action-form-after');
    await year.fill('2020');
    await page.getByText('2020 ligger före planperioden 2026–2055. Åtgärden räknas som försenad och läggs på planens första år, 2026.').waitFor();
    // A done action is not counted in any year: nothing to explain.
    await page.getByLabel('Status').selectOption('done');
    await eventually(() => page.locator('.year-notice__text').count()).toBe(0);
    await page.goto(`${fixture.planUrl}/actions/${fixture.actionIds[2]}`);
    await page.getByRole('button', { name: 'Redigera' }).click();
    await page.getByRole('heading', { name: 'Redigera åtgärden' }).waitFor();
    await page.getByText('2070 ligger efter planperioden 2026–2055. Åtgärden räknas inte med förrän perioden når dit.').waitFor();

    // 3. A building name the property has, in another case, is refused beside the field.
    await page.goto(`${e2e.baseUrl}/accounts/${api.accountId}/properties/${fixture.propertyId}`);
    await page.getByLabel('Byggnadens namn').fill(' hus a ');
    await page.getByRole('button', { name: 'Lägg till byggnad' }).click();
    await page.getByText('Fastigheten har redan en byggnad med det namnet. Välj ett annat namn.').waitFor();
    expect(await page.getByLabel('Byggnadens namn').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'plan-trust-defects-building-name');
    const buildings = await api.get<{ name: string }[]>(`/api/properties/${fixture.propertyId}/buildings`);
    expect(buildings.map(({ name }) => name)).toEqual(['Hus A']);

    // The refused name is the one failed request.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  }, 180_000);
});
