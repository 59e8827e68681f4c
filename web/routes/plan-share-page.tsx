import { Spinner } from '../components/ui/spinner.tsx';
import { useCurrentMembership } from '../features/accounts/use-selected-membership.ts';
import { usePlan } from '../features/plan-core/plans-api.ts';
import { usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { ShareLinkForm } from '../features/share-links/share-link-form.tsx';
import { ShareLinkList } from '../features/share-links/share-link-list.tsx';
import { QueryLoadError } from '../lib/api/query-load-error.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

/** The plan's "Dela" tab: editors make and revoke read-only links, every member sees them. */
export function PlanSharePage() {
  const { t } = useTranslation();
  const { role } = useCurrentMembership();
  const { planId } = usePlanRouteParams();
  const plan = usePlan(planId);
  usePageTitle(plan.data ? t('share_links.page_title', { name: plan.data.name }) : t('share_links.tab'));
  if (plan.isPending) return <Spinner label={t('loading')} />;
  if (plan.isError) return <QueryLoadError query={plan} />;
  const canEdit = role !== 'viewer';
  return (
    <>
      {canEdit && <ShareLinkForm planId={planId} />}
      <ShareLinkList planId={planId} canEdit={canEdit} />
    </>
  );
}
