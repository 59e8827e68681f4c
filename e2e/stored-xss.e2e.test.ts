import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { launchBrowser } from './support/browser.ts';
import { openPage, type BrowserPage } from './support/browser-page.ts';
import { eventually } from './support/page-reads.ts';
import { createPlanFixture, type PlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * docs/product/operations-promise.md § Security suite: stored XSS. Script-bearing text goes through
 * the API into every text field the web app shows; then every main screen is opened. Each screen
 * must show the payloads as text (the test waits for them, which also proves the screen rendered
 * the data), no payload may run (it would set `window.__xss` or log `XSS`), no element may come out
 * of a payload, and no link may point at `javascript:`. CSP would stop inline handlers anyway; the
 * point is that the markup never gets into the page, so Chromium never even reports a blocked
 * handler.
 */
const run = "__xss=1,console.error('XSS')";
/** One payload per field, each marked with the field so a screen can be checked for its own. */
const payloads = {
  accountName: `Konto <img src=x onerror="${run}">`,
  userName: `Anna <svg onload="${run}">`,
  organisation: `Brf "><svg onload="${run}">`,
  property: `Eken <script>${run}</script>`,
  designation: `Bet <img src=x onerror=${run}>`,
  address: `javascript:${run}`,
  municipality: `Kommun <iframe src="javascript:${run}"></iframe>`,
  building: `Hus '><img src=x onerror=${run}>`,
  location: `Plats <a href="javascript:${run}">länk</a>`,
  plan: `Plan <img src=x onerror=${run}>`,
  action: `Åtgärd <script>${run}</script>`,
  unit: '<b onclick=x>',
  tag: '<img src=x onerror=__xss=1>',
  note: `Notering <img src=x onerror=${run}> [a](javascript:${run})`,
  completionNote: `Utfört <svg><script>${run}</script></svg>`,
  comment: `Kommentar <img src=x onerror=${run}> javascript:${run}`,
  // Not `"`: browsers (and Playwright) send it as %22 in a multipart file name (WHATWG HTML), so it would not round-trip.
  fileName: `Foto '><img src=x onerror=${run}>.png`,
};

let e2e: TestServer;
let browser: Browser;
let session: BrowserPage;
let fixture: PlanFixture;
let accountId: string;
/** Requests the page made to `/x`: an injected `<img src=x>` would make one. */
const strayRequests: string[] = [];

beforeAll(async () => {
  e2e = await startTestServer();
  browser = await launchBrowser();
  session = await openPage(browser);
  session.page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/x')) strayRequests.push(request.url());
  });
  const api = await signUpThroughApi(session.context, e2e.baseUrl, {
    email: 'xss@example.se',
    password: 'skript i varje fält',
    name: payloads.userName,
    accountName: payloads.accountName,
  });
  accountId = api.accountId;
  fixture = await createPlanFixture(api, e2e.baseUrl, {
    property: { name: payloads.property, designation: payloads.designation, address: payloads.address, municipality: payloads.municipality },
    buildings: [payloads.building],
    locations: [payloads.location],
    plan: { name: payloads.plan },
    actions: [
      {
        name: payloads.action,
        category: 'yttertak',
        quantity: 10,
        unit: payloads.unit,
        unitPrice: 1000,
        year: new Date().getFullYear() + 1,
        intervalYears: 10,
        tags: [payloads.tag],
        note: payloads.note,
        buildingIndex: 0,
        locationIndex: 0,
      },
    ],
  });
  await api.patch(`/api/organisations/${fixture.organisationId}`, { name: payloads.organisation });
  const actionId = fixture.actionIds[0]!;
  await api.post(`/api/actions/${actionId}/complete`, { note: payloads.completionNote });
  await api.post(`/api/actions/${actionId}/comments`, { body: payloads.comment });
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/csrf');
  const upload = await session.context.request.post(`${e2e.baseUrl}/api/actions/${actionId}/attachments`, {
    headers: { 'x-csrf-token': csrfToken },
    multipart: { file: { name: payloads.fileName, mimeType: 'image/png', buffer: tinyPng } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  expect((await upload.json()).fileName).toBe(payloads.fileName);
});
afterAll(async () => {
  await session?.context.close();
  await browser?.close();
  await e2e?.close();
});

const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Waits until each text is shown as text on the page: the screen rendered the stored data. */
async function expectShownAsText(page: Page, texts: string[], screen: string): Promise<void> {
  for (const text of texts) {
    await page
      .getByText(text, { exact: false })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => {
        throw new Error(`${screen}: "${text}" is not shown as text (placeholder screen, or the data is missing)`);
      });
  }
}

/** Nothing ran, nothing was injected, no javascript: link, no request for the payloads' `src=x`. */
async function expectInert(page: Page, screen: string): Promise<void> {
  const found = await page.evaluate(() => {
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
    const javascriptUrls = Array.from(document.querySelectorAll('*')).flatMap((element) =>
      urlAttributes.map((name) => element.getAttribute(name) ?? '').filter((value) => /^\s*javascript:/i.test(value)),
    );
    const handlers = Array.from(document.querySelectorAll('*')).filter((element) =>
      Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name)),
    );
    return {
      ran: (window as unknown as { __xss?: unknown }).__xss ?? null,
      javascriptUrls,
      handlers: handlers.map((element) => element.outerHTML.slice(0, 120)),
      injected: Array.from(document.querySelectorAll('img[src="x"], iframe, script:not([src]), b[onclick]')).map((element) => element.outerHTML.slice(0, 120)),
    };
  });
  expect(found, screen).toEqual({ ran: null, javascriptUrls: [], handlers: [], injected: [] });
  expect(strayRequests, screen).toEqual([]);
  expect(session.problems, screen).toEqual([]);
}

