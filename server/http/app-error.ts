import type { ErrorCode } from '../../shared/errors.ts';
import type { ValidationMessageKey } from '../../shared/i18n/validation-messages.ts';

/**
 * The one error type services throw. The error handler maps `code` to an HTTP status and
 * translates `fieldCodes` into the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldCodes?: Record<string, ValidationMessageKey>,
    /** Seconds a client should wait before retrying (429; every 503 gets a default in error-handler.ts). */
    readonly retryAfterSeconds?: number,
    /** What a client needs to show the error precisely (the actions an undo would overwrite…). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what = 'Resource'): AppError {
  return new AppError('not_found', `${what} not found`);
}

export function forbidden(message = 'Your role does not allow this'): AppError {
  return new AppError('forbidden', message);
}

export function validationError(fieldCodes: Record<string, ValidationMessageKey>, message = 'Invalid input'): AppError {
  return new AppError('validation', message, fieldCodes);
}
