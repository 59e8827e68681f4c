import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../test-support/add-member.ts';
import { makeLogo, putBranding } from '../../test-support/branding-form.ts';
import { created, signUpTeam, type Team } from '../../test-support/plan-data.ts';
import { createTestApp, signUpUser, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let team: Team;
let other: Team;
let logo: Buffer;

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  other = await signUpTeam(testApp.app);
  logo = await makeLogo();
});
afterAll(async () => {
  await testApp.close();
});

const brandingUrl = (accountId: string) => `/api/accounts/${accountId}/branding`;
const versionOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const accountName = async (accountId: string) =>
  (
    await testApp.database.db
      .selectFrom('accounts')
      .select('name')
      .where('id', '=', accountId as never)
      .executeTakeFirstOrThrow()
  ).name;

async function newCustomer(name: string): Promise<string> {
  return created<{ accountId: string }>(await team.admin.client.post(`/api/accounts/${team.accountId}/customers`, { name })).accountId;
}

describe('GET, PUT and DELETE /api/accounts/:accountId/branding', () => {
  it('answers the default until the admin sets one, then the own branding with its logo, kept by a PUT without a logo', async () => {
    const fresh = await signUpUser(testApp.app, { accountName: 'Förvaltning Två AB' });
    expect((await fresh.client.get(brandingUrl(fresh.accountId))).json()).toEqual({
      displayName: 'Förvaltning Två AB',
      colour: '#1F6F50',
      logoUrl: null,
      source: 'default',
    });
    expect((await fresh.client.get(`${brandingUrl(fresh.accountId)}/logo`)).statusCode).toBe(404);

    const put = await putBranding(
      fresh.client,
      fresh.accountId,
      { displayName: '  Kvarterförvaltarna ', colour: '#1d4f91' },
      { fileName: 'logo.png', content: logo },
    );
    expect(put.statusCode, put.body).toBe(200);
    const own = {
      displayName: 'Kvarterförvaltarna',
      colour: '#1D4F91',
      logoUrl: `/api/accounts/${fresh.accountId}/branding/logo?v=${versionOf(logo)}`,
      source: 'own',
    };
    expect(put.json()).toEqual(own);
    expect((await fresh.client.get(brandingUrl(fresh.accountId))).json()).toEqual(own);

    const served = await fresh.client.get(own.logoUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(served.rawPayload.equals(logo)).toBe(true);
    // Without the current version (an old url) it is checked again each time.
    expect((await fresh.client.get(`${brandingUrl(fresh.accountId)}/logo?v=000000000000`)).headers['cache-control']).toBe('private, no-cache');

    const renamed = await putBranding(fresh.client, fresh.accountId, { displayName: 'Kvarterförvaltarna AB', colour: '#1D4F91' });
    expect(renamed.json()).toEqual({ ...own, displayName: 'Kvarterförvaltarna AB' });

    const jpeg = await makeLogo('jpeg');
    const replaced = await putBranding(
      fresh.client,
      fresh.accountId,
      { displayName: 'Kvarterförvaltarna AB', colour: '#1D4F91' },
      { fileName: 'logo.jpg', content: jpeg },
    );
    expect(replaced.json()).toEqual({
      ...own,
      displayName: 'Kvarterförvaltarna AB',
      logoUrl: `/api/accounts/${fresh.accountId}/branding/logo?v=${versionOf(jpeg)}`,
    });
    expect((await fresh.client.get(`${brandingUrl(fresh.accountId)}/logo`)).headers['content-type']).toBe('image/jpeg');

    const removed = await putBranding(fresh.client, fresh.accountId, { displayName: 'Kvarterförvaltarna AB', colour: '#1D4F91', removeLogo: 'true' });
    expect(removed.json()).toEqual({ ...own, displayName: 'Kvarterförvaltarna AB', logoUrl: null });
    expect((await fresh.client.get(`${brandingUrl(fresh.accountId)}/logo`)).statusCode).toBe(404);

    expect((await fresh.client.delete(brandingUrl(fresh.accountId))).statusCode).toBe(204);
    expect((await fresh.client.get(brandingUrl(fresh.accountId))).json()).toEqual({
      displayName: 'Förvaltning Två AB',
      colour: '#1F6F50',
      logoUrl: null,
      source: 'default',
    });

    const audit = await testApp.database.db
      .selectFrom('audit_events')
      .select(['event', 'user_id', 'details'])
      .where('account_id', '=', fresh.accountId as never)
      .where('event', 'like', 'branding.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        event: 'branding.changed',
        user_id: fresh.userId,
        details: { displayName: 'Kvarterförvaltarna', colour: '#1D4F91', logo: createHash('sha256').update(logo).digest('hex') },
      },
      { event: 'branding.changed', user_id: fresh.userId, details: { displayName: 'Kvarterförvaltarna AB', colour: '#1D4F91', logo: 'keep' } },
      {
        event: 'branding.changed',
        user_id: fresh.userId,
        details: { displayName: 'Kvarterförvaltarna AB', colour: '#1D4F91', logo: createHash('sha256').update(jpeg).digest('hex') },
      },
      { event: 'branding.changed', user_id: fresh.userId, details: { displayName: 'Kvarterförvaltarna AB', colour: '#1D4F91', logo: 'remove' } },
      { event: 'branding.removed', user_id: fresh.userId, details: {} },
    ]);
  });

  it('gives a customer account its manager’s branding unless it has its own, and its own again after a DELETE', async () => {
    const customerId = await newCustomer('Brf Ärvda');
    expect((await team.admin.client.get(brandingUrl(customerId))).json()).toEqual({
      displayName: 'Brf Ärvda',
      colour: '#1F6F50',
      logoUrl: null,
      source: 'default',
    });

    expect(
      (await putBranding(team.admin.client, team.accountId, { displayName: 'Förvaltaren', colour: '#175640' }, { fileName: 'l.png', content: logo }))
        .statusCode,
    ).toBe(200);
    const inherited = await team.viewer.client.get(brandingUrl(customerId));
    expect(inherited.json()).toEqual({
      displayName: 'Förvaltaren',
      colour: '#175640',
      logoUrl: `/api/accounts/${customerId}/branding/logo?v=${versionOf(logo)}`,
      source: 'manager',
    });
    expect((await team.viewer.client.get(`${brandingUrl(customerId)}/logo`)).rawPayload.equals(logo)).toBe(true);

    // The customer's own branding without a logo: its own row applies in full, so no logo.
    expect((await putBranding(team.admin.client, customerId, { displayName: 'Brf Ärvda', colour: '#B42318' })).statusCode).toBe(200);
    expect((await team.viewer.client.get(brandingUrl(customerId))).json()).toEqual({
      displayName: 'Brf Ärvda',
      colour: '#B42318',
      logoUrl: null,
      source: 'own',
    });
    expect((await team.viewer.client.get(`${brandingUrl(customerId)}/logo`)).statusCode).toBe(404);

    expect((await team.admin.client.delete(brandingUrl(customerId))).statusCode).toBe(204);
    expect((await team.viewer.client.get(brandingUrl(customerId))).json()).toMatchObject({ displayName: 'Förvaltaren', source: 'manager' });

    expect((await team.admin.client.delete(brandingUrl(team.accountId))).statusCode).toBe(204);
    expect((await team.viewer.client.get(brandingUrl(customerId))).json()).toEqual({
      displayName: 'Brf Ärvda',
      colour: '#1F6F50',
      logoUrl: null,
      source: 'default',
    });
    expect((await team.viewer.client.get(brandingUrl(team.accountId))).json()).toEqual({
      displayName: await accountName(team.accountId),
      colour: '#1F6F50',
      logoUrl: null,
      source: 'default',
    });
  });

  it('refuses a colour too light for white text with the same hue darkened just enough, and stores nothing', async () => {
    const response = await putBranding(team.admin.client, team.accountId, { displayName: 'Ljusa', colour: '#777777' }, { fileName: 'l.png', content: logo });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation',
        message: 'White text is not readable enough on this colour',
        fields: { colour: 'White text is not readable enough on this colour (contrast below 4.5:1). Choose a darker colour.' },
        fieldCodes: { colour: 'branding.colour_low_contrast' },
        details: { suggestion: '#767676' },
      },
    });
    const yellow = await putBranding(team.admin.client, team.accountId, { displayName: 'Gula', colour: '#ffd700' });
    expect((yellow.json() as { error: { details: unknown } }).error.details).toEqual({ suggestion: '#8B7500' });
    expect(await testApp.database.db.selectFrom('account_branding').selectAll().where('account_id', '=', team.accountId).execute()).toEqual([]);
  });

  it('refuses bad fields and files with the field and its code', async () => {
    const fields = { displayName: 'Förvaltaren', colour: '#175640' };
    const cases: Array<[Record<string, string>, Parameters<typeof putBranding>[3], Record<string, string>]> = [
      [{ ...fields, displayName: '   ' }, undefined, { displayName: 'branding.display_name_invalid' }],
      [{ ...fields, displayName: 'x'.repeat(101) }, undefined, { displayName: 'branding.display_name_invalid' }],
      [{ colour: '#175640' }, undefined, { displayName: 'field.required' }],
      [{ ...fields, colour: 'red' }, undefined, { colour: 'branding.colour_invalid' }],
      [{ ...fields, colour: '#17564' }, undefined, { colour: 'branding.colour_invalid' }],
      [{ ...fields, removeLogo: 'yes' }, undefined, { removeLogo: 'field.invalid' }],
      [{ ...fields, removeLogo: 'true' }, { fileName: 'l.png', content: logo }, { removeLogo: 'field.invalid' }],
      [
        fields,
        {
          fileName: 'logo.gif',
          contentType: 'image/gif',
          content: Buffer.from(
            'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;',
            'latin1',
          ),
        },
        { logo: 'branding.logo_type' },
      ],
      [
        fields,
        { fileName: 'logo.png', contentType: 'image/png', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
        { logo: 'branding.logo_type' },
      ],
      [fields, { fileName: 'tom.png', content: Buffer.alloc(0) }, { logo: 'branding.logo_type' }],
      [fields, { fileName: 'stor.png', content: Buffer.concat([logo, Buffer.alloc(500_001 - logo.length)]) }, { logo: 'branding.logo_too_large' }],
    ];
    for (const [form, file, fieldCodes] of cases) {
      const response = await putBranding(team.admin.client, team.accountId, form, file);
      expect(response.statusCode, JSON.stringify(form)).toBe(400);
      expect((response.json() as { error: { code: string; fieldCodes: unknown } }).error).toMatchObject({ code: 'validation', fieldCodes });
    }
    // Exactly 500 kB is allowed.
    const largest = Buffer.concat([logo, Buffer.alloc(500_000 - logo.length)]);
    const accepted = await putBranding(team.admin.client, team.accountId, fields, { fileName: 'stor.png', content: largest });
    expect(accepted.json()).toMatchObject({ logoUrl: `/api/accounts/${team.accountId}/branding/logo?v=${versionOf(largest)}` });
    // JSON is not the form.
    expect((await team.admin.client.request('PUT', brandingUrl(team.accountId), fields)).statusCode).toBe(415);
    expect((await team.admin.client.delete(brandingUrl(team.accountId))).statusCode).toBe(204);
  });

  it('lets only admins write (viewer and editor 403), any member read, also one limited to a property, and nobody else (404)', async () => {
    const fields = { displayName: 'Intrång', colour: '#175640' };
    expect((await putBranding(team.viewer.client, team.accountId, fields)).statusCode).toBe(403);
    expect((await putBranding(team.editor.client, team.accountId, fields)).statusCode).toBe(403);
    expect((await team.editor.client.delete(brandingUrl(team.accountId))).statusCode).toBe(403);
    expect((await putBranding(other.admin.client, team.accountId, fields)).statusCode).toBe(404);
    expect((await other.admin.client.delete(brandingUrl(team.accountId))).statusCode).toBe(404);
    expect((await other.admin.client.get(brandingUrl(team.accountId))).statusCode).toBe(404);
    expect((await other.admin.client.get(`${brandingUrl(team.accountId)}/logo`)).statusCode).toBe(404);
    expect(await testApp.database.db.selectFrom('account_branding').selectAll().where('account_id', '=', team.accountId).execute()).toEqual([]);

    expect(
      (await putBranding(team.admin.client, team.accountId, { displayName: 'Förvaltaren', colour: '#175640' }, { fileName: 'l.png', content: logo }))
        .statusCode,
    ).toBe(200);
    const organisation = created<{ id: string }>(await team.admin.client.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Brf Styrelsen' }));
    const property = created<{ id: string }>(await team.admin.client.post(`/api/organisations/${organisation.id}/properties`, { name: 'Styrelsen 1' }));
    const board = await signUpUser(testApp.app);
    await addMember(team.admin.client, team.accountId, board, 'viewer', [property.id]);
    expect((await board.client.get(brandingUrl(team.accountId))).json()).toMatchObject({ displayName: 'Förvaltaren', source: 'own' });
    expect((await board.client.get(`${brandingUrl(team.accountId)}/logo`)).statusCode).toBe(200);
    expect((await team.admin.client.delete(brandingUrl(team.accountId))).statusCode).toBe(204);
  });
});
