import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAppRoutes, routeKey } from '../../security/app-routes.ts';
import { asAccountId } from '../../db/account-id.ts';
import { makeLogo, putBranding } from '../../test-support/branding-form.ts';
import { created, createPropertyWithPlan, isoTimestamp, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, TestClient, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let planId: string;
/** Another plan of the same property, which a link to the first must not reveal. */
let neighbourPlanId: string;

const dayMs = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * dayMs).toISOString();

/** Anonymous readers, each from its own address: the token routes are limited per client IP. */
let visitorCounter = 0;
const visitor = () => {
  visitorCounter += 1;
  return new TestClient(testApp.app, `10.70.${Math.floor(visitorCounter / 250)}.${(visitorCounter % 250) + 1}`);
};

const tokenOf = (url: string) => {
  const match = /^https:\/\/localhost:8443\/share\/([A-Za-z0-9_-]{43})$/.exec(url);
  if (!match) throw new Error(`not a share link: ${url}`);
  return match[1]!;
};

async function createLink(label = 'Banken', expiresAt = inDays(30)) {
  const body = created<{ id: string; url: string; expiresAt: string }>(await team.editor.client.post(`/api/plans/${planId}/share-links`, { expiresAt, label }));
  return { ...body, token: tokenOf(body.url) };
}

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  const ids = await createPropertyWithPlan(team.editor.client, team.accountId, { organisation: 'Brf Åkern', property: 'Åkern 3', plan: 'Underhållsplan 2026' });
  planId = ids.planId;
  const editor = team.editor.client;
  created(
    await editor.post(`/api/plans/${planId}/actions`, { name: 'Byte av fönster', category: 'fasad', quantity: 40, unit: 'st', unitPrice: 12000, year: 2030 }),
  );
  created(
    await editor.post(`/api/plans/${planId}/actions`, {
      name: 'Omläggning av tak',
      category: 'yttertak',
      buildingId: ids.buildingId,
      quantity: 450,
      unit: 'm2',
      unitPrice: 640.5,
      year: 2028,
      intervalYears: 30,
    }),
  );
  created(await editor.post(`/api/plans/${planId}/actions`, { name: 'Relining', category: 'avlopp', quantity: 1, unit: 'st', unitPrice: 90000, year: 2028 }));
  neighbourPlanId = created<{ id: string }>(await editor.post(`/api/properties/${ids.propertyId}/plans`, { name: 'Hemlig plan', startYear: 2027 })).id;
});
afterAll(async () => {
  await testApp.close();
});

