import { useId, type ReactNode } from 'react';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { parseNumberInput } from '../../lib/forms/form-values.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { costPreviewOf } from './cost-preview.ts';

/** The form's cost fields as typed. */
export interface CostFieldTexts {
  quantity: string;
  unitPrice: string;
  year: string;
  baseYear: string;
}

/**
 * One occurrence's cost while the person types: quantity × unit price × client cost, in the VAT
 * preference, at the price level and (when the plan indexes prices) in the action's year.
 * Announced politely, so a screen reader hears the new cost after a pause in typing.
 */
export function ActionCostPreview({ plan, texts }: { plan: Plan; texts: CostFieldTexts }) {
  const { t, language } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  const titleId = useId();
  const quantity = parseNumberInput(texts.quantity);
  const unitPrice = parseNumberInput(texts.unitPrice);
  const year = parseNumberInput(texts.year);
  const baseYear = parseNumberInput(texts.baseYear) ?? null;
  const isComplete = [quantity, unitPrice, year].every((value) => value !== undefined && Number.isFinite(value) && value >= 0);
  const hasValidYears = Number.isInteger(year) && (baseYear === null || Number.isInteger(baseYear));

  let body: ReactNode;
  if (!isComplete || !hasValidYears || quantity === undefined || unitPrice === undefined || year === undefined) {
    body = <p className="cost-preview__empty">{t('actions.preview.incomplete')}</p>;
  } else {
    const preview = costPreviewOf({ quantity, unitPrice, year, baseYear }, plan, vat);
    const amount = (value: number) => formatAmount(value, language, isRounded);
    body = (
      <>
        <p className="cost-preview__amount">{amount(preview.atPriceLevel)}</p>
        <p className="cost-preview__detail">
          {t('actions.preview.formula', { clientCost: plan.clientCostPercent })}{' '}
          {vat === 'incl' ? t('actions.preview.incl_vat', { vat: plan.vatPercent }) : t('actions.preview.excl_vat')}
        </p>
        <p className="cost-preview__detail">
          {preview.priceLevelYear === null
            ? t('actions.preview.not_indexed')
            : t('actions.preview.indexed', {
                priceLevelYear: preview.priceLevelYear,
                rate: plan.indexation.annualRatePercent,
                year,
                amount: amount(preview.inYear),
              })}
        </p>
      </>
    );
  }

  return (
    <section className="cost-preview" aria-live="polite" aria-labelledby={titleId}>
      <h3 className="cost-preview__title" id={titleId}>
        {t('actions.preview.title')}
      </h3>
      {body}
    </section>
  );
}
