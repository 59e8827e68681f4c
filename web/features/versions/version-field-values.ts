import { categoryNames, isCategoryCode } from '../../../shared/categories.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { statusNames } from '../../../shared/statuses.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import type { MessageKey, Translate } from '../../lib/i18n/translate.ts';

/** An action field of the diff (the API's name) → its label on the action form. */
export const fieldLabels: Record<string, MessageKey> = {
  name: 'actions.field.name',
  category: 'actions.field.category',
  buildingId: 'actions.field.building',
  locationId: 'actions.field.location',
  quantity: 'actions.field.quantity',
  unit: 'actions.field.unit',
  unitPrice: 'actions.field.unit_price',
  year: 'actions.field.year',
  intervalYears: 'actions.field.interval',
  status: 'actions.field.status',
  baseYear: 'actions.field.base_year',
  isInvestment: 'actions.field.investment',
  tags: 'actions.field.tags',
  note: 'actions.field.note',
};

export interface FieldValueContext {
  t: Translate;
  language: Language;
  /** Building and location ids of the property → their names. */
  partNames: ReadonlyMap<string, string>;
}

/**
 * A field's value as people read it: money in kronor (exact, as entered), category, status and
 * building names instead of codes and ids, "one-off" for no interval. A building deleted since the
 * version was saved has no name left to show.
 */
export function formatFieldValue(field: string, value: unknown, { t, language, partNames }: FieldValueContext): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return emptyValueOf(field, t);
  switch (field) {
    case 'category':
      return typeof value === 'string' && isCategoryCode(value) ? categoryNames[value][language] : String(value);
    case 'status':
      return typeof value === 'string' && value in statusNames ? statusNames[value as keyof typeof statusNames][language] : String(value);
    case 'buildingId':
    case 'locationId':
      return partNames.get(String(value)) ?? t('versions.unknown_part');
    case 'unitPrice':
      return formatAmount(Number(value), language);
    case 'quantity':
      return formatNumber(Number(value), language, 6);
    case 'intervalYears':
      return t('versions.every_years', { count: Number(value) });
    case 'isInvestment':
      return value === true ? t('versions.yes') : t('versions.no');
    case 'tags':
      return Array.isArray(value) ? value.join(', ') : String(value);
    default:
      return String(value);
  }
}

function emptyValueOf(field: string, t: Translate): string {
  if (field === 'intervalYears') return t('versions.one_off');
  if (field === 'baseYear') return t('versions.plan_base_year');
  return t('versions.empty_value');
}
