import { createRequire } from 'node:module';
import { AppError } from '../http/app-error.ts';

const require = createRequire(import.meta.url);
// Mozilla's list of the most common passwords (Firefox Accounts); CommonJS, so loaded with require.
const commonPasswords = require('fxa-common-password-list') as { test(password: string): boolean };

/**
 * The server-side part of the password rules; length rules live in the shared schema.
 * Case is ignored: "Password123" is as guessable as "password123".
 */
export function assertPasswordNotCommon(password: string, field = 'password'): void {
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    throw new AppError('validation', 'This password is too common', { [field]: 'password.common' });
  }
}
