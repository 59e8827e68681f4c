import type { Language } from '../../../shared/i18n/language.ts';
import type { LibraryItem } from '../../../shared/schemas/library.ts';

/** The action form's fields a library item fills in, as the form's text fields hold them. */
export interface LibraryItemFields {
  name: string;
  category: string;
  unit: string;
  unitPrice: string;
  baseYear: string;
  intervalYears: string;
}

/**
 * What picking `item` writes into the action form: its name in the reader's language, its
 * category and unit, its price at the level of its price year (so the base year is the price
 * year) and its lifetime as the interval (docs/product/domain.md § Library). Numbers are written
 * as the form shows them: a decimal comma in Swedish, no grouping.
 */
export function libraryItemFields(item: LibraryItem, language: Language): LibraryItemFields {
  return {
    name: item.name[language],
    category: item.category,
    unit: item.unit,
    unitPrice: String(item.unitPrice).replace('.', language === 'sv' ? ',' : '.'),
    baseYear: String(item.priceYear),
    intervalYears: String(item.lifetimeYears),
  };
}

/** "m2" and "m3", the units the library and the form use, as people write them; any other unit as it is. */
export function unitLabel(unit: string): string {
  if (unit === 'm2') return 'm²';
  if (unit === 'm3') return 'm³';
  return unit;
}
