import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { openPage } from './support/browser-page.ts';
import { eventually, textOf } from './support/page-reads.ts';
import { signUpThroughApi } from './support/api-session.ts';
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

/** A drawn "photo" of a house under a sky, so that screenshots show something like the real thing. */
function housePhoto(sky: string, wall: string, roof: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
    <rect width="1200" height="800" fill="url(#sky)"/><rect y="640" width="1200" height="160" fill="#5d8a4a"/>
    <rect x="300" y="360" width="600" height="320" fill="${wall}"/><polygon points="260,370 600,140 940,370" fill="${roof}"/>
    <rect x="380" y="440" width="90" height="90" fill="#dfe9f1"/><rect x="730" y="440" width="90" height="90" fill="#dfe9f1"/>
    <rect x="560" y="520" width="80" height="160" fill="#6b4a2f"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** The element that has the keyboard focus, as "<tag> <accessible text>". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const text = element?.getAttribute('aria-label') ?? element?.querySelector('img')?.getAttribute('alt') ?? element?.textContent ?? '';
    return `${element?.tagName.toLowerCase()} ${text.trim()}`;
  });
}

describe('photos', () => {
  it('shows thumbnails on the action page and in the thread, and opens them in a viewer, by keyboard alone', async () => {
    const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'anna@brf-lonnen.se',
      password: 'ekar och lönnar i parken',
      name: 'Anna Ordförande',
      accountName: 'Brf Lönnen',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, {
      actions: [{ name: 'Omläggning av yttertak', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640, year: 2031 }],
    });
    const actionId = fixture.actionIds[0]!;
    const upload = (name: string, mimeType: string, buffer: Buffer) => api.postFile(`/api/actions/${actionId}/attachments`, { name, mimeType, buffer });
    await upload('tak-norr.jpg', 'image/jpeg', await housePhoto('#7fb2e5', '#c9b79c', '#8a3324'));
    await api.post(`/api/actions/${actionId}/comments`, { body: 'Mossa och spruckna pannor på norrsidan, se fotot.' });
    await upload('IMG_0042.HEIC', 'image/heic', (await samplePhotos()).heic);
    await upload('offert.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    await upload('tak-söder.jpg', 'image/jpeg', await housePhoto('#f2c28b', '#e6e0d4', '#3f4a52'));

    await page.goto(`${fixture.planUrl}/actions/${actionId}`);
    const attachmentThumbnails = page.locator('.attachment .photo-thumbnail__image');
    await eventually(() => attachmentThumbnails.count()).toBe(3);
    // Every thumbnail has loaded and is a picture (the PDF has none).
    await eventually(() => attachmentThumbnails.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))).toEqual([
      320, 320, 320,
    ]);
    expect(await page.locator('.comment--photo .photo-thumbnail__image').count()).toBe(3);
    expect(await textOf(page.locator('.comment-list'))).toMatch(
      /Anna Ordförande \(du\) lade till ett foto.*tak-norr\.jpg.*Mossa och spruckna pannor.*IMG_0042\.HEIC.*tak-söder\.jpg/,
    );
    // The download stays where it was.
    await page.getByRole('link', { name: 'Ladda ner tak-norr.jpg' }).waitFor();
    await page.getByRole('heading', { name: 'Bilagor' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'photos-thumbnails-1280');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    // Keyboard alone: Tab to the first photo of the attachment list, open it, move, close.
    const opener = 'button Visa fotot tak-norr.jpg';
    const firstInList = page.locator('.attachment .photo-thumbnail').first();
    for (let presses = 0; presses < 200 && !(await firstInList.evaluate((button) => button === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(page)).toBe(opener);
    await page.keyboard.press('Enter');
    const viewer = page.getByRole('dialog', { name: 'Fotovisare' });
    await viewer.waitFor();
    expect(await focused(page)).toBe('button Stäng');
    await eventually(() => textOf(viewer.locator('figcaption'))).toBe('tak-norr.jpg Foto 1 av 3');
    const shown = viewer.locator('.photo-viewer__image');
    await eventually(() => shown.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(1200);
    expect(await shown.getAttribute('alt')).toBe('Fotot tak-norr.jpg');
    await saveScreenshot(page, 'photos-viewer-1280');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    await eventually(() => textOf(viewer.locator('figcaption'))).toBe('IMG_0042.HEIC Foto 2 av 3');
    // Browsers other than Safari cannot show HEIC: the viewer shows the thumbnail and says so.
    await eventually(() => shown.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(320);
    await viewer.getByText('Webbläsaren kan inte visa HEIC-foton').waitFor();
    await page.keyboard.press('ArrowRight');
    await eventually(() => textOf(viewer.locator('figcaption'))).toBe('tak-söder.jpg Foto 3 av 3');
    await page.keyboard.press('ArrowRight');
    await eventually(() => textOf(viewer.locator('figcaption'))).toBe('tak-norr.jpg Foto 1 av 3');
    await page.keyboard.press('ArrowLeft');
    await eventually(() => textOf(viewer.locator('figcaption'))).toBe('tak-söder.jpg Foto 3 av 3');
    await viewer.getByRole('link', { name: 'Ladda ner tak-söder.jpg' }).waitFor();

    await page.keyboard.press('Escape');
    await eventually(() => viewer.isVisible()).toBe(false);
    await eventually(() => focused(page)).toBe(opener);

    // From the thread, with the mouse and the visible close button.
    await page.locator('.comment--photo .photo-thumbnail').nth(1).click();
    await eventually(() => textOf(viewer.locator('figcaption'))).toBe('IMG_0042.HEIC Foto 2 av 3');
    await viewer.getByRole('button', { name: 'Stäng' }).click();
    await eventually(() => viewer.isVisible()).toBe(false);
    await eventually(() => focused(page)).toBe('button Visa fotot IMG_0042.HEIC');

    expect(problems).toEqual([]);
  });
});
