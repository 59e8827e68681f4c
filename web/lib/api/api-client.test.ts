import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { setLanguage } from '../i18n/language-store.ts';
import { apiRequest, forgetCsrfToken, rememberCsrfToken } from './api-client.ts';
import { ApiError } from './api-error.ts';

interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake server: answers each request with the next queued response and records what was sent. */
function fakeServer(...responses: Response[]) {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    sent.push({
      method: init.method ?? 'GET',
      url,
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const response = responses.shift();
    if (!response) throw new Error(`unexpected request ${init.method} ${url}`);
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return sent;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const okSchema = z.object({ ok: z.boolean() });

beforeEach(() => {
  forgetCsrfToken();
  setLanguage('sv');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('fetches a CSRF token before the first unsafe request and reuses it', async () => {
    const sent = fakeServer(json(200, { csrfToken: 'fresh' }), json(200, { ok: true }), new Response(null, { status: 204 }));

    await expect(apiRequest('POST', '/api/x', { body: { a: 1 }, schema: okSchema })).resolves.toEqual({ ok: true });
    await apiRequest('DELETE', '/api/x/1');

    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /api/auth/csrf', 'POST /api/x', 'DELETE /api/x/1']);
    expect(sent[1]?.headers['x-csrf-token']).toBe('fresh');
    expect(sent[1]?.body).toEqual({ a: 1 });
    expect(sent[2]?.headers['x-csrf-token']).toBe('fresh');
  });

  it('refetches the token once and retries after a 403 csrf', async () => {
    rememberCsrfToken('stale');
    const sent = fakeServer(json(403, { error: { code: 'csrf', message: 'bad token' } }), json(200, { csrfToken: 'renewed' }), json(200, { ok: true }));

    await expect(apiRequest('PATCH', '/api/x', { body: {}, schema: okSchema })).resolves.toEqual({ ok: true });
    expect(sent.map((request) => request.headers['x-csrf-token'])).toEqual(['stale', undefined, 'renewed']);
  });

  it('gives up after the one retry', async () => {
    rememberCsrfToken('stale');
    fakeServer(
      json(403, { error: { code: 'csrf', message: 'bad token' } }),
      json(200, { csrfToken: 'renewed' }),
      json(403, { error: { code: 'csrf', message: 'bad token' } }),
    );

    await expect(apiRequest('POST', '/api/x', { body: {} })).rejects.toMatchObject({ status: 403, code: 'csrf' });
  });

  it('does not retry other 403 answers', async () => {
    rememberCsrfToken('token');
    const sent = fakeServer(json(403, { error: { code: 'forbidden', message: 'no' } }));

    await expect(apiRequest('DELETE', '/api/x')).rejects.toMatchObject({ code: 'forbidden' });
    expect(sent).toHaveLength(1);
  });

  it('sends the language chosen at the time of the request', async () => {
    const sent = fakeServer(json(200, { ok: true }), json(200, { ok: true }));

    await apiRequest('GET', '/api/x', { schema: okSchema });
    setLanguage('en');
    await apiRequest('GET', '/api/x', { schema: okSchema });

    expect(sent.map((request) => request.headers['accept-language'])).toEqual(['sv', 'en']);
    expect(sent[0]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('turns an error body into an ApiError with fields, codes and Retry-After', async () => {
    fakeServer(
      json(429, { error: { code: 'locked', message: 'Låst', fields: { email: 'Fel' }, fieldCodes: { email: 'email.invalid' } } }, { 'retry-after': '125' }),
    );

    const error = await apiRequest('GET', '/api/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'locked',
      fields: { email: 'Fel' },
      fieldCodes: { email: 'email.invalid' },
      retryAfterSeconds: 125,
    });
  });

  it('maps a body that is not ours by its status', async () => {
    fakeServer(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiRequest('GET', '/api/x')).rejects.toMatchObject({ status: 502, code: 'unavailable' });
  });

  it('reports a request that got no answer as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiRequest('GET', '/api/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
