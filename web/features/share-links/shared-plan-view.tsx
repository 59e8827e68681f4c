import { categoryNames } from '../../../shared/categories.ts';
import type { SharedPlan } from '../../../shared/schemas/share-link.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { BrandMark } from '../branding/brand-mark.tsx';
import { useBrandColour } from '../branding/use-brand-colour.ts';
import { sharedReportPath } from './shared-plan-api.ts';

/**
 * The read-only plan behind a share link under the sharing account's branding: key figures, the
 * fund's answer, the window's sums by category and every occurrence by year, all as the server
 * computed them, and the board report.
 */
export function SharedPlanView({ token, plan }: { token: string; plan: SharedPlan }) {
  const { t, language } = useTranslation();
  const amount = (value: number) => formatAmount(value, language);
  const { analysis, fund, branding } = plan;
  const brandColour = useBrandColour(branding.colour);
  const actions = new Map(plan.actions.map((action) => [action.id, action]));
  const categories = Object.entries(analysis.byCategory).filter(([, value]) => value !== 0);
  const validUntil = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }).format(new Date(plan.expiresAt));

  return (
    <article className="shared-plan">
      <div ref={brandColour} className="shared-plan__brand branded">
        <BrandMark displayName={branding.displayName} logoUrl={branding.logoUrl} />
      </div>
      <h1>{plan.plan.name}</h1>
      <p>{t('share.shared_by', { property: plan.propertyName, account: plan.accountName, date: validUntil })}</p>
      <p className="form__note">
        {t('share.read_only')} {t('share.amounts_excl')}
      </p>
      <p>
        <a className="button button--secondary" href={sharedReportPath(token, language)} download>
          {t('share.download')}
        </a>
      </p>

      <section className="section" aria-labelledby="shared-key-figures">
        <h2 id="shared-key-figures">{t('share.key_figures')}</h2>
        <dl className="key-figures">
          <div className="key-figure">
            <dt className="key-figure__label">{t('share.total', { start: analysis.window.startYear, end: analysis.window.endYear })}</dt>
            <dd className="key-figure__value">{amount(analysis.total)}</dd>
          </div>
          <div className="key-figure">
            <dt className="key-figure__label">{t('share.average')}</dt>
            <dd className="key-figure__value">{amount(analysis.averagePerYear)}</dd>
          </div>
          <div className="key-figure">
            <dt className="key-figure__label">{t('share.debt')}</dt>
            <dd className="key-figure__value">{amount(analysis.maintenanceDebt)}</dd>
          </div>
          <div className="key-figure">
            <dt className="key-figure__label">{t('share.first_shortfall')}</dt>
            <dd className="key-figure__value">{fund.firstShortfallYear ?? t('share.no_shortfall')}</dd>
          </div>
          <div className="key-figure">
            <dt className="key-figure__label">{t('share.required_provision')}</dt>
            <dd className="key-figure__value">{fund.requiredProvisionPerYear === null ? '–' : amount(fund.requiredProvisionPerYear)}</dd>
          </div>
        </dl>
      </section>

      <section className="section" aria-labelledby="shared-by-category">
        <h2 id="shared-by-category">{t('share.by_category')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="shared-by-category">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('share.column.category')}</th>
                <th scope="col" className="analysis-table__amount">
                  {t('share.column.cost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map(([code, value]) => (
                <tr key={code}>
                  <th scope="row">{code in categoryNames ? categoryNames[code as keyof typeof categoryNames][language] : code}</th>
                  <td className="analysis-table__amount">{amount(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section" aria-labelledby="shared-by-year">
        <h2 id="shared-by-year">{t('share.by_year')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="shared-by-year">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('share.column.year')}</th>
                <th scope="col">{t('share.column.action')}</th>
                <th scope="col">{t('share.column.category')}</th>
                <th scope="col">{t('share.column.building')}</th>
                <th scope="col" className="analysis-table__amount">
                  {t('share.column.cost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.occurrences.map((occurrence) => {
                const action = actions.get(occurrence.actionId);
                return (
                  <tr key={`${occurrence.actionId} ${occurrence.year}`}>
                    <td>{occurrence.year}</td>
                    <th scope="row">{action?.name ?? ''}</th>
                    <td>{action ? categoryNames[action.category][language] : ''}</td>
                    <td>{action?.buildingName ?? ''}</td>
                    <td className="analysis-table__amount">{amount(occurrence.cost)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
