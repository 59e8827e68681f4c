import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import { brandingMessages } from './branding.messages.ts';

export type BrandingField = 'displayName' | 'colour' | 'logo';
/** Field → message key: a `branding.` code of this feature's messages or a shared validation code. */
export type BrandingFieldErrors = Partial<Record<BrandingField, string>>;

const fields: BrandingField[] = ['displayName', 'colour', 'logo'];

/** The server's field codes of a refused PUT; an oversized upload refused as a whole belongs to the logo. */
export function brandingFieldErrorsOf(error: unknown): BrandingFieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: BrandingFieldErrors = {};
  for (const field of fields) {
    const code = error.fieldCodes[field];
    if (code !== undefined) errors[field] = code;
  }
  if (error.code === 'payload_too_large' && errors.logo === undefined) errors.logo = 'branding.logo_too_large';
  if (error.code === 'unsupported_media_type' && errors.logo === undefined) errors.logo = 'branding.logo_type';
  return errors;
}

function isBrandingMessageKey(code: string): code is keyof typeof brandingMessages.sv {
  return code in brandingMessages.sv;
}

/** A field's message in `language`: this feature's own for its codes, the shared catalogue's otherwise. */
export function describeBrandingFieldError(code: string, language: Language): string {
  return isBrandingMessageKey(code) ? brandingMessages[language][code] : translateValidationMessage(code, language);
}
