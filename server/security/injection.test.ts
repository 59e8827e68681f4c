import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, signUpTeam, type Team } from '../test-support/plan-data.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { fileUpload } from './tenant-data.ts';

/**
 * docs/product/operations-promise.md § Security suite: SQL injection. Strings that break naively
 * built SQL go into every text field of every create and update body and come back verbatim — from
 * the answer, from a later read and from the database row; into every query parameter they are a
 * 400 naming the parameter, never a 5xx; and afterwards the database still has every table it had.
 */
const payloads = [
  "'; drop table actions; --",
  "' or '1'='1",
  '`; select pg_sleep(5); --',
  '"; drop table plans; --',
  "Robert'); DROP TABLE users; --",
  '$$; delete from organisations; $$',
  "\\'; truncate memberships; --",
  'back\\slash \\\\ \\x27 \\0 end',
  '‘curly’ “double” ʼmodifierʼ ＇fullwidth＇ ′prime′',
  "%' and 1=1 --",
  "E'\\x27' || chr(39)",
  '/* comment */ union select password_hash from users --',
];

/** Fields with short limits get the payload cut to fit (trailing spaces would be trimmed, so they go too). */
const fit = (value: string, max: number) => value.slice(0, max).trim();

let testApp: TestApp;
let team: Team;
let tablesBefore: string[];

beforeAll(async () => {
  testApp = await createTestApp();
  team = await signUpTeam(testApp.app);
  tablesBefore = await listTables();
});
afterAll(async () => {
  await testApp.close();
});

async function listTables(): Promise<string[]> {
  const result = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(testApp.database.db);
  return result.rows.map((row) => row.table_name);
}

