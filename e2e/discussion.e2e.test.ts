import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { openPage } from './support/browser-page.ts';
import { eventually } from './support/page-reads.ts';
import { signUpThroughApi, addMemberThroughApi } from './support/api-session.ts';
import { createPlanFixture } from './support/plan-fixture.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { samplePhotos } from '../server/test-support/sample-photos.ts';
import { startTestServer, type TestServer } from '../server/test-support/test-server.ts';

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

/**
 * Real photos, since the page now shows each photo's thumbnail (a file that only starts like a PNG
 * has none, and its 404 would be a console error): about 3 MB of noise, so the upload's progress
 * shows, and a small one.
 */
let png: Buffer;
let smallPng: Buffer;
beforeAll(async () => {
  png = await sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } })
    .png()
    .toBuffer();
  smallPng = (await samplePhotos()).png;
});

describe('discussion', () => {
  it('comments and attachments on the action page', async () => {
    const viewerPage = await openPage(browser, { width: 768, height: 1024 });
    const viewerSignUp = { email: 'vera@brf-eken.se', password: 'ekar och lönnar i parken', name: 'Vera Läsare', accountName: 'Vera egen' };
    const viewerApi = await signUpThroughApi(viewerPage.context, e2e.baseUrl, viewerSignUp);

    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'anna@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Anna Ordförande',
      accountName: 'Brf Eken',
    });
    await addMemberThroughApi(api, viewerApi, viewerSignUp.email, 'viewer');
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      actions: [{ name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640, year: 2031 }],
    });
    const actionUrl = `${fixture.planUrl}/actions/${fixture.actionIds[0]}`;

    await page.goto(actionUrl);
    await page.getByRole('heading', { name: 'Kommentarer' }).waitFor();
    await page.getByText('Inga kommentarer ännu').waitFor();
    await page.getByText('Inga bilagor ännu').waitFor();
    await saveScreenshot(page, 'discussion-empty');

    await page.getByRole('button', { name: 'Skicka kommentar' }).click();
    await page.getByText('Fältet måste fyllas i.').waitFor();
    // Focus moves to the invalid field in an effect, after the message has rendered.
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body');

    await page.getByLabel('Ny kommentar').fill('Läckage vid skorstenen.\nSe foto.');
    await page.getByRole('button', { name: 'Skicka kommentar' }).click();
    await page.getByText('Kommentaren är sparad.').waitFor();
    await page.getByText('Anna Ordförande (du)').waitFor();
    await eventually(() => page.getByLabel('Ny kommentar').inputValue()).toBe('');

    const started = Date.now();
    await page.locator('input[type=file]').setInputFiles({ name: 'tak.png', mimeType: 'image/png', buffer: png });
    await page.locator('.upload-progress').waitFor();
    await page.getByText('tak.png är uppladdad.').waitFor();
    console.log('upload of 3 MB took', Date.now() - started, 'ms');
    await page.getByRole('link', { name: 'Ladda ner tak.png' }).waitFor();
    const href = await page.getByRole('link', { name: 'Ladda ner tak.png' }).getAttribute('href');
    const download = await context.request.get(`${e2e.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(Buffer.compare(await download.body(), png)).toBe(0);
    console.log(await page.locator('.attachment__meta').first().innerText());

    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'faktura.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') });
    await page.getByText('faktura.pdf: Bara foton (JPEG, PNG, WebP, HEIC) och PDF-filer kan bifogas.').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'program.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await page.getByText('program.exe: Bara foton (JPEG, PNG, WebP, HEIC) och PDF-filer kan bifogas.').waitFor();

    // Drag and drop.
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'offert.pdf', { type: 'application/pdf' }));
      return transfer;
    });
    await page.locator('.upload-zone').dispatchEvent('drop', { dataTransfer });
    await page.getByText('offert.pdf är uppladdad.').waitFor();
    await saveScreenshot(page, 'discussion-filled-1280');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // Oversized, bypassing the client's check, over real HTTPS: a clean 400, not a reset.
    const oversized = await page.evaluate(async (actionId) => {
      const token = (await (await fetch('/api/auth/csrf')).json()).csrfToken as string;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(25_000_000)]), 'huge.png');
      const response = await fetch(`/api/actions/${actionId}/attachments`, {
        method: 'POST',
        body: form,
        headers: { 'x-csrf-token': token, 'accept-language': 'en' },
      });
      return { status: response.status, body: await response.json() };
    }, fixture.actionIds[0]);
    console.log('oversized:', JSON.stringify(oversized));
    expect(oversized.status).toBe(400);
    const tooMany = await page.evaluate(async (actionId) => {
      const token = (await (await fetch('/api/auth/csrf')).json()).csrfToken as string;
      const form = new FormData();
      form.append('note', 'x');
      form.append('file', new Blob([new Uint8Array(5_000_000)]), 'a.png');
      const response = await fetch(`/api/actions/${actionId}/attachments`, {
        method: 'POST',
        body: form,
        headers: { 'x-csrf-token': token, 'accept-language': 'en' },
      });
      return { status: response.status, body: await response.json() };
    }, fixture.actionIds[0]);
    console.log('field first:', JSON.stringify(tooMany));
    expect(tooMany.status).toBe(400);

    // Delete the comment with confirmation.
    await page.getByRole('button', { name: /Ta bort kommentaren från Anna/ }).click();
    await page.getByRole('dialog', { name: 'Ta bort kommentaren?' }).waitFor();
    await saveScreenshot(page, 'discussion-confirm');
    await page.getByRole('button', { name: 'Ta bort kommentaren', exact: true }).click();
    await page.getByText('Kommentaren är borttagen.').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Kommentarer');

    // The viewer, on a tablet: may comment and upload, may not delete the admin's files.

    await viewerPage.page.goto(actionUrl);
    await viewerPage.page.getByRole('link', { name: 'Ladda ner tak.png' }).waitFor();
    expect(await viewerPage.page.getByRole('button', { name: 'Ta bort tak.png' }).count()).toBe(0);
    await viewerPage.page.getByLabel('Ny kommentar').fill('Jag såg det också.');
    await viewerPage.page.getByRole('button', { name: 'Skicka kommentar' }).click();
    await viewerPage.page.getByText('Vera Läsare (du)').waitFor();
    await viewerPage.page.locator('input[type=file]').setInputFiles({ name: 'min.png', mimeType: 'image/png', buffer: smallPng });
    await viewerPage.page.getByText('min.png är uppladdad.').waitFor();
    // The confirmation shows once the upload is done; the list shows the file when it is fetched again.
    await eventually(() => viewerPage.page.getByRole('button', { name: 'Ta bort min.png' }).count()).toBe(1);
    await saveScreenshot(viewerPage.page, 'discussion-viewer-768');
    const overflow = await viewerPage.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log('horizontal overflow at 768:', overflow);
    expect(await findSeriousAccessibilityViolations(viewerPage.page)).toEqual([]);

    // English.
    expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
    expect(viewerPage.problems).toEqual([]);
  }, 120_000);
});
