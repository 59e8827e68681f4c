import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryNames } from '../shared/categories.ts';
import type { Action } from '../shared/schemas/action.ts';
import type { LibraryComponent, LibraryItem } from '../shared/schemas/library.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
// The figures on screen must be exactly the expected figures formatted the web app's way.
import { formatAmount } from '../web/lib/i18n/format-amount.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage } from './support/browser-page.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { expandAllSections } from './support/plan-sections.ts';

/**
 * An inspector on a tablet (768 × 1024, touch) starts a plan from the library: ticks 20 building
 * parts in two buildings, enters three last-done years and two quantities, sees what will be
 * created and what it costs, creates the drafts and finds them in the plan with exactly the years
 * and costs the cost model gives; generating the same part again warns instead of duplicating, and the plan's notice undoes it.
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

const password = 'underhåll är att tänka långt';
const startYear = 2026;
const lengthYears = 20;
const endYear = startYear + lengthYears - 1;
const clientCostPercent = 5;
const screenshotDirectory = process.env.KVARTER_SCREENSHOT_DIR ?? path.resolve('e2e/artifacts/14-generate');

async function keepScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`), fullPage: true });
}

/** What one tick enters: the last-done year and quantity as typed, when typed. */
interface Entry {
  component: LibraryComponent;
  buildingId: string;
  buildingName: string;
  lastDoneYear?: number;
  quantityText?: string;
  quantity?: number;
}

/** An action as the generation must create it, without its id. */
interface ExpectedDraft {
  buildingId: string;
  libraryItemId: string;
  category: string;
  unit: string;
  unitPrice: number;
  baseYear: number;
  intervalYears: number;
  quantity: number;
  year: number;
  status: 'draft';
}

/** One draft per item of each ticked part and building (shared/schemas/library.ts, `generateRequestSchema`). */
function expectedDrafts(entries: readonly Entry[], itemsById: ReadonlyMap<string, LibraryItem>): ExpectedDraft[] {
  return entries.flatMap((entry) =>
    entry.component.itemIds.map((itemId) => {
      const item = itemsById.get(itemId);
      if (!item) throw new Error(`component ${entry.component.name.sv} names an item the library does not list: ${itemId}`);
      return {
        buildingId: entry.buildingId,
        libraryItemId: item.id,
        category: item.category,
        unit: item.unit,
        unitPrice: item.unitPrice,
        baseYear: item.priceYear,
        intervalYears: item.lifetimeYears,
        quantity: entry.quantity ?? 0,
        // Due a lifetime after it was last done; never done (as far as is known): due now.
        year: entry.lastDoneYear === undefined ? startYear : entry.lastDoneYear + item.lifetimeYears,
        status: 'draft' as const,
      };
    }),
  );
}

/**
 * docs/product/cost-model.md § Occurrences: an overdue first occurrence is placed in the start
 * year, then every `intervalYears` up to the end of the period; each costs
 * quantity × unitPrice × (1 + clientCost/100) — indexation is off and amounts exclude VAT.
 */
function occurrencesOf(draft: Pick<ExpectedDraft, 'year' | 'intervalYears' | 'quantity' | 'unitPrice'>): { year: number; cost: number }[] {
  const occurrences: { year: number; cost: number }[] = [];
  for (let year = Math.max(draft.year, startYear); year <= endYear; year += draft.intervalYears) {
    occurrences.push({ year, cost: draft.quantity * draft.unitPrice * (1 + clientCostPercent / 100) });
  }
  return occurrences;
}

const draftKey = (draft: ExpectedDraft) => JSON.stringify(draft);
const sortedKeys = (drafts: readonly ExpectedDraft[]) => drafts.map(draftKey).sort();
const asExpected = (action: Action): ExpectedDraft => ({
  buildingId: action.buildingId ?? '',
  libraryItemId: action.libraryItemId ?? '',
  category: action.category,
  unit: action.unit,
  unitPrice: action.unitPrice,
  baseYear: action.baseYear ?? 0,
  intervalYears: action.intervalYears ?? 0,
  quantity: action.quantity,
  year: action.year,
  status: action.status as 'draft',
});

