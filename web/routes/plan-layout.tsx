import { Link, Outlet } from 'react-router';
import type { Plan } from '../../shared/schemas/plan.ts';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { Spinner } from '../components/ui/spinner.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { ActionFeedback } from '../features/actions/action-feedback.tsx';
import { GeneratedNotice } from '../features/generate/generated-notice.tsx';
import { usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { usePlan } from '../features/plan-core/plans-api.ts';
import { PlanHeader } from '../features/plans/plan-header.tsx';
import { useProperty } from '../features/properties/properties-api.ts';
import { RepriceNotice } from '../features/reprice/reprice-notice.tsx';
import { ReportDownload } from '../features/reports/report-download.tsx';
import { SpreadsheetActions } from '../features/spreadsheets/spreadsheet-actions.tsx';
import { ApiError } from '../lib/api/api-error.ts';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The plan page: header, tabs and display switches around the chosen tab. */
export function PlanLayout() {
  const { t } = useTranslation();
  const { accountId, planId } = usePlanRouteParams();
  const plan = usePlan(planId);

  if (plan.isPending) return <Spinner label={t('loading')} />;
  if (plan.isError) {
    if (plan.error instanceof ApiError && plan.error.code === 'not_found') return <PlanNotFound accountId={accountId} />;
    return <QueryLoadError query={plan} />;
  }
  return <PlanFrame accountId={accountId} plan={plan.data} />;
}

function PlanFrame({ accountId, plan }: { accountId: string; plan: Plan }) {
  const { role } = useCurrentMembership();
  // The property only names the breadcrumb: the page works without it.
  const property = useProperty(plan.propertyId);
  return (
    <div className="plan-page">
      <PlanHeader
        accountId={accountId}
        plan={plan}
        property={property.data}
        canEdit={role !== 'viewer'}
        exports={
          <>
            <SpreadsheetActions planId={plan.id} />
            <ReportDownload planId={plan.id} />
          </>
        }
      />
      <ActionFeedback />
      <RepriceNotice planId={plan.id} canEdit={role !== 'viewer'} />
      <GeneratedNotice planId={plan.id} />
      <Outlet />
    </div>
  );
}

function PlanNotFound({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('plan_views.not_found_title'));
  return (
    <EmptyState
      headingLevel={1}
      title={t('plan_views.not_found_title')}
      action={<Link to={`/accounts/${encodeURIComponent(accountId)}`}>{t('account.go_to_start')}</Link>}
    >
      <p>{t('plan_views.not_found_text')}</p>
    </EmptyState>
  );
}
