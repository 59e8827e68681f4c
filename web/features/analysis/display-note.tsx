import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/**
 * States the VAT and rounding the amounts are shown with, so a printout or a screenshot says it
 * too: the switches themselves live in the plan layout and are hidden in print.
 */
export function DisplayNote({ vatPercent }: { vatPercent: number }) {
  const { t, language } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  return (
    <p className="analysis-note">
      {vat === 'incl' ? t('analysis.vat_incl', { percent: formatNumber(vatPercent, language) }) : t('analysis.vat_excl')}
      {isRounded && ` ${t('analysis.rounded')}`}
    </p>
  );
}
