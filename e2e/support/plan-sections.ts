import type { Page } from 'playwright-core';

/**
 * Presses "Visa alla" on a plan view and waits until every year or category is open. The app
 * opens them in a React transition (the page stays responsive on large plans), so the rows appear
 * some frames after the click; reading the page before then sees closed sections.
 */
export async function expandAllSections(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Visa alla', exact: true }).click();
  await page.locator('.table-section__toggle[aria-expanded="false"]').first().waitFor({ state: 'detached' });
}
