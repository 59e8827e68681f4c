import { Link } from 'react-router';
import type { PlanAnalysis } from '../../../shared/cost-model/index.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { KeyFigure } from './key-figure.tsx';
import { useAmountFormat } from './use-amount-format.ts';

interface AnalysisKeyFiguresProps {
  accountId: string;
  plan: Plan;
  analysis: PlanAnalysis;
  vat: VatChoice;
}

/**
 * The five key figures of docs/product/cost-model.md § Plan analysis with how each is computed;
 * per-m² figures lead to the property when its area is missing.
 */
export function AnalysisKeyFigures({ accountId, plan, analysis, vat }: AnalysisKeyFiguresProps) {
  const { t, language } = useTranslation();
  const format = useAmountFormat();
  const { startYear: start, endYear: end } = analysis.window;
  const area = formatNumber(analysis.areaM2, language);
  const perM2 = (value: number | null) => (value === null ? '–' : t('analysis.per_m2', { amount: format.amount(value) }));
  const missingArea =
    analysis.areaM2 === 0 ? (
      <>
        {t('analysis.missing_area')}{' '}
        <Link to={`/accounts/${encodeURIComponent(accountId)}/properties/${encodeURIComponent(plan.propertyId)}`}>{t('analysis.enter_area')}</Link>
      </>
    ) : undefined;

  return (
    <section className="analysis-section" aria-labelledby="analysis-key-figures">
      <h3 id="analysis-key-figures" className="visually-hidden">
        {t('analysis.key_figures')}
      </h3>
      <dl className="key-figures">
        <KeyFigure
          label={t('analysis.figure.total', { start, end })}
          value={format.amount(analysis.total)}
          explanation={
            <p>
              {t('analysis.figure.total_explained')} {t(vat === 'incl' ? 'analysis.cost_formula_incl' : 'analysis.cost_formula_excl')}
            </p>
          }
        />
        <KeyFigure
          label={t('analysis.figure.average')}
          value={format.amount(analysis.averagePerYear)}
          explanation={<p>{t('analysis.figure.average_explained', { years: plan.lengthYears })}</p>}
        />
        <KeyFigure
          label={t('analysis.figure.average_per_m2')}
          value={perM2(analysis.averagePerYearPerM2)}
          note={missingArea}
          explanation={
            <p>{analysis.areaM2 === 0 ? t('analysis.figure.average_per_m2_explained_no_area') : t('analysis.figure.average_per_m2_explained', { area })}</p>
          }
        />
        <KeyFigure
          label={t('analysis.figure.debt')}
          value={format.amount(analysis.maintenanceDebt)}
          explanation={<p>{t('analysis.figure.debt_explained', { year: new Date().getUTCFullYear() })}</p>}
        />
        <KeyFigure
          label={t('analysis.figure.debt_per_m2')}
          value={perM2(analysis.maintenanceDebtPerM2)}
          note={missingArea}
          explanation={
            <p>{analysis.areaM2 === 0 ? t('analysis.figure.debt_per_m2_explained_no_area') : t('analysis.figure.debt_per_m2_explained', { area })}</p>
          }
        />
      </dl>
    </section>
  );
}
