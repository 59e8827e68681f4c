import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationMessageKey } from '../../shared/i18n/validation-messages.ts';
import { validationMessages } from '../../shared/i18n/validation-messages.ts';
import { created, createPropertyWithPlan } from '../test-support/plan-data.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';

/**
 * Every route that takes a person's text, one character over the field's limit: 400 with the
 * field's own code and message (in the request's language), and nothing written. At the limit the
 * whole text is stored and read back unchanged: never cut to fit, never a 500 from the database's
 * CHECK. The schemas' side is shared/schemas/text-limits.test.ts.
 */
let testApp: TestApp;
let admin: Awaited<ReturnType<typeof signUpUser>>;
let ids: Awaited<ReturnType<typeof createPropertyWithPlan>> & { actionId: string };

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await signUpUser(testApp.app);
  const chain = await createPropertyWithPlan(admin.client, admin.accountId);
  const action = created<{ id: string }>(
    await admin.client.post(`/api/plans/${chain.planId}/actions`, { name: 'OVK', category: 'myndighet', quantity: 1, unit: 'st', unitPrice: 8000, year: 2026 }),
  );
  ids = { ...chain, actionId: action.id };
});
afterAll(async () => {
  await testApp.close();
});

interface TextRoute {
  label: string;
  method: 'POST' | 'PATCH';
  url: () => string;
  body: (text: string) => Record<string, unknown>;
  field: string;
  limit: number;
  code: ValidationMessageKey;
  /** Where the stored text is read back: the answer's field, or a GET and its field. */
  stored: (answer: Record<string, unknown>) => Promise<unknown> | unknown;
}

const action = { category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };

const read = async (url: string) => (await admin.client.get(url)).json() as Record<string, unknown>;

const routes: TextRoute[] = [
  {
    label: 'sign-up, name',
    method: 'POST',
    url: () => '/api/auth/signup',
    body: (name) => ({ email: `lang-${name.length}@example.se`, password: 'ekar och lönnar i parken', name, accountName: 'Brf Lång' }),
    field: 'name',
    limit: 120,
    code: 'name.too_long',
    stored: (answer) => (answer.user as { name: string }).name,
  },
  {
    label: 'sign-up, account name',
    method: 'POST',
    url: () => '/api/auth/signup',
    body: (accountName) => ({ email: `konto-${accountName.length}@example.se`, password: 'ekar och lönnar i parken', name: 'Bo', accountName }),
    field: 'accountName',
    limit: 120,
    code: 'name.too_long',
    stored: (answer) => (answer.account as { name: string }).name,
  },
  {
    label: 'organisation',
    method: 'POST',
    url: () => `/api/accounts/${admin.accountId}/organisations`,
    body: (name) => ({ name }),
    field: 'name',
    limit: 120,
    code: 'name.too_long',
    stored: async (answer) => (await read(`/api/organisations/${String(answer.id)}`)).name,
  },
  ...(['name', 'designation', 'address', 'municipality'] as const).map((field): TextRoute => ({
    label: `property, ${field}`,
    method: 'PATCH',
    url: () => `/api/properties/${ids.propertyId}`,
    body: (text) => ({ [field]: text }),
    field,
    limit: 120,
    code: 'name.too_long',
    stored: async () => (await read(`/api/properties/${ids.propertyId}`))[field],
  })),
  {
    label: 'building',
    method: 'PATCH',
    url: () => `/api/buildings/${ids.buildingId}`,
    body: (name) => ({ name }),
    field: 'name',
    limit: 120,
    code: 'name.too_long',
    stored: (answer) => answer.name,
  },
  {
    label: 'location',
    method: 'POST',
    url: () => `/api/properties/${ids.propertyId}/locations`,
    body: (name) => ({ name }),
    field: 'name',
    limit: 120,
    code: 'name.too_long',
    stored: (answer) => answer.name,
  },
  {
    label: 'plan',
    method: 'PATCH',
    url: () => `/api/plans/${ids.planId}`,
    body: (name) => ({ name }),
    field: 'name',
    limit: 120,
    code: 'name.too_long',
    stored: async () => (await read(`/api/plans/${ids.planId}`)).name,
  },
  {
    label: 'new action, name',
    method: 'POST',
    url: () => `/api/plans/${ids.planId}/actions`,
    body: (name) => ({ ...action, name }),
    field: 'name',
    limit: 200,
    code: 'action.name_too_long',
    stored: async (answer) => (await read(`/api/actions/${String(answer.id)}`)).name,
  },
  ...(
    [
      ['name', 200, 'action.name_too_long'],
      ['unit', 16, 'unit.too_long'],
      ['note', 4000, 'note.too_long'],
    ] as const
  ).map(([field, limit, code]): TextRoute => ({
    label: `action, ${field}`,
    method: 'PATCH',
    url: () => `/api/actions/${ids.actionId}`,
    body: (text) => ({ [field]: text }),
    field,
    limit,
    code,
    stored: async () => (await read(`/api/actions/${ids.actionId}`))[field],
  })),
  {
    label: 'action, a tag',
    method: 'PATCH',
    url: () => `/api/actions/${ids.actionId}`,
    body: (tag) => ({ tags: [tag] }),
    field: 'tags.0',
    limit: 40,
    code: 'tag.too_long',
    stored: async () => ((await read(`/api/actions/${ids.actionId}`)).tags as string[])[0],
  },
  {
    label: 'comment',
    method: 'POST',
    url: () => `/api/actions/${ids.actionId}/comments`,
    body: (body) => ({ body }),
    field: 'body',
    limit: 4000,
    code: 'comment.too_long',
    stored: (answer) => answer.body,
  },
  {
    label: 'completion, note',
    method: 'POST',
    url: () => `/api/actions/${ids.actionId}/complete`,
    body: (note) => ({ year: 2026, note }),
    field: 'note',
    limit: 4000,
    code: 'note.too_long',
    stored: (answer) => (answer.completion as { note: string }).note,
  },
];

/** `length` characters, å, ä and ö among them: a limit counts characters, not bytes. */
const textOf = (length: number) => 'Åäö'.repeat(Math.ceil(length / 3)).slice(0, length);

describe('text limits through the API', () => {
  it.each(routes)('$label: one character over is a 400 naming the field; at the limit it is stored whole', async (route) => {
    const client = route.url().startsWith('/api/auth/') ? new TestClient(testApp.app) : admin.client;
    const over = await client.request(route.method, route.url(), route.body(textOf(route.limit + 1)), { 'accept-language': 'sv' });
    expect(over.statusCode, over.body).toBe(400);
    expect(over.json()).toMatchObject({
      error: { code: 'validation', fieldCodes: { [route.field]: route.code }, fields: { [route.field]: validationMessages[route.code].sv } },
    });

    const atLimit = await client.request(route.method, route.url(), route.body(textOf(route.limit)));
    expect([200, 201], atLimit.body).toContain(atLimit.statusCode);
    expect(await route.stored(atLimit.json() as Record<string, unknown>)).toBe(textOf(route.limit));
  });
});
