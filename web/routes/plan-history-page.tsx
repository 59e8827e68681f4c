import { lazy, Suspense, useMemo } from 'react';
import { Spinner } from '../components/ui/spinner.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { useActions } from '../features/actions/actions-api.ts';
import { usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { usePlan } from '../features/plan-core/plans-api.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

// Loaded when first opened, keeping the main chunk under the build's 500 kB warning.
const PlanHistory = lazy(() => import('../features/history/plan-history.tsx').then((module) => ({ default: module.PlanHistory })));

/** The plan's history tab: who changed what and when, with the plan's actions to link the entries to. */
export function PlanHistoryPage() {
  const { t } = useTranslation();
  const { accountId, role } = useCurrentMembership();
  const { planId } = usePlanRouteParams();
  const plan = usePlan(planId);
  const actions = useActions(planId);
  const existingActionIds = useMemo(() => (actions.data === undefined ? undefined : new Set(actions.data.map((action) => action.id))), [actions.data]);
  usePageTitle(plan.data ? t('history.plan_page_title', { name: plan.data.name }) : t('history.plan_title'));

  if (plan.isPending) return <Spinner label={t('loading')} />;
  if (plan.isError) return <QueryLoadError query={plan} />;
  return (
    <Suspense fallback={<Spinner label={t('loading')} />}>
      <PlanHistory accountId={accountId} plan={plan.data} existingActionIds={existingActionIds} canListMembers={role === 'admin'} />
    </Suspense>
  );
}
