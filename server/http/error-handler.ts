import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.ts';
import { pickLanguage } from '../../shared/i18n/language.ts';
import { translateValidationMessage } from '../../shared/i18n/validation-messages.ts';
import { DatabaseConnectionError } from '../db/database-connection-error.ts';
import { AppError } from './app-error.ts';

const statusByCode: Record<ErrorCode, number> = {
  validation: 400,
  invalid_token: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  two_factor_required: 403,
  account_inactive: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  locked: 429,
  unavailable: 503,
  storage_full: 507,
  internal: 500,
};

/**
 * PostgreSQL / node-pg failures meaning "the database is not reachable right now", or "not
 * writable right now": 25006 (read_only_sql_transaction) is a write that reached a primary just
 * demoted in a failover or switchover, before HAProxy cut its connection. None of these committed
 * (docs/decisions/0050-failover-errors.md).
 */
const unavailableErrorCodes = new Set([
  '25006',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const unavailableMessage = 'The database is unavailable right now. Try again in a moment.';
/**
 * Retry-After of every 503, in seconds: most outages are a restart or a failover of a few seconds,
 * and the pool gives up on a connection after 5 s, so sooner would mostly meet the same answer.
 */
export const unavailableRetryAfterSeconds = 5;
/** 57014: a statement cancelled by statement_timeout (or an operator); node-pg's own query timeout has no code. */
const tooSlowMessage = 'The database did not answer in time. Try again in a moment.';
const storageFullMessage = 'The server has no storage space left for this file. Try again later, or ask the operator to free space.';

/**
 * One place maps every error to `{ error: { code, message, fields? } }`. Client mistakes become
 * 4xx with a clear message; database trouble (refused, lost, too slow to answer, or a connection
 * that fails verification or authentication) becomes 503 with Retry-After, and a full disk 507 (Insufficient Storage); anything else is logged and answered
 * with a bare 500 that leaks no stack trace or SQL.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') {
      request.log.error({ err: error }, 'unhandled error');
    } else if (appError.code === 'storage_full') {
      // An operator has to act on a full disk.
      request.log.error({ err: { message: error.message, code: (error as { code?: string }).code } }, 'storage full');
    } else if (error instanceof DatabaseConnectionError && !error.isOutage) {
      // A wrong certificate or password does not pass by itself: an operator has to act.
      request.log.error({ err: { message: error.message, code: error.code } }, `database unavailable: ${error.message}`);
    } else if (appError.code === 'unavailable') {
      // A database outage usually passes by itself.
      request.log.warn({ err: { message: error.message, code: (error as { code?: string }).code } }, 'database unavailable');
    }
    // Failed before the body was read to its end (an upload cut short by a full disk): the rest
    // is still on its way, so this connection cannot carry another request. Close it after answering.
    const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
    if (hasBody && !request.raw.complete) reply.header('connection', 'close');
    return sendError(request, reply, appError);
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const language = pickLanguage(request.headers['accept-language']);
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fieldCodes) {
    body.error.fieldCodes = error.fieldCodes;
    body.error.fields = Object.fromEntries(Object.entries(error.fieldCodes).map(([path, key]) => [path, translateValidationMessage(key, language)]));
  }
  if (error.details) body.error.details = error.details;
  const retryAfterSeconds = error.retryAfterSeconds ?? (error.code === 'unavailable' ? unavailableRetryAfterSeconds : undefined);
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(statusByCode[error.code]).type('application/json; charset=utf-8').send(body);
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (error instanceof DatabaseConnectionError) return new AppError('unavailable', unavailableMessage);
  if (code && unavailableErrorCodes.has(code)) return new AppError('unavailable', unavailableMessage);
  // node-pg's messages for a connection it could not get, or lost mid-query (no code on these).
  if (/timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/i.test(error.message)) {
    return new AppError('unavailable', unavailableMessage);
  }
  if (code === '57014' || /^Query read timeout$/.test(error.message)) return new AppError('unavailable', tooSlowMessage);
  // The server's own disk (uploads): not the client's fault, and over once an operator frees space.
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('storage_full', storageFullMessage);
  switch (code) {
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
