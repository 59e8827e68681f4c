import { defineMessages } from '../i18n/define-messages.ts';

/**
 * A failed request in words (describe-api-error.ts): one message for every error code of
 * shared/errors.ts plus `network`, and the wait before a retry (keys start with `error.` and `wait.`).
 */
export const apiErrorMessages = defineMessages(
  {
    'wait.a_while': 'en stund',
    'wait.minutes.one': '{count} minut',
    'wait.minutes.other': '{count} minuter',

    'error.validation': 'Kontrollera de markerade fälten.',
    'error.unauthenticated': 'Du är inte inloggad längre. Logga in igen.',
    'error.invalid_credentials': 'Fel e-postadress eller lösenord.',
    'error.forbidden': 'Du har inte behörighet att göra det här.',
    'error.two_factor_required': 'Kontot kräver tvåstegsverifiering. Slå på den under Inloggning och säkerhet.',
    'error.account_inactive': 'Kontot är inte aktivt: provperioden har gått ut eller förvaltaren har pausat det. Kontakta er förvaltare.',
    'error.two_factor_required_link': 'Till Inloggning och säkerhet',
    'error.csrf': 'Säkerhetskontrollen för sidan har gått ut. Ladda om sidan och försök igen.',
    'error.not_found': 'Det du söker finns inte, eller så har du inte tillgång till det.',
    'error.conflict': 'Ändringen krockar med något som redan finns.',
    'error.rate_limited': 'För många försök. Vänta {wait} och försök sedan igen.',
    'error.locked': 'Inloggningen är tillfälligt spärrad efter för många misslyckade försök. Försök igen om {wait}.',
    'error.invalid_token': 'Länken fungerar inte längre: den har redan använts eller gått ut. Be om en ny.',
    'error.payload_too_large': 'Det du skickade är för stort.',
    'error.unsupported_media_type': 'Filtypen stöds inte.',
    'error.unavailable': 'Kvarter är tillfälligt otillgängligt. Försök igen om en liten stund.',
    'error.storage_full': 'Det finns inte plats för filen på servern. Försök igen senare, och be driftansvarig frigöra utrymme om felet kvarstår.',
    'error.internal': 'Något gick fel hos oss. Försök igen, och kontakta din administratör om felet kvarstår.',
    'error.network': 'Kunde inte nå Kvarter. Kontrollera internetanslutningen och försök igen.',
  },
  {
    'wait.a_while': 'a while',
    'wait.minutes.one': '{count} minute',
    'wait.minutes.other': '{count} minutes',

    'error.validation': 'Check the marked fields.',
    'error.unauthenticated': 'You are no longer signed in. Sign in again.',
    'error.invalid_credentials': 'Wrong e-mail address or password.',
    'error.forbidden': 'You are not allowed to do this.',
    'error.two_factor_required': 'This account requires two-step verification. Turn it on under Sign-in and security.',
    'error.account_inactive': 'This account is not active: its trial has ended or its manager has paused it. Contact your manager.',
    'error.two_factor_required_link': 'Go to Sign-in and security',
    'error.csrf': "The page's security check has expired. Reload the page and try again.",
    'error.not_found': 'What you are looking for does not exist, or you have no access to it.',
    'error.conflict': 'The change conflicts with something that already exists.',
    'error.rate_limited': 'Too many attempts. Wait {wait}, then try again.',
    'error.locked': 'Signing in is blocked for a while after too many failed attempts. Try again in {wait}.',
    'error.invalid_token': 'This link no longer works: it has been used or has expired. Ask for a new one.',
    'error.payload_too_large': 'What you sent is too large.',
    'error.unsupported_media_type': 'This file type is not supported.',
    'error.unavailable': 'Kvarter is temporarily unavailable. Try again in a moment.',
    'error.storage_full': 'There is no space left on the server for this file. Try again later, and ask the operator to free space if it persists.',
    'error.internal': 'Something went wrong on our side. Try again, and contact your administrator if it persists.',
    'error.network': 'Could not reach Kvarter. Check your internet connection and try again.',
  },
);
