import { roundForDisplay } from '../../../shared/cost-model/display-rounding.ts';
import type { Language } from '../../../shared/i18n/language.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * An amount in SEK for people: "112 200 kr" (sv) / "SEK 112,200" (en). Whole kronor unless the
 * amount has öre and is not display-rounded; `isRounded` applies SPEC §2's display rounding.
 */
export function formatAmount(amountSek: number, language: Language, isRounded = false): string {
  const value = isRounded ? roundForDisplay(amountSek) : amountSek;
  const hasOre = !isRounded && Math.round(value * 100) % 100 !== 0;
  return new Intl.NumberFormat(locales[language], {
    style: 'currency',
    currency: 'SEK',
    currencyDisplay: language === 'sv' ? 'symbol' : 'code',
    minimumFractionDigits: hasOre ? 2 : 0,
    maximumFractionDigits: hasOre ? 2 : 0,
  }).format(value);
}

/** A plain number with the language's separators, e.g. quantities and areas: "1 234,5" / "1,234.5". */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits }).format(value);
}
