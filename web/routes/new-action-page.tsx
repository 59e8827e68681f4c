import { Link } from 'react-router';
import type { Plan } from '../../shared/schemas/plan.ts';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { ActionBreadcrumb } from '../features/actions/action-breadcrumb.tsx';
import { NewActionForm } from '../features/actions/new-action-form.tsx';
import { PlanGate } from '../features/actions/plan-gate.tsx';
import { planPath, usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** A new action of a plan, for editors and admins. */
export function NewActionPage() {
  const { accountId, planId } = usePlanRouteParams();
  return (
    <PlanGate accountId={accountId} planId={planId}>
      {(plan) => <NewActionScreen accountId={accountId} plan={plan} />}
    </PlanGate>
  );
}

function NewActionScreen({ accountId, plan }: { accountId: string; plan: Plan }) {
  const { t } = useTranslation();
  const { role } = useCurrentMembership();
  usePageTitle(`${t('actions.new_title')} · ${plan.name}`);
  if (role === 'viewer') {
    return (
      <EmptyState
        headingLevel={1}
        title={t('actions.viewer_cannot_create_title')}
        action={<Link to={planPath(accountId, plan.id)}>{t('actions.back_to_plan')}</Link>}
      >
        <p>{t('actions.viewer_cannot_create_text')}</p>
      </EmptyState>
    );
  }
  return (
    <div className="action-screen">
      <ActionBreadcrumb accountId={accountId} plan={plan} current={t('actions.new_title')} />
      <h1>{t('actions.new_title')}</h1>
      <p className="page__lead">{t('actions.new_lead', { plan: plan.name })}</p>
      <NewActionForm accountId={accountId} plan={plan} />
    </div>
  );
}
