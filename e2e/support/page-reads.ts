import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * How long a value read from the page may take to reach what a step expects. Generous: CI runs on
 * a shared, often heavily loaded 2-core machine, where a refetch or a React commit can lag by seconds.
 */
const settleTimeoutMs = 10_000;

/**
 * Vitest's `expect.poll` with a timeout fit for a loaded machine: `read` is called again until the
 * matcher chained on the result passes, so a value read right after a click, a language switch or
 * a mutation is compared once the page has caught up. The matcher stays exact; after the timeout
 * it fails with the last value read and Vitest's diff.
 */
export function eventually<T>(read: () => Promise<T>, message?: string) {
  return expect.poll(read, { timeout: settleTimeoutMs, message });
}

/** The tab's title names the screen; the app sets it in an effect, after the screen has rendered. */
export async function expectTitle(page: Page, title: string): Promise<void> {
  await eventually(() => page.title()).toBe(`${title} · Kvarter`);
}

/** Visible text with every run of white space (Intl's no-break spaces too) as one space. */
export function normalise(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The normalised visible text of `locator`. */
export async function textOf(locator: Locator): Promise<string> {
  return normalise(await locator.innerText());
}