describe('stored XSS payloads in every text field', () => {
  const screens: { name: string; path: () => string; texts: string[] }[] = [
    { name: 'start page', path: () => `/accounts/${accountId}`, texts: [payloads.organisation, payloads.property] },
    {
      name: 'property page',
      path: () => `/accounts/${accountId}/properties/${fixture.propertyId}`,
      texts: [payloads.property, payloads.designation, payloads.address, payloads.municipality, payloads.building, payloads.location, payloads.plan],
    },
    { name: 'plan per year', path: () => `/accounts/${accountId}/plans/${fixture.planId}`, texts: [payloads.plan, payloads.action] },
    { name: 'plan per category', path: () => `/accounts/${accountId}/plans/${fixture.planId}/categories`, texts: [payloads.plan, payloads.action] },
    {
      name: 'action page',
      path: () => `/accounts/${accountId}/plans/${fixture.planId}/actions/${fixture.actionIds[0]}`,
      texts: [payloads.action, payloads.tag, payloads.note, payloads.completionNote, payloads.comment, payloads.fileName],
    },
    { name: 'economic analysis', path: () => `/accounts/${accountId}/plans/${fixture.planId}/analysis`, texts: [payloads.plan, payloads.building] },
    { name: 'fund analysis', path: () => `/accounts/${accountId}/plans/${fixture.planId}/fund`, texts: [payloads.plan] },
    { name: 'plan settings', path: () => `/accounts/${accountId}/plans/${fixture.planId}/settings`, texts: [payloads.plan] },
    { name: 'members page', path: () => `/accounts/${accountId}/members`, texts: [payloads.userName] },
  ];

  for (const screen of screens) {
    it(`${screen.name}: shows them as text and runs none`, async () => {
      const { page } = session;
      await page.goto(`${e2e.baseUrl}${screen.path()}`);
      await expectShownAsText(page, [...screen.texts, payloads.accountName], screen.name);
      await saveScreenshot(page, `stored-xss-${screen.name.replace(/\s+/g, '-')}`);
      await expectInert(page, screen.name);
    });
  }

  it('would notice an injection: markup put into the page by hand is found, and CSP blocks its handler', async () => {
    const probe = await openPage(browser);
    await probe.page.goto(`${e2e.baseUrl}/signin`);
    await probe.page.getByRole('button').first().waitFor();
    const requested = probe.page.waitForRequest((request) => new URL(request.url()).pathname === '/x', { timeout: 10_000 });
    await probe.page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), payloads.designation);
    await requested;
    const injected = await probe.page.evaluate(() => ({
      ran: (window as unknown as { __xss?: unknown }).__xss ?? null,
      images: document.querySelectorAll('img[src="x"][onerror]').length,
    }));
    expect(injected).toEqual({ ran: null, images: 1 });
    await eventually(async () => probe.problems.some((problem) => problem.includes('Content Security Policy'))).toBe(true);
    await probe.context.close();
  });
});