describe('making and listing share links', () => {
  it('gives an editor a 201 with the url once, stores only the token’s SHA-256, and lists the link without it', async () => {
    const expiresAt = inDays(30);
    const response = await team.editor.client.post(`/api/plans/${planId}/share-links`, { expiresAt, label: '  Banken  ' });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json() as { id: string; url: string; expiresAt: string };
    expect(body).toEqual({ id: expect.any(String), url: expect.stringMatching(/^https:\/\/localhost:8443\/share\//), expiresAt });
    const token = tokenOf(body.url);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const row = await testApp.database.db.selectFrom('share_links').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.label).toBe('Banken');
    expect(row.plan_id).toBe(planId);
    expect(row.account_id).toBe(team.accountId);

    const list = await team.viewer.client.get(`/api/plans/${planId}/share-links`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      { id: body.id, label: 'Banken', expiresAt, createdAt: isoTimestamp, createdBy: { id: team.editor.userId, name: team.editor.name }, isExpired: false },
    ]);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(row.token_hash);

    const audit = await testApp.database.db
      .selectFrom('audit_events')
      .select(['event', 'user_id', 'details'])
      .where('event', '=', 'share_link.created')
      .execute();
    expect(audit).toEqual([
      { event: 'share_link.created', user_id: team.editor.userId, details: { label: 'Banken', planId, expiresAt, shareLinkId: body.id } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect((await team.editor.client.delete(`/api/share-links/${body.id}`)).statusCode).toBe(204);
  });

  it('refuses a viewer (403) and changes nothing', async () => {
    const before = await testApp.database.db.selectFrom('share_links').selectAll().execute();
    const response = await team.viewer.client.post(`/api/plans/${planId}/share-links`, { expiresAt: inDays(30), label: 'Mäklare' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect(await testApp.database.db.selectFrom('share_links').selectAll().execute()).toEqual(before);
  });

  it('refuses an expiry in the past, more than 365 days ahead or not a time, and a missing or blank label (400 with field codes)', async () => {
    const cases: Array<[unknown, Record<string, string>]> = [
      [{ expiresAt: inDays(-1), label: 'Banken' }, { expiresAt: 'share_link.expiry_out_of_range' }],
      [{ expiresAt: inDays(366), label: 'Banken' }, { expiresAt: 'share_link.expiry_out_of_range' }],
      [{ expiresAt: '2027-13-01', label: 'Banken' }, { expiresAt: 'share_link.expiry_invalid' }],
      [{ label: 'Banken' }, { expiresAt: 'field.required' }],
      [{ expiresAt: inDays(30) }, { label: 'field.required' }],
      [{ expiresAt: inDays(30), label: '   ' }, { label: 'field.required' }],
      [{ expiresAt: inDays(30), label: 'x'.repeat(121) }, { label: 'name.too_long' }],
    ];
    for (const [body, fieldCodes] of cases) {
      const response = await team.editor.client.post(`/api/plans/${planId}/share-links`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fieldCodes, JSON.stringify(body)).toEqual(fieldCodes);
    }
    const longest = await team.editor.client.post(`/api/plans/${planId}/share-links`, { expiresAt: inDays(364), label: 'Styrelsen' });
    expect(longest.statusCode, longest.body).toBe(201);
    expect((await team.editor.client.delete(`/api/share-links/${longest.json().id}`)).statusCode).toBe(204);
  });
});

describe('reading a plan through a share link, signed out', () => {
  it('shows the plan, its analysis, fund and occurrences exactly as its members read them, and nothing else', async () => {
    const link = await createLink();
    const reader = visitor();
    const response = await reader.get(`/api/share/${link.token}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(reader.cookie).toBeUndefined();
    const body = response.json();
    const member = team.viewer.client;
    expect(body).toEqual({
      plan: { name: 'Underhållsplan 2026', startYear: 2026, lengthYears: expect.any(Number) },
      propertyName: 'Åkern 3',
      accountName: expect.any(String),
      branding: { displayName: expect.any(String), colour: '#1F6F50', logoUrl: null },
      expiresAt: link.expiresAt,
      analysis: (await member.get(`/api/plans/${planId}/analysis`)).json(),
      fund: (await member.get(`/api/plans/${planId}/fund`)).json(),
      actions: [
        { id: expect.any(String), name: 'Omläggning av tak', category: 'yttertak', buildingName: 'Hus A' },
        { id: expect.any(String), name: 'Relining', category: 'avlopp', buildingName: null },
        { id: expect.any(String), name: 'Byte av fönster', category: 'fasad', buildingName: null },
      ],
      occurrences: (await member.get(`/api/plans/${planId}/occurrences`)).json(),
    });
    const account = (await member.get(`/api/accounts/${team.accountId}`)).json() as { name: string };
    expect(body.accountName).toBe(account.name);
    expect(body.branding.displayName).toBe(account.name);
    expect(body.plan.lengthYears).toBe(((await member.get(`/api/plans/${planId}`)).json() as { lengthYears: number }).lengthYears);
    expect(body.occurrences.map((occurrence: { year: number; cost: number }) => [occurrence.year, occurrence.cost]).slice(0, 3)).toEqual([
      [2028, 288225],
      [2028, 90000],
      [2030, 480000],
    ]);
    expect((await reader.get(`/api/share/${link.token}?vat=incl`)).json().fund).toEqual((await member.get(`/api/plans/${planId}/fund?vat=incl`)).json());
    expect(response.body).not.toContain(neighbourPlanId);
    expect(response.body).not.toContain('Hemlig plan');
    expect(response.body).not.toContain(team.accountId);
    expect(response.body).not.toContain(planId);
  });

  it('gives the board report as a PDF download', async () => {
    const link = await createLink('Mäklare');
    const response = await visitor().get(`/api/share/${link.token}/report.pdf?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the account’s effective branding, its logo behind the token, and a customer’s manager’s', async () => {
    const link = await createLink('Banken med logotyp');
    expect((await visitor().get(`/api/share/${link.token}/logo`)).statusCode).toBe(404);
    const logo = await makeLogo();
    const version = createHash('sha256').update(logo).digest('hex').slice(0, 12);
    expect(
      (await putBranding(team.admin.client, team.accountId, { displayName: 'Åkerns Förvaltning', colour: '#175640' }, { fileName: 'l.png', content: logo }))
        .statusCode,
    ).toBe(200);
    const body = (await visitor().get(`/api/share/${link.token}`)).json();
    expect(body.branding).toEqual({ displayName: 'Åkerns Förvaltning', colour: '#175640', logoUrl: `/api/share/${link.token}/logo?v=${version}` });
    const served = await visitor().get(body.branding.logoUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(served.rawPayload.equals(logo)).toBe(true);

    // A customer's plan shows the manager's branding while the customer has none of its own.
    const customer = created<{ accountId: string }>(await team.admin.client.post(`/api/accounts/${team.accountId}/customers`, { name: 'Brf Kunden' }));
    const ids = await createPropertyWithPlan(team.admin.client, asAccountId(customer.accountId), {
      organisation: 'Brf Kunden',
      property: 'Kunden 1',
      plan: 'Kundens plan',
    });
    const customerLink = created<{ url: string }>(
      await team.admin.client.post(`/api/plans/${ids.planId}/share-links`, { expiresAt: inDays(5), label: 'Banken' }),
    );
    const customerToken = tokenOf(customerLink.url);
    expect((await visitor().get(`/api/share/${customerToken}`)).json().branding).toEqual({
      displayName: 'Åkerns Förvaltning',
      colour: '#175640',
      logoUrl: `/api/share/${customerToken}/logo?v=${version}`,
    });
    expect((await visitor().get(`/api/share/${customerToken}/logo`)).rawPayload.equals(logo)).toBe(true);
    expect((await team.admin.client.delete(`/api/accounts/${team.accountId}/branding`)).statusCode).toBe(204);
    expect((await visitor().get(`/api/share/${customerToken}`)).json().branding).toEqual({ displayName: 'Brf Kunden', colour: '#1F6F50', logoUrl: null });
  });

  it('answers the same 404 to an unknown, an expired and a revoked token', async () => {
    const expired = await createLink('Utgången');
    await testApp.database.db
      .updateTable('share_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expired.id)
      .execute();
    const revoked = await createLink('Återkallad');
    expect((await team.editor.client.delete(`/api/share-links/${revoked.id}`)).statusCode).toBe(204);
    expect((await team.editor.client.delete(`/api/share-links/${revoked.id}`)).statusCode).toBe(404);

    const unknown = await visitor().get(`/api/share/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'not_found', message: 'Share link not found' } });
    for (const token of [expired.token, revoked.token]) {
      for (const path of [`/api/share/${token}`, `/api/share/${token}/report.pdf`, `/api/share/${token}/logo`]) {
        const response = await visitor().get(path);
        expect(response.statusCode, path).toBe(404);
        expect(response.body, path).toBe(unknown.body);
      }
    }
    const listed = (await team.editor.client.get(`/api/plans/${planId}/share-links`)).json() as { id: string; isExpired: boolean }[];
    expect(listed.find((item) => item.id === expired.id)?.isExpired).toBe(true);
    expect(listed.map((item) => item.id)).not.toContain(revoked.id);
    const revocations = await testApp.database.db
      .selectFrom('audit_events')
      .select(['user_id', 'details'])
      .where('event', '=', 'share_link.revoked')
      .where(sql<string>`details->>'shareLinkId'`, '=', revoked.id)
      .execute();
    expect(revocations).toEqual([{ user_id: team.editor.userId, details: { shareLinkId: revoked.id, planId, label: 'Återkallad' } }]);
  });

  it('opens nothing else with the token: not as any id of any other route, nor with another plan’s id', async () => {
    const link = await createLink('Köpare');
    const shareRoutes = new Set(['GET /api/share/:token', 'GET /api/share/:token/report.pdf', 'GET /api/share/:token/logo']);
    let checked = 0;
    for (const route of listAppRoutes(testApp.app).filter((item) => !shareRoutes.has(routeKey(item)) && item.url.startsWith('/api/'))) {
      for (const value of [link.token, planId]) {
        const client = visitor();
        const url = route.url.replace(/:\w+/g, value);
        const response = await client.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {}, {
          authorization: `Bearer ${link.token}`,
          'x-share-token': link.token,
        });
        const what = `${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        // A route without an id (the CSRF token, say) answers as it does to anyone; none shows the plan.
        if (route.url.includes(':')) expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
        for (const secret of ['Underhållsplan 2026', 'Åkern 3', 'Byte av fönster']) expect(response.body, what).not.toContain(secret);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    for (const path of [`/api/share/${link.token}?planId=${neighbourPlanId}`, `/api/share/${link.token}/report.pdf?planId=${neighbourPlanId}`]) {
      const response = await visitor().get(path);
      expect(response.statusCode, path).toBe(400);
    }
  });

  it('stops working when the plan’s property moves to another account', async () => {
    const admin = team.admin.client;
    const ids = await createPropertyWithPlan(admin, team.accountId, { organisation: 'Brf Flytt', property: 'Flytt 1', plan: 'Plan som flyttar' });
    const link = created<{ id: string; url: string }>(await admin.post(`/api/plans/${ids.planId}/share-links`, { expiresAt: inDays(10), label: 'Banken' }));
    expect((await visitor().get(`/api/share/${tokenOf(link.url)}`)).statusCode).toBe(200);
    const customer = created<{ accountId: string }>(await admin.post(`/api/accounts/${team.accountId}/customers`, { name: 'Brf Kund' }));
    const organisation = created<{ id: string }>(await admin.post(`/api/accounts/${customer.accountId}/organisations`, { name: 'Brf Kund' }));
    const move = await admin.post(`/api/properties/${ids.propertyId}/move`, { organisationId: organisation.id });
    expect(move.statusCode, move.body).toBe(200);
    expect((await visitor().get(`/api/share/${tokenOf(link.url)}`)).statusCode).toBe(404);
    expect(await testApp.database.db.selectFrom('share_links').select('id').where('id', '=', link.id).execute()).toEqual([]);
    expect((await admin.get(`/api/plans/${ids.planId}/share-links`)).json()).toEqual([]);
  });

  it('answers 429 after 30 look-ups a minute from one client IP', async () => {
    const client = new TestClient(testApp.app, '10.71.0.1');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) statuses.push((await client.get(`/api/share/${'B'.repeat(43)}`)).statusCode);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses[30]).toBe(429);
  });
});
