import type { Language } from '../../../shared/i18n/language.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Methods that change state; the server rejects them without a CSRF token. */
export function isUnsafeMethod(method: HttpMethod): boolean {
  return method !== 'GET';
}

interface RequestHeaderInput {
  method: HttpMethod;
  language: Language;
  csrfToken: string | null;
  hasBody: boolean;
}

/** The headers every API request carries: the language for server messages, JSON, and CSRF. */
export function buildRequestHeaders({ method, language, csrfToken, hasBody }: RequestHeaderInput): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (hasBody) headers['content-type'] = 'application/json';
  if (isUnsafeMethod(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}
