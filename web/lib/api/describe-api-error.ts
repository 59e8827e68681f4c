import type { Language } from '../../../shared/i18n/language.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import type { MessageKeyOf } from '../i18n/define-messages.ts';
import type { Translate } from '../i18n/translate.ts';
import type { apiErrorMessages } from './api-error.messages.ts';
import { ApiError } from './api-error.ts';

/** Only lib's own messages (api-error.messages.ts) are needed: the app's `t` passes, and so does a translator of those alone in tests. */
type ErrorTranslate = Translate<MessageKeyOf<typeof apiErrorMessages>>;

/**
 * A form-level sentence for a failed request, in the chosen language. When the server named
 * fields, their messages sit beside the fields and this sentence points there.
 */
export function describeApiError(error: unknown, t: ErrorTranslate): string {
  if (!(error instanceof ApiError)) return t('error.internal');
  if (hasFieldMessages(error)) return t('error.validation');
  if (error.code === 'rate_limited' || error.code === 'locked') {
    return t(`error.${error.code}`, { wait: describeWait(error.retryAfterSeconds, t) });
  }
  return t(`error.${error.code}`);
}

/**
 * For an action without a form (a role select in a table, a remove button) there is no field to
 * show a field message beside, so the first field message is the message.
 */
export function describeActionError(error: unknown, t: ErrorTranslate, language: Language): string {
  if (error instanceof ApiError) {
    const [code] = Object.values(error.fieldCodes);
    if (code !== undefined) return translateValidationMessage(code, language);
    const [text] = Object.values(error.fields);
    if (text !== undefined) return text;
  }
  return describeApiError(error, t);
}

function hasFieldMessages(error: ApiError): boolean {
  return Object.keys(error.fieldCodes).length > 0 || Object.keys(error.fields).length > 0;
}

function describeWait(seconds: number | null, t: ErrorTranslate): string {
  if (seconds === null) return t('wait.a_while');
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return t(minutes === 1 ? 'wait.minutes.one' : 'wait.minutes.other', { count: minutes });
}
