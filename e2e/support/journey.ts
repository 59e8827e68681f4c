import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../server/test-support/test-server.ts';
import { signUpThroughApi, type ApiSession, type SignUp } from './api-session.ts';
import { launchBrowser } from './browser.ts';
import { openPage, type BrowserPage } from './browser-page.ts';

/** What the journeys of one file share; its fields are there once `beforeAll` has run. */
export interface Journey {
  readonly baseUrl: string;
  readonly database: TestServer['database'];
  readonly browser: Browser;
}

/**
 * Starts the server (on its own fresh database) and the browser before a file's first journey and
 * closes both after its last. Call it at the top of the file; read its fields inside the tests.
 * `environment` adds configuration variables for the server (e.g. KVARTER_HA_EXPECTED_REPLICAS).
 */
export function startJourney(options: { environment?: Record<string, string> } = {}): Journey {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer({ environment: options.environment });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The journey starts in beforeAll: read it inside a test.');
    return value;
  };
  return {
    get baseUrl() {
      return started(server).baseUrl;
    },
    get database() {
      return started(server).database;
    },
    get browser() {
      return started(browser);
    },
  };
}

/** Karin, who keeps the plans of several cooperatives from her firm's account. */
export const managerSignUp: SignUp = {
  email: 'karin@forvaltning.se',
  password: 'förvaltning av många föreningar',
  name: 'Karin Förvaltare',
  accountName: 'Förvaltning AB',
};

/** The desktop size the journeys of managers' screens (wide tables) use. */
export const desktop = { width: 1280, height: 900 };

/**
 * A fresh page in a context of its own, signed in as a person who has just signed up with an
 * account of their own (`api`: the API as them, to set data up fast).
 */
export async function signedUpPage(journey: Journey, signUp: SignUp, viewport?: { width: number; height: number }): Promise<BrowserPage & { api: ApiSession }> {
  const browserPage = await openPage(journey.browser, viewport);
  const api = await signUpThroughApi(browserPage.context, journey.baseUrl, signUp);
  return { ...browserPage, api };
}