/** A building's tile of one part: its tick and, once ticked, its fields. */
const tileOf = (page: Page, entry: Pick<Entry, 'component' | 'buildingName'>) =>
  page.getByRole('group', { name: entry.component.name.sv, exact: true }).getByRole('group', { name: entry.buildingName, exact: true });

/** Taps open the category groups holding these parts (they start closed). */
async function openGroupsOf(page: Page, components: readonly LibraryComponent[]): Promise<void> {
  for (const category of new Set(components.map((component) => component.category))) {
    const toggle = page.locator('.checklist-group__toggle').filter({ has: page.getByText(categoryNames[category].sv, { exact: true }) });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.tap();
  }
}

/** Every in-period row of the per-year view as "year actionId cost", all sections and rows shown. */
async function perYearRows(page: Page): Promise<string[]> {
  await expandAllSections(page);
  for (;;) {
    const more = page.getByRole('button', { name: /^Visa alla \d+ rader$/ }).first();
    if ((await more.count()) === 0) break;
    await more.tap();
  }
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('table.action-table--by-year')).flatMap((table) => {
      const year = table.querySelector('caption')?.textContent ?? '';
      if (!/^\d{4}$/.test(year)) return [];
      return Array.from(table.querySelectorAll('tbody tr')).flatMap((row) => {
        const id = row.querySelector('th a')?.getAttribute('href')?.split('/').pop();
        const cost = row.querySelectorAll('td.action-table__number')[1]?.textContent;
        return id === undefined || cost === undefined ? [] : [`${year} ${id} ${cost}`];
      });
    }),
  );
}

