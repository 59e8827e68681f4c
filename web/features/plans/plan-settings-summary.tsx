import type { Plan } from '../../../shared/schemas/plan.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/** The plan's settings for those who may read but not change them. */
export function PlanSettingsSummary({ plan }: { plan: Plan }) {
  const { t, language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  const percent = (value: number) => t('plans.percent', { value: formatNumber(value, language) });
  const amount = (value: number) => formatAmount(value, language, isRounded);
  return (
    <section className="section" aria-labelledby="plan-settings-summary-title">
      <h2 id="plan-settings-summary-title">{t('plans.settings.form_title')}</h2>
      <p className="portfolio-intro">{t('plans.settings.read_only')}</p>
      <dl className="portfolio-facts">
        <div>
          <dt>{t('plans.field.name')}</dt>
          <dd>{plan.name}</dd>
        </div>
        <div>
          <dt>{t('plans.column.period')}</dt>
          <dd>{t('plans.period', { startYear: plan.startYear, endYear: plan.startYear + plan.lengthYears - 1 })}</dd>
        </div>
        <div>
          <dt>{t('plans.field.client_cost_percent')}</dt>
          <dd>{percent(plan.clientCostPercent)}</dd>
        </div>
        <div>
          <dt>{t('plans.field.vat_percent')}</dt>
          <dd>{percent(plan.vatPercent)}</dd>
        </div>
        <div>
          <dt>{t('plans.indexation.legend')}</dt>
          <dd>
            {plan.indexation.enabled
              ? t('plans.indexation.on', {
                  rate: formatNumber(plan.indexation.annualRatePercent, language),
                  year: plan.indexation.defaultBaseYear ?? '–',
                })
              : t('plans.indexation.off')}
          </dd>
        </div>
        <div>
          <dt>{t('plans.fund.opening_balance')}</dt>
          <dd>{amount(plan.fund.openingBalance)}</dd>
        </div>
        <div>
          <dt>{t('plans.fund.current_provision')}</dt>
          <dd>{amount(plan.fund.currentProvisionPerYear)}</dd>
        </div>
        <div>
          <dt>{t('plans.fund.minimum_balance')}</dt>
          <dd>{amount(plan.fund.minimumBalance)}</dd>
        </div>
        <div>
          <dt>{t('plans.fund.provision_growth')}</dt>
          <dd>{percent(plan.fund.provisionGrowthPercent)}</dd>
        </div>
        <div>
          <dt>{t('plans.fund.interest_rate')}</dt>
          <dd>{percent(plan.fund.interestRatePercent)}</dd>
        </div>
      </dl>
    </section>
  );
}
