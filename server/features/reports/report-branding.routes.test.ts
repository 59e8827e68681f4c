import { afterAll, beforeAll, expect, it } from 'vitest';
import { asAccountId } from '../../db/account-id.ts';
import { makeLogo, putBranding } from '../../test-support/branding-form.ts';
import { created, createPropertyWithPlan, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';
import { pdfImages, pdfText, pdfWords, requirePopplerTools } from './pdf-tools.test-support.ts';
import { brandLogoBox, pageGeometry } from './report-layout.ts';

let testApp: TestApp;
let team: Team;
let planId: string;

beforeAll(async () => {
  requirePopplerTools();
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  planId = (await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Åkern', property: 'Åkern 3', plan: 'Underhållsplan 2026' }))
    .planId;
});
afterAll(async () => {
  await testApp?.close();
});

async function report(url: string, client = team.viewer.client) {
  const response = await client.get(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const pdf = response.rawPayload;
  return { images: await pdfImages(pdf), pages: await pdfWords(pdf), text: await pdfText(pdf) };
}

it('has no brand on the cover while the account has no branding of its own or its manager’s', async () => {
  const { images, text } = await report(`/api/plans/${planId}/report.pdf`);
  expect(images).toEqual([]);
  expect(text.split('\n').slice(0, 2)).toEqual(['Underhållsplan 2026', 'Åkern 3']);
});

it('draws the logo on the first page, scaled to fit with its aspect kept, and the display name beside it', async () => {
  // 240 × 80 pixels into a box of 180 × 48 points: the height decides, 0.6 points a pixel, 144 × 48.
  const logo = await makeLogo('png', { width: 240, height: 80 });
  expect(
    (await putBranding(team.admin.client, team.accountId, { displayName: 'Åkerns Förvaltning', colour: '#1D4F91' }, { fileName: 'l.png', content: logo }))
      .statusCode,
  ).toBe(200);
  const { images, pages } = await report(`/api/plans/${planId}/report.pdf`);
  expect(images).toEqual([{ page: 1, width: 240, height: 80 }]);
  const first = pages[0]!;
  const name = first.filter((word) => word.text === 'Åkerns' || word.text === 'Förvaltning');
  expect(name.map((word) => word.text)).toEqual(['Åkerns', 'Förvaltning']);
  expect(name[0]!.xMin).toBeCloseTo(pageGeometry.left + 144 + 12, 0);
  expect(name[0]!.yMin).toBeGreaterThan(pageGeometry.top);
  expect(name[0]!.yMax).toBeLessThan(pageGeometry.top + brandLogoBox.height);
  expect(
    pages
      .slice(1)
      .flat()
      .some((word) => word.text === 'Förvaltning'),
  ).toBe(false);

  // Without a logo: the name alone, at the margin, and no image.
  expect((await putBranding(team.admin.client, team.accountId, { displayName: 'Åkerns Förvaltning', colour: '#1D4F91', removeLogo: 'true' })).statusCode).toBe(
    200,
  );
  const withoutLogo = await report(`/api/plans/${planId}/report.pdf`);
  expect(withoutLogo.images).toEqual([]);
  expect(withoutLogo.pages[0]!.find((word) => word.text === 'Åkerns')?.xMin).toBeCloseTo(pageGeometry.left, 0);
  expect((await team.admin.client.delete(`/api/accounts/${team.accountId}/branding`)).statusCode).toBe(204);
});

it('puts the manager’s brand on a customer’s report, also the one read through a share link', async () => {
  const logo = await makeLogo('jpeg', { width: 100, height: 100 });
  expect(
    (await putBranding(team.admin.client, team.accountId, { displayName: 'Förvaltaren', colour: '#175640' }, { fileName: 'l.jpg', content: logo })).statusCode,
  ).toBe(200);
  const customer = created<{ accountId: string }>(await team.admin.client.post(`/api/accounts/${team.accountId}/customers`, { name: 'Brf Kunden' }));
  const customerPlan = (
    await createPropertyWithPlan(team.admin.client, asAccountId(customer.accountId), { organisation: 'Brf Kunden', property: 'Kunden 1', plan: 'Kundens plan' })
  ).planId;
  const link = created<{ url: string }>(
    await team.admin.client.post(`/api/plans/${customerPlan}/share-links`, { expiresAt: new Date(Date.now() + 86_400_000).toISOString(), label: 'Banken' }),
  );
  const token = link.url.split('/share/')[1]!;
  for (const url of [`/api/plans/${customerPlan}/report.pdf`, `/api/share/${token}/report.pdf`]) {
    const client = url.startsWith('/api/share/') ? new TestClient(testApp.app, '10.80.0.1') : team.viewer.client;
    const { images, pages } = await report(url, client);
    expect(images, url).toEqual([{ page: 1, width: 100, height: 100 }]);
    // 100 × 100 pixels: the height decides, 48 × 48 points.
    expect(pages[0]!.find((word) => word.text === 'Förvaltaren')?.xMin, url).toBeCloseTo(pageGeometry.left + 48 + 12, 0);
  }
});
