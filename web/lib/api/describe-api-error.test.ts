import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate.ts';
import { apiErrorMessages } from './api-error.messages.ts';
import { ApiError } from './api-error.ts';
import { describeActionError, describeApiError } from './describe-api-error.ts';

const sv = createTranslator(apiErrorMessages.sv);
const en = createTranslator(apiErrorMessages.en);

describe('describeApiError', () => {
  it('says wrong credentials for a failed sign-in', () => {
    const error = new ApiError({ status: 401, code: 'invalid_credentials' });
    expect(describeApiError(error, sv)).toBe('Fel e-postadress eller lösenord.');
    expect(describeApiError(error, en)).toBe('Wrong e-mail address or password.');
  });

  it('rounds Retry-After up to whole minutes', () => {
    expect(describeApiError(new ApiError({ status: 429, code: 'rate_limited', retryAfterSeconds: 61 }), sv)).toBe(
      'För många försök. Vänta 2 minuter och försök sedan igen.',
    );
    expect(describeApiError(new ApiError({ status: 429, code: 'locked', retryAfterSeconds: 5 }), en)).toBe(
      'Signing in is blocked for a while after too many failed attempts. Try again in 1 minute.',
    );
    expect(describeApiError(new ApiError({ status: 429, code: 'rate_limited' }), en)).toBe('Too many attempts. Wait a while, then try again.');
  });

  it('points to the fields when the server named any', () => {
    const error = new ApiError({ status: 409, code: 'conflict', fields: { email: 'Redan medlem' } });
    expect(describeApiError(error, sv)).toBe('Kontrollera de markerade fälten.');
  });

  it('treats anything that is not an ApiError as our fault', () => {
    expect(describeApiError(new SyntaxError('Unexpected token'), en)).toMatch(/^Something went wrong/);
  });
});

describe('describeActionError', () => {
  it('shows the field message where there is no field to show it beside', () => {
    const error = new ApiError({ status: 400, code: 'validation', fieldCodes: { role: 'member.last_admin' } });
    expect(describeActionError(error, sv, 'sv')).toBe('Kontot måste ha minst en administratör.');
  });
});
