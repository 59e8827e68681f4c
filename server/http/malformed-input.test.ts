import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, sampleFiles } from '../test-support/attachment-uploads.ts';
import { created, createPropertyWithPlan } from '../test-support/plan-data.ts';
import { createTestApp, signUpUser, TestClient, type TestApp } from '../test-support/test-app.ts';

/**
 * Every route, every method, a battery of malformed requests: the answer is always a 4xx with the
 * error shape, never a 5xx. Routes are read from the app itself, so a new route is covered at once.
 */
let testApp: TestApp;
let admin: Awaited<ReturnType<typeof signUpUser>>;
let routes: { method: string; url: string }[];

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await signUpUser(testApp.app);
  routes = listRoutes(testApp.app.printRoutes({ commonPrefix: false }));
});
afterAll(async () => {
  await testApp.close();
});

/** Reads Fastify's route tree (`├── /a (GET)` / `│   └── /:id (PATCH)`) into full paths. */
function listRoutes(printed: string): { method: string; url: string }[] {
  const found: { method: string; url: string }[] = [];
  const parents: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const url = (depth > 0 ? parents[depth - 1]! : '') + match[2]!;
    parents[depth] = url;
    for (const method of (match[3] ?? '').split(',').map((item) => item.trim())) {
      if (method && method !== 'HEAD' && method !== 'OPTIONS') found.push({ method, url });
    }
  }
  return found;
}

