import { useParams } from 'react-router';
import { Spinner } from '../components/ui/spinner.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { usePlan } from '../features/plan-core/plans-api.ts';
import { PlanSettingsDelete } from '../features/plans/plan-settings-delete.tsx';
import { PlanSettingsForm } from '../features/plans/plan-settings-form.tsx';
import { PlanSettingsSummary } from '../features/plans/plan-settings-summary.tsx';
import { RollPlanForward } from '../features/plans/roll-plan-forward.tsx';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The plan's settings tab: every setting, rolling the start year forward, deleting the plan. */
export function PlanSettingsPage() {
  const { t } = useTranslation();
  const { accountId, role } = useCurrentMembership();
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  usePageTitle(plan.data ? t('plans.settings.page_title', { name: plan.data.name }) : t('plans.settings.title'));

  if (plan.isPending) return <Spinner label={t('loading')} />;
  if (plan.isError) {
    return <QueryLoadError query={plan} />;
  }
  if (role === 'viewer') return <PlanSettingsSummary plan={plan.data} />;
  return (
    <>
      <PlanSettingsForm accountId={accountId} plan={plan.data} />
      <RollPlanForward accountId={accountId} plan={plan.data} />
      <PlanSettingsDelete accountId={accountId} plan={plan.data} />
    </>
  );
}