describe('generate a plan from a checklist on a tablet', () => {
  it('ticks 20 parts in two buildings, creates drafts with exactly the expected years and costs, and warns instead of duplicating', async () => {
    const { page, context, problems } = await openPage(browser, { width: 768, height: 1024 }, { hasTouch: true, isMobile: true });
    const api = await signUpThroughApi(context, e2e.baseUrl, { email: 'ines@brf-lonn.se', password, name: 'Ines Besiktning', accountName: 'Brf Lönn' });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      buildings: ['Hus A', 'Hus B'],
      plan: { name: 'Underhållsplan 2026–2045', startYear, lengthYears, clientCostPercent },
    });
    const [houseA, houseB] = fixture.buildingIds as [string, string];
    const components = await api.get<LibraryComponent[]>('/api/library/components');
    const items = await api.get<LibraryItem[]>(`/api/library/items?accountId=${api.accountId}`);
    expect(components.length, 'the journey takes the built-in library’s first 21 components').toBeGreaterThanOrEqual(21);
    const itemsById = new Map(items.map((item) => [item.id, item]));
    const chosen = components.slice(0, 20);
    const lifetimesOf = (component: LibraryComponent) => component.itemIds.map((itemId) => itemsById.get(itemId)?.lifetimeYears ?? 0);

    // Every part in both buildings; three last-done years (one so long ago every item is overdue) and two quantities.
    const entries: Entry[] = chosen.flatMap((component) => [
      { component, buildingId: houseA, buildingName: 'Hus A' },
      { component, buildingId: houseB, buildingName: 'Hus B' },
    ]);
    const [first, , , fourth, fifth] = entries as [Entry, Entry, Entry, Entry, Entry];
    first.lastDoneYear = startYear - Math.max(...lifetimesOf(first.component)) - 1;
    Object.assign(first, { quantityText: '120', quantity: 120 });
    fourth.lastDoneYear = 2020;
    Object.assign(fourth, { quantityText: '2,5', quantity: 2.5 });
    fifth.lastDoneYear = 2000;
    const expected = expectedDrafts(entries, itemsById);
    const expectedTotal = expected.flatMap(occurrencesOf).reduce((sum, { cost }) => sum + cost, 0);

    // The empty plan leads to the checklist.
    await page.goto(fixture.planUrl);
    await page.locator('.empty-state').getByRole('link', { name: 'Generera från checklista' }).tap();
    await page.getByRole('heading', { name: 'Generera från checklista', level: 2 }).waitFor();
    await page.getByText('Kryssa i minst en byggnadsdel.').waitFor();
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'generate-checklist');

    await openGroupsOf(page, chosen);
    for (const entry of entries) await tileOf(page, entry).getByRole('checkbox', { name: entry.buildingName }).tap();

    // A wrong year is explained beside its field, and the summary waits for it.
    await tileOf(page, first).getByLabel('Senast utfört år').fill('1850');
    await tileOf(page, first).getByText('Ange ett år mellan 1900 och 2200.').waitFor();
    await page.getByText('Rätta de markerade fälten för att se vad som skapas.').waitFor();
    for (const entry of entries) {
      if (entry.lastDoneYear !== undefined) await tileOf(page, entry).getByLabel('Senast utfört år').fill(String(entry.lastDoneYear));
      if (entry.quantityText !== undefined) await tileOf(page, entry).getByLabel('Mängd').fill(entry.quantityText);
    }
    const summary = page.getByTestId('generate-summary');
    await summary.getByText(`${expected.length} åtgärder skapas som utkast.`).waitFor();
    await summary.getByText(`Under planperioden ${startYear}–${endYear}: ${formatAmount(expectedTotal, 'sv', true)}`).waitFor();
    await summary.getByRole('button', { name: 'Visa åtgärderna' }).tap();
    expect(await summary.locator('tbody tr').count()).toBe(expected.length);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'generate-ticked');

    // Create: back on the plan, the notice counts the drafts and can undo them.
    await page.getByRole('button', { name: 'Skapa utkast' }).tap();
    const notice = page.getByTestId('change-set-notice');
    await notice.getByText(`${expected.length} utkast skapades från checklistan.`).waitFor();
    await notice.getByRole('button', { name: 'Ångra' }).waitFor();
    expect(page.url()).toBe(fixture.planUrl);

    const actions = await api.get<Action[]>(`/api/plans/${fixture.planId}/actions`);
    expect(sortedKeys(actions.map(asExpected))).toEqual(sortedKeys(expected));
    const expectedRows = actions.flatMap((action) =>
      occurrencesOf(asExpected(action)).map(({ year, cost }) => `${year} ${action.id} ${formatAmount(cost, 'sv', true)}`),
    );
    expect((await perYearRows(page)).sort()).toEqual(expectedRows.sort());
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'generate-plan-with-drafts');

    // Again with a part generated before: a warning names it, and skipping it creates only the new part.
    await page.getByRole('link', { name: 'Generera från checklista' }).first().tap();
    await page.getByRole('heading', { name: 'Generera från checklista', level: 2 }).waitFor();
    const newPart: Entry = { component: components[20]!, buildingId: houseA, buildingName: 'Hus A' };
    await openGroupsOf(page, [first.component, newPart.component]);
    await tileOf(page, first).getByRole('checkbox', { name: 'Hus A' }).tap();
    await tileOf(page, newPart).getByRole('checkbox', { name: 'Hus A' }).tap();
    await summary.getByText('1 av delarna har genererats förut och hoppas över.').waitFor();
    await page.getByRole('button', { name: 'Skapa utkast' }).tap();
    const warning = page.getByTestId('already-generated');
    await warning.getByRole('heading', { name: 'Vissa delar har genererats förut' }).waitFor();
    expect(await warning.locator('li').allTextContents()).toEqual([`${first.component.name.sv} – Hus A`]);
    expect(await api.get<Action[]>(`/api/plans/${fixture.planId}/actions`)).toHaveLength(expected.length);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'generate-already-generated');

    await warning.getByRole('button', { name: 'Hoppa över dessa' }).tap();
    const added = expectedDrafts([newPart], itemsById);
    const addedText = added.length === 1 ? '1 utkast skapades från checklistan.' : `${added.length} utkast skapades från checklistan.`;
    await notice.getByText(addedText).waitFor();
    expect(sortedKeys((await api.get<Action[]>(`/api/plans/${fixture.planId}/actions`)).map(asExpected))).toEqual(sortedKeys([...expected, ...added]));

    // The notice undoes the generation as a whole.
    await notice.getByRole('button', { name: 'Ångra' }).tap();
    await notice.getByText('Ändringen är ångrad.').waitFor();
    expect(sortedKeys((await api.get<Action[]>(`/api/plans/${fixture.planId}/actions`)).map(asExpected))).toEqual(sortedKeys(expected));
    // The 409 that asked for the choice is the journey's one failed request.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  }, 120_000);
});
