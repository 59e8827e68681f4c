import type { Language } from './i18n/language.ts';

/**
 * The 16 categories of maintenance actions (docs/product/domain.md § Categories), in their stable
 * display order. The codes are API values and stored in actions.category (its CHECK constraint
 * lists the same codes): never rename one, add new ones at the end.
 */
export const categoryCodes = [
  'mark',
  'stomme',
  'fasad',
  'yttertak',
  'invandigt',
  'ventilation',
  'vatten',
  'avlopp',
  'avfall',
  'varme-kyla',
  'el',
  'styr',
  'tele',
  'transport',
  'brand-sakerhet',
  'myndighet',
] as const;
export type CategoryCode = (typeof categoryCodes)[number];

export const categoryNames = {
  mark: { sv: 'Mark', en: 'Grounds' },
  stomme: { sv: 'Stomme och grund', en: 'Structure and foundation' },
  fasad: { sv: 'Fasad', en: 'Facade' },
  yttertak: { sv: 'Yttertak', en: 'Roof' },
  invandigt: { sv: 'Invändigt', en: 'Interiors' },
  ventilation: { sv: 'Ventilation', en: 'Ventilation' },
  vatten: { sv: 'Vatten', en: 'Water supply' },
  avlopp: { sv: 'Avlopp', en: 'Drainage and sewage' },
  avfall: { sv: 'Avfall och återvinning', en: 'Waste and recycling' },
  'varme-kyla': { sv: 'Värme och kyla', en: 'Heating and cooling' },
  el: { sv: 'El', en: 'Electrical' },
  styr: { sv: 'Styr och övervakning', en: 'Controls and automation' },
  tele: { sv: 'Tele och data', en: 'Telecom and data' },
  transport: { sv: 'Transport', en: 'Lifts' },
  'brand-sakerhet': { sv: 'Brand och säkerhet', en: 'Fire and security' },
  myndighet: { sv: 'Myndighetskrav', en: 'Statutory inspections' },
} as const satisfies Record<CategoryCode, Record<Language, string>>;

export interface Category {
  code: CategoryCode;
  sv: string;
  en: string;
}

/** Every category with its names, in display order (the answer of GET /api/categories). */
export const categories: readonly Category[] = categoryCodes.map((code) => ({ code, ...categoryNames[code] }));

export function isCategoryCode(value: string): value is CategoryCode {
  return (categoryCodes as readonly string[]).includes(value);
}
