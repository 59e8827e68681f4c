import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.ts';
import { pickLanguage } from '../../shared/i18n/language.ts';
import { translateValidationMessage } from '../../shared/i18n/validation-messages.ts';
import { AppError } from './app-error.ts';

const statusByCode: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  locked: 429,
  unavailable: 503,
  internal: 500,
};

/** PostgreSQL / node-pg failures meaning "the database is not reachable right now". */
const unavailableErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/**
 * One place maps every error to `{ error: { code, message, fields? } }`. Client mistakes become
 * 4xx with a clear message; a database outage becomes 503; anything else is logged and answered
 * with a bare 500 that leaks no stack trace or SQL.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') {
      request.log.error({ err: error }, 'unhandled error');
    } else if (appError.code === 'unavailable') {
      request.log.warn({ err: { message: error.message, code: (error as { code?: string }).code } }, 'database unavailable');
    }
    return sendError(request, reply, appError);
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const language = pickLanguage(request.headers['accept-language']);
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fieldCodes) {
    body.error.fieldCodes = error.fieldCodes;
    body.error.fields = Object.fromEntries(
      Object.entries(error.fieldCodes).map(([path, key]) => [path, translateValidationMessage(key, language)]),
    );
  }
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.status(statusByCode[error.code]).type('application/json; charset=utf-8').send(body);
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (code && unavailableErrorCodes.has(code)) {
    return new AppError('unavailable', 'The database is unavailable right now. Try again in a moment.');
  }
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(error.message)) {
    return new AppError('unavailable', 'The database is unavailable right now. Try again in a moment.');
  }
  switch (code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new AppError('csrf', 'Missing or invalid x-csrf-token header. Fetch one from GET /api/auth/csrf.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json.');
  }
  if (statusCode === 429) return new AppError('rate_limited', 'Too many requests. Wait a minute and try again.', undefined, 60);
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    // Fastify's own 4xx (malformed JSON, empty body, bad header…): keep the status family, clear message.
    return new AppError('validation', error.message || 'Malformed request');
  }
  return new AppError('internal', 'Something went wrong on our side. It has been logged.');
}
