import type { Language } from '../../../shared/i18n/language.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import type { MessageKeyOf } from '../../lib/i18n/define-messages.ts';
import type { Translate } from '../../lib/i18n/translate.ts';
import type { apiErrorMessages } from '../../lib/api/api-error.messages.ts';
import type { changeSetsMessages } from './change-sets.messages.ts';

type UndoTranslate = Translate<MessageKeyOf<typeof changeSetsMessages> | MessageKeyOf<typeof apiErrorMessages>>;

/** Names shown before "and N more": enough to recognise the work, short enough to read. */
const namedActions = 5;

/**
 * Why an undo failed, in the reader's language. A 409 names the actions changed since the change
 * set (`details.actions`, docs/product/api.md); a 409 without them (already undone, the plan in
 * the trash…) gets the general sentence, since the server's own message is English.
 */
export function describeUndoError(error: unknown, t: UndoTranslate, language: Language): string {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return describeActionError(error, t, language);
  const names = actionNamesOf(error.details);
  if (names.length === 0) return t('change_sets.conflict');
  const shown = names.slice(0, namedActions).join(', ');
  const list = names.length > namedActions ? t('change_sets.and_more', { names: shown, count: formatNumber(names.length - namedActions, language) }) : shown;
  return names.length === 1
    ? t('change_sets.conflict_actions.one', { names: list })
    : t('change_sets.conflict_actions.other', { names: list, count: formatNumber(names.length, language) });
}

function actionNamesOf(details: Record<string, unknown>): string[] {
  const actions = details.actions;
  if (!Array.isArray(actions)) return [];
  return actions.flatMap((action: unknown) =>
    typeof action === 'object' && action !== null && 'name' in action && typeof action.name === 'string' ? [action.name] : [],
  );
}
