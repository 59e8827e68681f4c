import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots of the main screens, kept as test artefacts in e2e/artifacts/ (git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const directory = path.resolve('e2e/artifacts');
  await mkdir(directory, { recursive: true });
  await page.screenshot({ path: path.join(directory, `${name}.png`), fullPage: true });
}
