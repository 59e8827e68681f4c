import { displayedAmount } from '../../../shared/cost-model/rounding.ts';
import type { Language } from '../../../shared/i18n/language.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * Building an Intl.NumberFormat costs far more than formatting with one, and a plan view formats
 * thousands of amounts: one formatter per language and number of decimals is kept.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(kind: 'amount' | 'number', language: Language, decimals: number): Intl.NumberFormat {
  const key = `${kind}:${language}:${decimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter =
      kind === 'amount'
        ? new Intl.NumberFormat(locales[language], {
            style: 'currency',
            currency: 'SEK',
            currencyDisplay: language === 'sv' ? 'symbol' : 'code',
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
          })
        : new Intl.NumberFormat(locales[language], { maximumFractionDigits: decimals });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * An amount in SEK for people: "112 200 kr" (sv) / "SEK 112,200" (en), the value the report shows
 * too (`displayedAmount`: öre, then docs/product/cost-model.md § Display rounding when
 * `isRounded`). Whole kronor unless the amount has öre and is not display-rounded. Give it the
 * unrounded amount, and for a sum the exact sum, never a sum of shown amounts.
 */
export function formatAmount(amountSek: number, language: Language, isRounded = false): string {
  const value = displayedAmount(amountSek, isRounded);
  const hasOre = !isRounded && Math.round(value * 100) % 100 !== 0;
  return formatterFor('amount', language, hasOre ? 2 : 0).format(value);
}

/**
 * An exact amount with the decimals given, not display-rounded: values read side by side (before
 * and after a change) keep the same decimals, "640,50 kr → 700,00 kr".
 */
export function formatAmountWithDecimals(amountSek: number, language: Language, decimals: 0 | 2): string {
  return formatterFor('amount', language, decimals).format(amountSek);
}

/** A plain number with the language's separators, e.g. quantities and areas: "1 234,5" / "1,234.5". */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return formatterFor('number', language, maximumFractionDigits).format(value);
}
