import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import type { Translate } from '../../lib/i18n/translate.ts';

/**
 * What went wrong with a passkey, in words: a prompt the person closed (or let time out) is said
 * calmly, as their own choice, not as an error; the server's answers as everywhere else.
 */
export function describePasskeyError(error: unknown, t: Translate): { text: string; isCalm: boolean } {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return { text: t('passkeys.not_accepted'), isCalm: false };
    return { text: describeApiError(error, t), isCalm: false };
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return { text: t('passkeys.cancelled'), isCalm: true };
  if (name === 'InvalidStateError') return { text: t('passkeys.already_registered'), isCalm: false };
  return { text: t('passkeys.browser_failed'), isCalm: false };
}
