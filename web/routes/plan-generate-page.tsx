import { Link } from 'react-router';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { Spinner } from '../components/ui/spinner.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { GenerateChecklist } from '../features/generate/generate-checklist.tsx';
import { planPath, usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { usePlan } from '../features/plan-core/plans-api.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** Generate draft actions from a checklist of building parts (editors and admins), on a tablet in the field. */
export function PlanGeneratePage() {
  const { t } = useTranslation();
  usePageTitle(t('generate.title'));
  const { accountId, planId } = usePlanRouteParams();
  const { role } = useCurrentMembership();
  const plan = usePlan(planId);
  const back = <Link to={planPath(accountId, planId)}>{t('generate.back_to_plan')}</Link>;
  if (role === 'viewer') {
    return (
      <EmptyState title={t('generate.viewer_title')} action={back}>
        <p>{t('generate.viewer_text')}</p>
      </EmptyState>
    );
  }
  if (plan.isPending) return <Spinner label={t('loading')} />;
  if (plan.isError) return <QueryLoadError query={plan} />;
  return (
    <section className="plan-generate-page">
      <h2>{t('generate.title')}</h2>
      <p className="page__lead">{t('generate.lead')}</p>
      <GenerateChecklist accountId={accountId} plan={plan.data} />
    </section>
  );
}
