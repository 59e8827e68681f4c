import { describe, expect, it } from 'vitest';
import { buildRequestHeaders } from './request-headers.ts';

describe('buildRequestHeaders', () => {
  it('always sends the chosen language', () => {
    expect(buildRequestHeaders({ method: 'GET', language: 'en', csrfToken: null, hasBody: false })).toEqual({
      accept: 'application/json',
      'accept-language': 'en',
    });
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('sends the CSRF token with %s', (method) => {
    const headers = buildRequestHeaders({ method, language: 'sv', csrfToken: 'token-1', hasBody: false });
    expect(headers['x-csrf-token']).toBe('token-1');
    expect(headers['accept-language']).toBe('sv');
  });

  it('keeps the CSRF token off GET requests', () => {
    const headers = buildRequestHeaders({ method: 'GET', language: 'sv', csrfToken: 'token-1', hasBody: false });
    expect(headers).not.toHaveProperty('x-csrf-token');
  });

  it('declares JSON only when there is a body', () => {
    expect(buildRequestHeaders({ method: 'POST', language: 'sv', csrfToken: 't', hasBody: true })['content-type']).toBe('application/json');
    expect(buildRequestHeaders({ method: 'DELETE', language: 'sv', csrfToken: 't', hasBody: false })).not.toHaveProperty('content-type');
  });
});
