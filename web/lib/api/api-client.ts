import type { z } from 'zod';
import { csrfResponseSchema } from '../../../shared/schemas/auth.ts';
import { getLanguage } from '../i18n/language-store.ts';
import { ApiError, readApiError } from './api-error.ts';
import { buildRequestHeaders, isUnsafeMethod, type HttpMethod } from './request-headers.ts';

/**
 * The CSRF token is kept in memory only. After a reload it is fetched again before the first
 * unsafe request; concurrent requests share that one fetch.
 */
let csrfToken: string | null = null;
let pendingCsrfToken: Promise<string> | null = null;

export function rememberCsrfToken(token: string): void {
  csrfToken = token;
}

export function forgetCsrfToken(): void {
  csrfToken = null;
}

interface RequestOptions {
  /** Sent as JSON; FormData goes as multipart/form-data (the browser writes its boundary). */
  body?: unknown;
}

/** Sends a request to our API; rejects with ApiError on any failure, parses the answer with `schema`. */
export function apiRequest<S extends z.ZodType>(method: HttpMethod, path: string, options: RequestOptions & { schema: S }): Promise<z.output<S>>;
export function apiRequest(method: HttpMethod, path: string, options?: RequestOptions): Promise<void>;
export async function apiRequest(method: HttpMethod, path: string, options: RequestOptions & { schema?: z.ZodType } = {}): Promise<unknown> {
  let response = await send(method, path, options.body);
  // The token expires with the session it belongs to; one fresh token is worth one more try.
  if (response.status === 403 && isUnsafeMethod(method)) {
    const error = await readApiError(response);
    if (error.code !== 'csrf') throw error;
    forgetCsrfToken();
    response = await send(method, path, options.body);
  }
  if (!response.ok) throw await readApiError(response);
  if (!options.schema) return undefined;
  return options.schema.parse(await response.json());
}

async function send(method: HttpMethod, path: string, body: unknown): Promise<Response> {
  const token = isUnsafeMethod(method) ? await ensureCsrfToken() : null;
  const isForm = body instanceof FormData;
  const hasJsonBody = body !== undefined && !isForm;
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: buildRequestHeaders({ method, language: getLanguage(), csrfToken: token, hasBody: hasJsonBody }),
      body: isForm ? body : hasJsonBody ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network' });
  }
}

/** The session's CSRF token, fetched once and shared by every unsafe request (uploads too). */
export async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  pendingCsrfToken ??= apiRequest('GET', '/api/auth/csrf', { schema: csrfResponseSchema })
    .then(({ csrfToken: token }) => {
      csrfToken = token;
      return token;
    })
    .finally(() => {
      pendingCsrfToken = null;
    });
  return pendingCsrfToken;
}
