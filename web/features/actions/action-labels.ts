import { categoryNames, isCategoryCode } from '../../../shared/categories.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { statusNames, isStatusCode } from '../../../shared/statuses.ts';
import type { SelectOption } from '../../components/ui/select-field.tsx';
import type { MessageKeyOf } from '../../lib/i18n/define-messages.ts';
import type { Translate } from '../../lib/i18n/translate.ts';
import type { actionsMessages } from './actions.messages.ts';

/** The category's name in the language; an unknown code (newer server) shows as itself. */
export function categoryName(code: string, language: Language): string {
  return isCategoryCode(code) ? categoryNames[code][language] : code;
}

export function statusName(code: string, language: Language): string {
  return isStatusCode(code) ? statusNames[code][language] : code;
}

export function categoryOptions(language: Language): SelectOption[] {
  return Object.entries(categoryNames).map(([code, names]) => ({ value: code, label: names[language] }));
}

export function statusOptions(language: Language): SelectOption[] {
  return Object.entries(statusNames).map(([code, names]) => ({ value: code, label: names[language] }));
}

/** "vart 8:e år" / "every 8 years"; one-off, every year and every other year read as words. */
export function intervalText(intervalYears: number | null, t: Translate<MessageKeyOf<typeof actionsMessages>>): string {
  if (intervalYears === null) return t('actions.interval.once');
  if (intervalYears === 1) return t('actions.interval.every_year');
  if (intervalYears === 2) return t('actions.interval.every_other_year');
  return t(hasSwedishOrdinalA(intervalYears) ? 'actions.interval.every_nth_a' : 'actions.interval.every_nth_e', {
    count: intervalYears,
  });
}

/** Swedish ordinals end in :a after a final 1 or 2 (21:a, 22:a), except 11 and 12 (11:e, 12:e). */
function hasSwedishOrdinalA(value: number): boolean {
  const lastTwo = value % 100;
  const last = value % 10;
  return (last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12;
}
