import type { Language } from '../../../shared/i18n/language.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * Amounts as the person chose to see them (display rounding on or off), plus the shorter forms the
 * charts need: axis ticks without the currency (the axis names it once) and shares in percent.
 */
export function useAmountFormat() {
  const { language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  return {
    amount: (value: number) => formatAmount(value, language, isRounded),
    tick: (value: number) => formatNumber(value, language, 0),
    share: (fraction: number) => new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 1 }).format(fraction),
  };
}
