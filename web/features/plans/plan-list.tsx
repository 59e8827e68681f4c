import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreatePlan, usePlans } from '../plan-core/plans-api.ts';
import { newPlanSettings } from './plan-form-schema.ts';
import { PlanForm } from './plan-form.tsx';

interface PlanListProps {
  accountId: string;
  propertyId: string;
  canEdit: boolean;
}

/** The property's maintenance plans, and for editors the form for a new one. */
export function PlanList({ accountId, propertyId, canEdit }: PlanListProps) {
  const { t, language } = useTranslation();
  const navigate = useNavigate();
  // The start page's "create a plan" link points here (#plans): the form takes focus, in view.
  const isLinkedTo = useLocation().hash === '#plans';
  const plans = usePlans(propertyId);
  const createPlan = useCreatePlan(propertyId);
  const [isCreating, setIsCreating] = useState(false);
  const planUrl = (planId: string) => `/accounts/${accountId}/plans/${planId}`;

  let content;
  if (plans.isPending) content = <Spinner label={t('loading')} />;
  else if (plans.isError) {
    content = <QueryLoadError query={plans} />;
  } else if (plans.data.length === 0) {
    content = <p>{canEdit ? t('plans.none_editor') : t('plans.none_viewer')}</p>;
  } else {
    content = (
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('plans.column.name')}</th>
              <th scope="col">{t('plans.column.period')}</th>
              <th scope="col">{t('plans.column.settings')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.data.map((plan) => (
              <tr key={plan.id}>
                <td className="table__name">
                  <Link to={planUrl(plan.id)}>{plan.name}</Link>
                </td>
                <td>{t('plans.period', { startYear: plan.startYear, endYear: plan.startYear + plan.lengthYears - 1 })}</td>
                <td>
                  {plan.indexation.enabled
                    ? t('plans.summary_indexed', {
                        vat: formatNumber(plan.vatPercent, language),
                        rate: formatNumber(plan.indexation.annualRatePercent, language),
                      })
                    : t('plans.summary', { vat: formatNumber(plan.vatPercent, language) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  // Opened without a plan: the property has nothing else to show, and the start page links here for it.
  const isFormShown = canEdit && (isCreating || plans.data?.length === 0);
  return (
    <section className="section" id="plans" aria-labelledby="plans-title">
      <h2 id="plans-title">{t('plans.title')}</h2>
      {content}
      {isFormShown && (
        <div className="portfolio-subsection">
          <h3 className="portfolio-subsection__title">{t('plans.create_title')}</h3>
          <PlanForm
            initial={newPlanSettings(new Date().getFullYear())}
            submitLabel={t('plans.create_submit')}
            isPending={createPlan.isPending}
            error={createPlan.error}
            isFocusedOnOpen={isCreating || isLinkedTo}
            onCancel={plans.data?.length === 0 ? undefined : () => setIsCreating(false)}
            onSubmit={(request, { showApiError }) =>
              createPlan.mutate(request, {
                onError: showApiError,
                // The next step is adding the plan's actions, which happens on the plan's own page.
                onSuccess: (plan) => void navigate(planUrl(plan.id)),
              })
            }
          />
        </div>
      )}
      {canEdit && !isFormShown && (
        <Button
          onClick={() => {
            createPlan.reset();
            setIsCreating(true);
          }}
        >
          {t('plans.create_open')}
        </Button>
      )}
    </section>
  );
}
