import { displayedAmount } from '../../../shared/cost-model/rounding.ts';
import type { Language } from '../../../shared/i18n/language.ts';

/**
 * Number formatting of the report, the same as the web app's (web/lib/i18n/format-amount.ts, which
 * the server cannot import): "112 200 kr" with a no-break space (sv), "SEK 112,200" (en).
 */
const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

function amountFormatter(language: Language, digits: 0 | 2): Intl.NumberFormat {
  return new Intl.NumberFormat(locales[language], {
    style: 'currency',
    currency: 'SEK',
    currencyDisplay: language === 'sv' ? 'symbol' : 'code',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * The formatters the report uses, built once: `Intl.NumberFormat` is slow to construct and a
 * report formats thousands of numbers. Constant tables, not a memo, keep the module stateless.
 */
const formatters = Object.fromEntries(
  (Object.keys(locales) as Language[]).map((language) => [
    language,
    {
      wholeKronor: amountFormatter(language, 0),
      withOre: amountFormatter(language, 2),
      number: new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 }),
      share: new Intl.NumberFormat(locales[language], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    },
  ]),
) as Record<Language, Readonly<Record<'wholeKronor' | 'withOre' | 'number' | 'share', Intl.NumberFormat>>>;

/**
 * An amount in SEK as the report shows it: the same value as on the screen (`displayedAmount`:
 * öre, then docs/product/cost-model.md § Display rounding when `isRounded`). Whole kronor unless
 * the amount has öre and is not display-rounded.
 */
export function formatReportAmount(amountSek: number, language: Language, isRounded: boolean): string {
  const value = displayedAmount(amountSek, isRounded);
  const hasOre = !isRounded && Math.round(value * 100) % 100 !== 0;
  return (hasOre ? formatters[language].withOre : formatters[language].wholeKronor).format(value);
}

/** A plain number with the language's separators (quantities, areas): "1 234,5" / "1,234.5". */
export function formatReportNumber(value: number, language: Language): string {
  return formatters[language].number.format(value);
}

/** A share of a whole as a percentage with one decimal: "12,5 %" / "12.5%". */
export function formatReportShare(part: number, whole: number, language: Language): string {
  const share = whole === 0 ? 0 : part / whole;
  return formatters[language].share.format(share);
}

/** A calendar date in the language's long form, in Swedish time: "27 november 2026" / "27 November 2026". */
export function formatReportDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(date);
}
