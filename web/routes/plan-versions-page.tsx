import { Spinner } from '../components/ui/spinner.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { usePlan } from '../features/plan-core/plans-api.ts';
import { usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { PlanVersions } from '../features/versions/plan-versions.tsx';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The plan's versions tab: saving and restoring for editors and admins, reading and comparing for everyone. */
export function PlanVersionsPage() {
  const { t } = useTranslation();
  const { role } = useCurrentMembership();
  const { planId } = usePlanRouteParams();
  const plan = usePlan(planId);
  usePageTitle(plan.data ? t('versions.page_title', { name: plan.data.name }) : t('versions.title'));
  if (plan.isPending) return <Spinner label={t('loading')} />;
  if (plan.isError) return <QueryLoadError query={plan} />;
  return <PlanVersions plan={plan.data} canEdit={role !== 'viewer'} />;
}
