import { categoryNames, isCategoryCode } from '../../../shared/categories.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import type { ChangeKind, FieldChanges } from '../../../shared/schemas/history.ts';
import { isStatusCode, statusNames } from '../../../shared/statuses.ts';
import type { MessageKeyOf } from '../../lib/i18n/define-messages.ts';
import { formatAmountWithDecimals, formatNumber } from '../../lib/i18n/format-amount.ts';
import type { Translate } from '../../lib/i18n/translate.ts';
import { actionFields, historyFieldOf, planFields, type FieldKind, type HistoryField } from './history-fields.ts';
import type { historyMessages } from './history.messages.ts';

/** Only the history's own messages: the app's `t` passes, and so does a translator of those alone in tests. */
export type HistoryTranslate = Translate<MessageKeyOf<typeof historyMessages>>;

interface PropertyPart {
  id: string;
  name: string;
}

export interface ChangeWords {
  language: Language;
  t: HistoryTranslate;
  /** The field's label as the forms name it (the app's messages), e.g. "À-pris". */
  labelOf: (field: HistoryField) => string;
  /** The property's buildings and locations as they are now; undefined while they load. */
  buildings: readonly PropertyPart[] | undefined;
  locations: readonly PropertyPart[] | undefined;
  /** The text for a value not known yet (the property's parts still loading). */
  loadingText: string;
}

/** "À-pris: 640,50 kr → 700,00 kr": one changed field, its label and both values in words. */
export function describeChange(field: string, change: { from: unknown; to: unknown }, isPlanSettings: boolean, words: ChangeWords): string {
  const known = historyFieldOf(field, isPlanSettings);
  if (known === undefined) return `${field}: ${describeUnknown(change.from, words)} → ${describeUnknown(change.to, words)}`;
  // Amounts side by side keep the same decimals, so a change of öre is not hidden by rounding.
  const decimals = known.kind === 'amount' && [change.from, change.to].some(hasOre) ? 2 : 0;
  return `${words.labelOf(known)}: ${describeValue(known.kind, change.from, words, decimals)} → ${describeValue(known.kind, change.to, words, decimals)}`;
}

/**
 * The lines an entry shows. A creation or deletion records every field from or to null; those
 * read as one line of the fields that hold something ("Kategori: Yttertak · År: 2031 · …"), not
 * as a line per field of "– → value". The name is left out: the entry already says whose it is.
 */
export function describeEntryChanges(kind: ChangeKind, changes: FieldChanges, isPlanSettings: boolean, words: ChangeWords): string[] {
  const entries = inFieldOrder(Object.entries(changes), isPlanSettings);
  const isWhole = kind === 'created' || kind === 'deleted' || (kind === 'restored' && entries.every(([, change]) => change.from === null));
  if (!isWhole || entries.length === 0) return entries.map(([field, change]) => describeChange(field, change, isPlanSettings, words));
  const side = kind === 'deleted' ? 'from' : 'to';
  const parts = entries
    .filter(([field, change]) => field !== 'name' && hasContent(change[side]))
    .map(([field, change]) => {
      const known = historyFieldOf(field, isPlanSettings);
      if (known === undefined) return `${field}: ${describeUnknown(change[side], words)}`;
      return `${words.labelOf(known)}: ${describeValue(known.kind, change[side], words, hasOre(change[side]) ? 2 : 0)}`;
    });
  return parts.length === 0 ? [] : [parts.join(' · ')];
}

/** One value of a field of the kind given, in words; null (and a value of an unexpected type) reads as "–". */
export function describeValue(kind: FieldKind, value: unknown, words: ChangeWords, decimals: 0 | 2 = 0): string {
  const { t, language } = words;
  if (value === null || value === undefined) return t('history.value.empty');
  switch (kind) {
    case 'amount':
      return typeof value === 'number' ? formatAmountWithDecimals(value, language, decimals) : describeUnknown(value, words);
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value, language, 4)} %` : describeUnknown(value, words);
    case 'number':
      return typeof value === 'number' ? formatNumber(value, language, 4) : describeUnknown(value, words);
    case 'years':
      if (typeof value !== 'number') return describeUnknown(value, words);
      return value === 1 ? t('history.value.one_year') : t('history.value.years', { count: value });
    case 'boolean':
      return typeof value === 'boolean' ? t(value ? 'history.value.yes' : 'history.value.no') : describeUnknown(value, words);
    case 'category':
      return typeof value === 'string' && isCategoryCode(value) ? categoryNames[value][language] : describeUnknown(value, words);
    case 'status':
      return typeof value === 'string' && isStatusCode(value) ? statusNames[value][language] : describeUnknown(value, words);
    case 'building':
      return partName(value, words.buildings, t('history.value.removed_building'), words);
    case 'location':
      return partName(value, words.locations, t('history.value.removed_location'), words);
    case 'tags':
      return Array.isArray(value) ? (value.length === 0 ? t('history.value.empty') : value.join(', ')) : describeUnknown(value, words);
    case 'year':
      // A calendar year, never "2 031".
      return String(value);
    case 'text':
      return value === '' ? t('history.value.empty') : describeUnknown(value, words);
  }
}

/** The fields in a fixed order (PostgreSQL's jsonb keeps keys shortest first), those this app does not know last. */
function inFieldOrder<Entry extends [string, unknown]>(entries: Entry[], isPlanSettings: boolean): Entry[] {
  const fields = (isPlanSettings ? planFields : actionFields).map(({ field }) => field);
  const position = (field: string) => (fields.includes(field) ? fields.indexOf(field) : fields.length);
  return entries.sort(([first], [second]) => position(first) - position(second));
}

function partName(id: unknown, parts: readonly PropertyPart[] | undefined, removed: string, words: ChangeWords): string {
  if (parts === undefined) return words.loadingText;
  return parts.find((part) => part.id === id)?.name ?? removed;
}

/** A value of a field this app does not know (a newer server), as plainly as it can be shown. */
function describeUnknown(value: unknown, words: ChangeWords): string {
  if (value === null || value === undefined || value === '') return words.t('history.value.empty');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function hasContent(value: unknown): boolean {
  return value !== null && value !== '' && value !== false && !(Array.isArray(value) && value.length === 0);
}

function hasOre(value: unknown): boolean {
  return typeof value === 'number' && Math.round(value * 100) % 100 !== 0;
}
