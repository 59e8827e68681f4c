import { useParams } from 'react-router';
import type { Plan } from '../../shared/schemas/plan.ts';
import { Spinner } from '../components/ui/spinner.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { useAction } from '../features/actions/actions-api.ts';
import { ActionBreadcrumb } from '../features/actions/action-breadcrumb.tsx';
import { ActionOverview } from '../features/actions/action-overview.tsx';
import { ActionNotFound, isNotFound, PlanGate } from '../features/actions/plan-gate.tsx';
import { planPath, usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** One action of a plan: details, occurrences, history, discussion; editing for editors. */
export function ActionPage() {
  const { accountId, planId } = usePlanRouteParams();
  return (
    <PlanGate accountId={accountId} planId={planId}>
      {(plan) => <ActionScreen accountId={accountId} plan={plan} />}
    </PlanGate>
  );
}

function ActionScreen({ accountId, plan }: { accountId: string; plan: Plan }) {
  const { t } = useTranslation();
  const { actionId = '' } = useParams();
  const { role } = useCurrentMembership();
  const action = useAction(plan.id, actionId);
  // An action id of another plan answers like a missing one: the address must name its own plan.
  const isOtherPlan = action.data !== undefined && action.data.planId !== plan.id;
  usePageTitle(action.data && !isOtherPlan ? `${action.data.name} · ${plan.name}` : t('actions.title'));

  if (action.isPending) return <Spinner label={t('loading')} />;
  if ((action.isError && isNotFound(action.error)) || isOtherPlan) {
    return <ActionNotFound accountId={accountId} what="action" planUrl={planPath(accountId, plan.id)} />;
  }
  if (action.isError) {
    return <QueryLoadError query={action} />;
  }
  return (
    <>
      <ActionBreadcrumb accountId={accountId} plan={plan} current={action.data.name} />
      <ActionOverview key={action.data.id} accountId={accountId} plan={plan} action={action.data} canEdit={role !== 'viewer'} />
    </>
  );
}
