import { useDisplayPreferences, type VatChoice } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

const vatChoices: VatChoice[] = ['excl', 'incl'];

/**
 * The VAT and display-rounding choices of docs/product/screens.md § Everywhere, for every tab of
 * the plan (analysis included): they are the person's preferences (web/lib/display-preferences.ts),
 * so every view reads them from there. Native radio buttons and a checkbox: arrow keys and space
 * work as people expect.
 */
export function DisplaySwitches() {
  const { t } = useTranslation();
  const { vat, isRounded, set } = useDisplayPreferences();
  return (
    <fieldset className="display-switches">
      <legend className="visually-hidden">{t('plan_views.display_label')}</legend>
      <div className="segmented">
        {vatChoices.map((choice) => (
          <label key={choice} className="segmented__option">
            <input type="radio" name="vat" value={choice} checked={vat === choice} onChange={() => set({ vat: choice })} />
            <span>{t(`plan_views.vat.${choice}`)}</span>
          </label>
        ))}
      </div>
      <label className="switch">
        <input type="checkbox" checked={isRounded} onChange={(event) => set({ isRounded: event.target.checked })} />
        <span>{t('plan_views.rounding')}</span>
      </label>
    </fieldset>
  );
}