describe('SQL injection strings in every text field', () => {
  for (const [index, payload] of payloads.entries()) {
    it(`stores and returns verbatim: ${payload}`, async () => {
      const client = team.admin.client;
      const startedAt = Date.now();
      const other = payloads[(index + 1) % payloads.length]!;

      const organisation = created<{ id: string; name: string }>(await client.post(`/api/accounts/${team.accountId}/organisations`, { name: payload }));
      expect(organisation.name).toBe(payload);
      const property = created<Record<string, unknown> & { id: string }>(
        await client.post(`/api/organisations/${organisation.id}/properties`, { name: payload, designation: payload, address: payload, municipality: payload }),
      );
      expect(property).toMatchObject({ name: payload, designation: payload, address: payload, municipality: payload });
      const building = created<{ id: string; name: string }>(await client.post(`/api/properties/${property.id}/buildings`, { name: payload }));
      const location = created<{ id: string; name: string }>(await client.post(`/api/properties/${property.id}/locations`, { name: payload }));
      expect([building.name, location.name]).toEqual([payload, payload]);
      const plan = created<{ id: string; name: string }>(await client.post(`/api/properties/${property.id}/plans`, { name: payload, startYear: 2026 }));
      expect(plan.name).toBe(payload);
      const actionBody = {
        name: payload,
        category: 'fasad',
        quantity: 1,
        unit: fit(payload, 16),
        unitPrice: 100,
        year: 2027,
        intervalYears: 10,
        tags: [fit(payload, 40), 'P-1'],
        note: payload,
      };
      const action = created<Record<string, unknown> & { id: string }>(await client.post(`/api/plans/${plan.id}/actions`, actionBody));
      expect(action).toMatchObject({ name: payload, unit: fit(payload, 16), tags: [fit(payload, 40), 'P-1'], note: payload });
      const completion = created<{ completion: { note: string } }>(await client.post(`/api/actions/${action.id}/complete`, { note: payload }));
      expect(completion.completion.note).toBe(payload);
      const comment = created<{ id: string; body: string }>(await client.post(`/api/actions/${action.id}/comments`, { body: payload }));
      expect(comment.body).toBe(payload);
      // File names lose everything up to the last / or \ by design (sanitiseFileName): only the rest must survive.
      const fileName = payload.split(/[/\\]/).pop()!.trim() || 'file';
      const upload = fileUpload(payload);
      const attachment = created<{ id: string; fileName: string }>(
        await client.request('POST', `/api/actions/${action.id}/attachments`, upload.payload, upload.headers),
      );
      expect(attachment.fileName).toBe(fileName);

      // A later read gives the same strings.
      expect((await client.get(`/api/organisations/${organisation.id}`)).json().name).toBe(payload);
      expect((await client.get(`/api/properties/${property.id}`)).json()).toMatchObject({
        name: payload,
        designation: payload,
        address: payload,
        municipality: payload,
      });
      expect((await client.get(`/api/properties/${property.id}/buildings`)).json()).toEqual([expect.objectContaining({ name: payload })]);
      expect((await client.get(`/api/properties/${property.id}/locations`)).json()).toEqual([expect.objectContaining({ name: payload })]);
      expect((await client.get(`/api/plans/${plan.id}`)).json().name).toBe(payload);
      const read = (await client.get(`/api/actions/${action.id}`)).json();
      expect(read).toMatchObject({ name: payload, unit: fit(payload, 16), tags: [fit(payload, 40), 'P-1'], note: payload });
      expect(read.completions.map((item: { note: string }) => item.note)).toEqual([payload]);
      expect((await client.get(`/api/actions/${action.id}/comments`)).json().map((item: { body: string }) => item.body)).toEqual([payload]);
      expect((await client.get(`/api/actions/${action.id}/attachments`)).json().map((item: { fileName: string }) => item.fileName)).toEqual([fileName]);

      // The rows hold exactly the strings (no escaping stored, no truncation).
      const db = testApp.database.db;
      expect(await db.selectFrom('organisations').select('name').where('id', '=', organisation.id).executeTakeFirst()).toEqual({ name: payload });
      expect(await db.selectFrom('actions').select(['name', 'unit', 'tags', 'note']).where('id', '=', action.id).executeTakeFirst()).toEqual({
        name: payload,
        unit: fit(payload, 16),
        tags: [fit(payload, 40), 'P-1'],
        note: payload,
      });
      expect(await db.selectFrom('action_comments').select('body').where('id', '=', comment.id).executeTakeFirst()).toEqual({ body: payload });
      expect(await db.selectFrom('action_attachments').select('file_name').where('id', '=', attachment.id).executeTakeFirst()).toEqual({ file_name: fileName });

      // Updates take the next payload, verbatim too.
      expect((await client.patch(`/api/organisations/${organisation.id}`, { name: other })).json().name).toBe(other);
      expect(
        (await client.patch(`/api/properties/${property.id}`, { name: other, designation: other, address: other, municipality: other })).json(),
      ).toMatchObject({
        name: other,
        designation: other,
        address: other,
        municipality: other,
      });
      expect((await client.patch(`/api/buildings/${building.id}`, { name: other })).json().name).toBe(other);
      expect((await client.patch(`/api/locations/${location.id}`, { name: other })).json().name).toBe(other);
      expect((await client.patch(`/api/plans/${plan.id}`, { name: other })).json().name).toBe(other);
      const updated = await client.patch(`/api/actions/${action.id}`, { name: other, unit: fit(other, 16), tags: [fit(other, 40)], note: other });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json()).toMatchObject({ name: other, unit: fit(other, 16), tags: [fit(other, 40)], note: other });

      // pg_sleep(5) never ran: the whole round is far quicker than one sleep.
      expect(Date.now() - startedAt).toBeLessThan(5000);
    });
  }

  it('refuses NUL in every text field with 400 field.invalid_characters (PostgreSQL text cannot hold it)', async () => {
    const client = team.admin.client;
    const nul = 'a\u0000b';
    const organisation = created<{ id: string }>(await client.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Brf Nul' }));
    const property = created<{ id: string }>(await client.post(`/api/organisations/${organisation.id}/properties`, { name: 'Nul 1' }));
    const plan = created<{ id: string }>(await client.post(`/api/properties/${property.id}/plans`, { name: 'Nul', startYear: 2026 }));
    const action = created<{ id: string }>(
      await client.post(`/api/plans/${plan.id}/actions`, { name: 'Nul', category: 'el', quantity: 1, unit: 'st', unitPrice: 1, year: 2027 }),
    );
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['POST', `/api/accounts/${team.accountId}/organisations`, { name: nul }, 'name'],
      ['PATCH', `/api/organisations/${organisation.id}`, { name: nul }, 'name'],
      ['POST', `/api/organisations/${organisation.id}/properties`, { name: nul }, 'name'],
      ['PATCH', `/api/properties/${property.id}`, { designation: nul }, 'designation'],
      ['PATCH', `/api/properties/${property.id}`, { address: nul }, 'address'],
      ['PATCH', `/api/properties/${property.id}`, { municipality: nul }, 'municipality'],
      ['POST', `/api/properties/${property.id}/buildings`, { name: nul }, 'name'],
      ['POST', `/api/properties/${property.id}/locations`, { name: nul }, 'name'],
      ['POST', `/api/properties/${property.id}/plans`, { name: nul, startYear: 2026 }, 'name'],
      ['PATCH', `/api/plans/${plan.id}`, { name: nul }, 'name'],
      ['PATCH', `/api/actions/${action.id}`, { name: nul }, 'name'],
      ['PATCH', `/api/actions/${action.id}`, { unit: nul }, 'unit'],
      ['PATCH', `/api/actions/${action.id}`, { tags: [nul] }, 'tags.0'],
      ['PATCH', `/api/actions/${action.id}`, { note: nul }, 'note'],
      ['POST', `/api/actions/${action.id}/complete`, { note: nul }, 'note'],
      ['POST', `/api/actions/${action.id}/comments`, { body: nul }, 'body'],
      ['POST', `/api/plans/${plan.id}/versions`, { name: nul }, 'name'],
      ['POST', `/api/plans/${plan.id}/versions`, { name: 'Antagen', note: nul }, 'note'],
      ['POST', `/api/plans/${plan.id}/share-links`, { expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(), label: nul }, 'label'],
    ];
    for (const [method, url, body, field] of cases) {
      const response = await client.request(method as 'POST', url, body);
      expect(response.statusCode, `${method} ${url} ${field}`).toBe(400);
      expect(response.json().error.fieldCodes, `${method} ${url}`).toEqual({ [field]: 'field.invalid_characters' });
    }
  });
});

