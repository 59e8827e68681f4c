import { errorCodes, type ErrorCode } from '../../../shared/errors.ts';

/** `network` is ours: the request never got an answer (offline, DNS, server down). */
export type ApiErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Field path → message already in the request's language. */
  readonly fields: Record<string, string>;
  /** Field path → key of shared/i18n/validation-messages.ts. */
  readonly fieldCodes: Record<string, string>;
  /** From Retry-After on 429 and 503; null when absent. */
  readonly retryAfterSeconds: number | null;
  /** More about the error, in the shape docs/product/api.md gives for the route (the actions an undo would overwrite…); {} when absent. */
  readonly details: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message?: string;
    fields?: Record<string, string>;
    fieldCodes?: Record<string, string>;
    retryAfterSeconds?: number | null;
    details?: Record<string, unknown>;
  }) {
    super(init.message ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? {};
    this.fieldCodes = init.fieldCodes ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.details = init.details ?? {};
  }
}

/** Builds an ApiError from a failed response; a body that is not ours (a proxy's HTML page) still maps by status. */
export async function readApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  return new ApiError({
    status: response.status,
    code: isErrorCode(error.code) ? error.code : codeForStatus(response.status),
    message: typeof error.message === 'string' ? error.message : response.statusText,
    fields: stringRecord(error.fields),
    fieldCodes: stringRecord(error.fieldCodes),
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    details: isRecord(error.details) ? error.details : {},
  });
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const dateMs = Date.parse(value);
  return Number.isNaN(dateMs) ? null : Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

function isErrorCode(value: unknown): value is ErrorCode {
  return errorCodes.some((code) => code === value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
