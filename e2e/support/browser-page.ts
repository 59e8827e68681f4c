import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface BrowserPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors of the page: a journey ends by expecting none. */
  problems: string[];
}

/**
 * A fresh browser context (own cookies) at tablet-landscape size (or the `viewport` given, with a
 * touch screen when `device.hasTouch`) that trusts the test server's
 * certificate, collecting the page's errors. A signed-out start probes /api/auth/me and gets the
 * expected 401, which is not a problem.
 */
export async function openPage(
  browser: Browser,
  viewport = { width: 1024, height: 768 },
  device: { hasTouch?: boolean; isMobile?: boolean } = {},
): Promise<BrowserPage> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport, ...device });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('401')) problems.push(message.text());
  });
  return { page, context, problems };
}