describe('SQL injection strings in every query parameter', () => {
  it('answers 400 naming the parameter, never 5xx, for every payload in every parameter', async () => {
    const client = team.admin.client;
    const organisation = created<{ id: string }>(await client.post(`/api/accounts/${team.accountId}/organisations`, { name: 'Brf Fråga' }));
    const property = created<{ id: string }>(await client.post(`/api/organisations/${organisation.id}/properties`, { name: 'Fråga 1' }));
    const plan = created<{ id: string }>(await client.post(`/api/properties/${property.id}/plans`, { name: 'Fråga', startYear: 2026 }));
    const version = created<{ id: string }>(await client.post(`/api/plans/${plan.id}/versions`, { name: 'Fråga' }));
    const queryRoutes: [string, string[]][] = [
      [`/api/plans/${plan.id}/occurrences`, ['vat', 'includeInvestments']],
      [`/api/plans/${plan.id}/analysis`, ['vat', 'includeInvestments', 'asOfYear']],
      [`/api/plans/${plan.id}/fund`, ['vat']],
      [`/api/plans/${plan.id}/export.xlsx`, ['vat']],
      [`/api/plans/${plan.id}/report.pdf`, ['vat', 'lang', 'rounded']],
      [`/api/plans/${plan.id}/versions/${version.id}/diff`, ['against', 'vat']],
    ];
    let checked = 0;
    for (const [url, parameters] of queryRoutes) {
      expect((await client.get(url)).statusCode, url).toBe(200);
      for (const parameter of [...parameters, "vat'--"]) {
        for (const payload of payloads) {
          const response = await client.get(`${url}?${encodeURIComponent(parameter)}=${encodeURIComponent(payload)}`);
          const what = `${url}?${parameter}=${payload} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, what).toBe(400);
          expect(response.json().error.code, what).toBe('validation');
          expect(Object.keys(response.json().error.fieldCodes), what).toEqual([parameter]);
          checked += 1;
        }
      }
    }
    // Each route's parameters plus the one unknown parameter.
    expect(checked).toBe((2 + 1 + 3 + 1 + 1 + 1 + 1 + 1 + 3 + 1 + 2 + 1) * payloads.length);
  });

  it('still has every table, and its rows, afterwards', async () => {
    expect(await listTables()).toEqual(tablesBefore);
    expect(tablesBefore).toEqual(expect.arrayContaining(['accounts', 'actions', 'memberships', 'organisations', 'plans', 'users']));
    const counts = await sql<{
      users: number;
      memberships: number;
    }>`select (select count(*)::int from users) as users, (select count(*)::int from memberships) as memberships`.execute(testApp.database.db);
    expect(counts.rows).toEqual([{ users: 3, memberships: 5 }]);
    expect((await team.viewer.client.get('/api/auth/me')).statusCode).toBe(200);
  });
});
