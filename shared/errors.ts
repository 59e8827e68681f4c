/**
 * The one error vocabulary shared by the server and the web app. The server maps each code to
 * an HTTP status in one place (server/http/error-handler.ts); the web app translates the codes.
 */
export const errorCodes = [
  'validation',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  /** The account requires a second factor and the signed-in user has none. */
  'two_factor_required',
  /** A customer account past its trial or set inactive: its own members are refused its data. */
  'account_inactive',
  'csrf',
  'not_found',
  'conflict',
  'rate_limited',
  'locked',
  /** A password-reset link that is unknown, used or expired. */
  'invalid_token',
  'payload_too_large',
  'unsupported_media_type',
  'unavailable',
  /** No storage space left for an upload: the operator must act, the request was fine. */
  'storage_full',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Body of every error response: `{ error: { code, message, fields? } }`. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field path (dot-separated) → message in the request's language. */
    fields?: Record<string, string>;
    /** Field path → stable message key, so clients can translate themselves. */
    fieldCodes?: Record<string, string>;
    /** More about the error, in a shape documented with the route (docs/product/api.md). */
    details?: Record<string, unknown>;
  };
}