const huge = 'x'.repeat(200_000);
const jsonBodies: { label: string; body: string }[] = [
  { label: 'invalid JSON', body: '{"email": "a@b.se", ' },
  { label: 'empty object', body: '{}' },
  { label: 'array', body: '[1, 2, 3]' },
  { label: 'string', body: '"hello"' },
  { label: 'number', body: '42' },
  { label: 'null', body: 'null' },
  { label: 'wrong types', body: JSON.stringify({ email: 5, password: {}, name: [], accountName: true, role: 7, currentPassword: null, newPassword: 1 }) },
  { label: 'huge strings', body: JSON.stringify({ email: `${huge}@x.se`, password: huge, name: huge, accountName: huge, role: huge }) },
  { label: 'second-factor fields of wrong types', body: JSON.stringify({ code: 123456, recoveryCode: ['a'], requireTwoFactor: 'yes', password: 1 }) },
  { label: 'passkey answers of wrong types', body: JSON.stringify({ name: {}, response: { id: 5, rawId: null, type: 'x', response: 'y' } }) },
  { label: 'unknown fields', body: JSON.stringify({ unexpected: true, isAdmin: true }) },
  { label: 'prototype pollution', body: '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}' },
  {
    label: 'NUL bytes',
    body: JSON.stringify({ email: 'a\u0000@b.se', password: 'pass\u0000word-long-enough', name: 'A\u0000B', accountName: '\u0000', role: 'admin\u0000' }),
  },
  { label: 'deep nesting', body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { label: 'lone surrogates', body: '{"name": "\\ud800", "email": "\\udfff@x.se", "password": "\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800"}' },
];

function concreteUrl(url: string, ids: Record<string, string>): string[] {
  if (!url.includes(':')) return [url];
  const fill = (value: (name: string) => string) => url.replace(/:(\w+)/g, (_match, name: string) => value(name));
  return [
    fill((name) => ids[name] ?? '00000000-0000-4000-8000-000000000000'),
    fill(() => 'not-a-uuid'),
    fill(() => '%27%20OR%201%3D1--'),
    fill(() => 'x'.repeat(190)),
  ];
}

function expectClientError(status: number, what: string): void {
  expect(status, what).toBeGreaterThanOrEqual(400);
  expect(status, what).toBeLessThan(500);
}

describe('malformed requests to every route', () => {
  it('finds the routes of the app', () => {
    expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/signup',
        'POST /api/auth/login',
        'POST /api/auth/password-reset',
        'POST /api/auth/password-reset/confirm',
        'DELETE /api/auth/sessions/:id',
        'GET /api/accounts/:accountId/members',
        'PATCH /api/accounts/:accountId/members/:userId',
        'POST /api/accounts/:accountId/organisations',
        'PATCH /api/properties/:id',
        'DELETE /api/buildings/:id',
        'POST /api/properties/:id/plans',
        'POST /api/plans/:id/actions/bulk-update',
        'GET /api/plans/:id/report.pdf',
        'GET /api/actions/:id/comments',
        'POST /api/actions/:id/comments',
        'DELETE /api/comments/:id',
        'GET /api/actions/:id/attachments',
        'POST /api/actions/:id/attachments',
        'GET /api/attachments/:id/content',
        'DELETE /api/attachments/:id',
        'GET /api/plans/:id/template.xlsx',
        'GET /api/plans/:id/export.xlsx',
        'POST /api/plans/:id/import',
      ]),
    );
  });

  it('answers 4xx with the error shape to malformed JSON bodies, signed in and not', async () => {
    const ids = { accountId: admin.accountId, userId: admin.userId };
    let checked = 0;
    for (const route of routes.filter((item) => item.method !== 'GET')) {
      for (const url of concreteUrl(route.url, ids)) {
        for (const { label, body } of jsonBodies) {
          // A new client IP per request keeps the per-IP sign-in limit out of the way.
          const clientIp = `10.9.${Math.floor(checked / 250) % 250}.${checked % 250}`;
          admin.client.clientIp = clientIp;
          for (const client of [admin.client, new TestClient(testApp.app, clientIp)]) {
            const response = await client.request(route.method as 'POST', url, body, { 'content-type': 'application/json' });
            const what = `${route.method} ${url} (${label}) → ${response.statusCode} ${response.body.slice(0, 200)}`;
            // The admin's own valid session may legitimately answer 2xx for a body-less route
            // (logout, starting a TOTP set-up, which only replaces a pending secret, and the passkey
            // options, which only replace the session's challenge; anyone may ask for sign-in options;
            // removing the account's own branding, which it has none of here, so nothing changes).
            if (response.statusCode < 300) {
              expect(
                [
                  '/api/auth/logout',
                  '/api/auth/totp/setup',
                  '/api/auth/passkeys/registration/options',
                  '/api/auth/passkeys/sign-in/options',
                  '/api/accounts/:accountId/branding',
                ],
                what,
              ).toContain(route.url);
              await signBackIn();
              continue;
            }
            expectClientError(response.statusCode, what);
            expect(response.json(), what).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    // Thousands of requests (every route × 4 ids × 14 bodies × 2 clients): 20–30 s alone, more beside other test files.
  }, 180_000);

  it('answers 415 to bodies that are not JSON, and 413 to oversized ones', async () => {
    for (const route of routes.filter((item) => item.method === 'POST' || item.method === 'PATCH')) {
      const [url] = concreteUrl(route.url, { accountId: admin.accountId, userId: admin.userId });
      const text = await admin.client.request(route.method as 'POST', url!, 'email=a@b.se', { 'content-type': 'text/plain' });
      expect(text.statusCode, `${route.method} ${url} text/plain → ${text.statusCode}`).toBe(415);
      const oversized = await admin.client.request(route.method as 'POST', url!, JSON.stringify({ name: 'x'.repeat(600 * 1024) }), {
        'content-type': 'application/json',
      });
      expect(oversized.statusCode, `${route.method} ${url} oversized`).toBe(413);
      expect(oversized.json().error.code).toBe('payload_too_large');
    }
  });

  it('answers GET routes with malformed ids and odd query strings without 5xx', async () => {
    for (const route of routes.filter((item) => item.method === 'GET')) {
      for (const url of concreteUrl(route.url, { accountId: admin.accountId })) {
        for (const query of ['', '?a=1&a=2', '?%ZZ', `?q=${'y'.repeat(5000)}`]) {
          const response = await admin.client.get(`${url}${query}`);
          expect(response.statusCode, `GET ${url}${query} → ${response.statusCode}`).toBeLessThan(500);
        }
      }
    }
  });
});

describe('malformed multipart bodies', () => {
  const { body: wellFormed, contentType } = multipartBody([{ fileName: 'tak.jpg', content: sampleFiles.jpeg }]);
  const boundary = contentType.slice(contentType.indexOf('boundary=') + 'boundary='.length);
  const bodies: { label: string; body: Buffer | string; contentType: string }[] = [
    { label: 'no boundary', body: wellFormed, contentType: 'multipart/form-data' },
    { label: 'empty boundary', body: wellFormed, contentType: 'multipart/form-data; boundary=' },
    { label: 'another boundary', body: wellFormed, contentType: 'multipart/form-data; boundary=zzz' },
    { label: 'a 300-character boundary', body: wellFormed, contentType: `multipart/form-data; boundary=${'b'.repeat(300)}` },
    { label: 'a malformed part header', body: `--${boundary}\r\nContent-Disposition form-data\r\n\r\nabc\r\n--${boundary}--\r\n`, contentType },
    { label: 'cut short', body: wellFormed.subarray(0, wellFormed.length - 30), contentType },
    { label: 'empty body', body: '', contentType },
    { label: 'JSON body', body: '{"file": "x"}', contentType },
    { label: 'no part headers', body: `--${boundary}\r\n\r\nabc\r\n--${boundary}--\r\n`, contentType },
    { label: 'prototype field name', body: `--${boundary}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--${boundary}--\r\n`, contentType },
    {
      label: 'a program with a NUL-laden name',
      body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.pdf"\r\n\r\nMZ\u0000\u0000\r\n--${boundary}--\r\n`,
      contentType,
    },
    {
      label: 'huge header, HTML inside',
      body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${'n'.repeat(100_000)}.pdf"\r\n\r\n<html>\r\n--${boundary}--\r\n`,
      contentType,
    },
  ];

  it('answers 4xx to malformed multipart on every POST route, the upload route included with a real action', async () => {
    const plan = await createPropertyWithPlan(admin.client, admin.accountId);
    const action = created<{ id: string }>(
      await admin.client.post(`/api/plans/${plan.planId}/actions`, {
        name: 'Byte av takpapp',
        category: 'yttertak',
        quantity: 1,
        unit: 'st',
        unitPrice: 1,
        year: 2030,
      }),
    );
    const urls = routes
      .filter((route) => route.method === 'POST' && route.url !== '/api/auth/logout')
      .map((route) => concreteUrl(route.url, { accountId: admin.accountId, id: action.id })[0]!);
    expect(urls).toContain(`/api/actions/${action.id}/attachments`);
    let checked = 0;
    for (const url of urls) {
      for (const { label, body, contentType: type } of bodies) {
        admin.client.clientIp = `10.8.${Math.floor(checked / 250) % 250}.${checked % 250}`;
        const response = await admin.client.request('POST', url, body, { 'content-type': type });
        const what = `POST ${url} (${label}) → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expectClientError(response.statusCode, what);
        expect(response.json(), what).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
        checked += 1;
      }
    }
    // Multipart is parsed for the upload route only; every other route refuses it as it refuses any non-JSON body.
    const elsewhere = await admin.client.request('POST', `/api/plans/${plan.planId}/actions`, wellFormed, { 'content-type': contentType });
    expect(elsewhere.statusCode).toBe(415);
    expect(checked).toBe(urls.length * bodies.length);
  });
});

/** The fuzzing may log the admin out (logout route); sign back in so later routes run signed in. */
async function signBackIn(): Promise<void> {
  const response = await admin.client.post('/api/auth/login', { email: admin.email, password: admin.password });
  expect(response.statusCode).toBe(200);
}
