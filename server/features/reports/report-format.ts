import { displayedAmount } from '../../../shared/cost-model/rounding.ts';
import type { Language } from '../../../shared/i18n/language.ts';

/**
 * Number formatting of the report, the same as the web app's (web/lib/i18n/format-amount.ts, which
 * the server cannot import): "112 200 kr" with a no-break space (sv), "SEK 112,200" (en).
 */
const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();

function formatterOf(key: string, create: () => Intl.NumberFormat): Intl.NumberFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * An amount in SEK as the report shows it: the same value as on the screen (`displayedAmount`:
 * öre, then docs/product/cost-model.md § Display rounding when `isRounded`). Whole kronor unless
 * the amount has öre and is not display-rounded.
 */
export function formatReportAmount(amountSek: number, language: Language, isRounded: boolean): string {
  const value = displayedAmount(amountSek, isRounded);
  const hasOre = !isRounded && Math.round(value * 100) % 100 !== 0;
  const digits = hasOre ? 2 : 0;
  return formatterOf(
    `amount:${language}:${digits}`,
    () =>
      new Intl.NumberFormat(locales[language], {
        style: 'currency',
        currency: 'SEK',
        currencyDisplay: language === 'sv' ? 'symbol' : 'code',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  ).format(value);
}

/** A plain number with the language's separators (quantities, areas): "1 234,5" / "1,234.5". */
export function formatReportNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return formatterOf(`number:${language}:${maximumFractionDigits}`, () => new Intl.NumberFormat(locales[language], { maximumFractionDigits })).format(value);
}

/** A share of a whole as a percentage with one decimal: "12,5 %" / "12.5%". */
export function formatReportShare(part: number, whole: number, language: Language): string {
  const share = whole === 0 ? 0 : part / whole;
  return formatterOf(
    `share:${language}`,
    () => new Intl.NumberFormat(locales[language], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  ).format(share);
}

/** A calendar date in the language's long form, in Swedish time: "27 november 2026" / "27 November 2026". */
export function formatReportDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(date);
}
