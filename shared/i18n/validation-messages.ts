import type { Language } from './language.ts';

/**
 * Field-level validation messages, keyed by the stable codes used in the shared zod schemas.
 * The server answers with them in the request's language; the web app shows the same texts.
 */
export const validationMessages = {
  'field.required': { sv: 'Fältet måste fyllas i.', en: 'This field is required.' },
  'field.invalid': { sv: 'Ogiltigt värde.', en: 'Invalid value.' },
  'field.too_long': { sv: 'Värdet är för långt.', en: 'The value is too long.' },
  'field.too_small': { sv: 'Värdet är för litet.', en: 'The value is too small.' },
  'field.too_big': { sv: 'Värdet är för stort.', en: 'The value is too large.' },
  'field.unknown': { sv: 'Okänt fält.', en: 'Unknown field.' },
  'field.invalid_characters': { sv: 'Värdet innehåller otillåtna tecken.', en: 'The value contains characters that are not allowed.' },
  'id.invalid': { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  'email.invalid': { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  'name.too_long': { sv: 'Högst 120 tecken.', en: 'At most 120 characters.' },
  'role.invalid': {
    sv: 'Välj en roll: läsa, arbeta eller administrera.',
    en: 'Choose a role: viewer, editor or admin.',
  },
  'password.too_short': {
    sv: 'Lösenordet måste ha minst 10 tecken.',
    en: 'The password must have at least 10 characters.',
  },
  'password.too_long': {
    sv: 'Lösenordet får vara högst 72 byte (färre tecken om du använder å, ä, ö eller symboler).',
    en: 'The password may be at most 72 bytes (fewer characters if you use accented letters or symbols).',
  },
  'password.common': {
    sv: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
    en: 'This password is too common and easy to guess. Choose another.',
  },
  'password.mismatch': { sv: 'Lösenorden är inte lika.', en: 'The passwords do not match.' },
  'password.wrong': { sv: 'Fel nuvarande lösenord.', en: 'The current password is wrong.' },
  'email.taken': {
    sv: 'Det finns redan ett konto med den e-postadressen. Logga in i stället.',
    en: 'An account with this e-mail address already exists. Sign in instead.',
  },
  'member.exists': {
    sv: 'Personen är redan medlem i kontot.',
    en: 'This person is already a member of the account.',
  },
  'member.last_admin': {
    sv: 'Kontot måste ha minst en administratör.',
    en: 'The account must keep at least one admin.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ValidationMessageKey = keyof typeof validationMessages;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(validationMessages, value);
}

export function translateValidationMessage(key: string, language: Language): string {
  return isValidationMessageKey(key) ? validationMessages[key][language] : validationMessages['field.invalid'][language];
}
